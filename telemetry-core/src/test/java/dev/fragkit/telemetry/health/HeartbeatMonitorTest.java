package dev.fragkit.telemetry.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fragkit.telemetry.time.VirtualTime;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HeartbeatMonitorTest {
  private final VirtualTime vt = new VirtualTime();
  private final List<String> events = new ArrayList<>();
  private volatile boolean peerUp = true;
  private volatile long latencyMs = 10;

  private HeartbeatMonitor monitor() {
    return HeartbeatMonitor.builder(() -> {
      vt.elapse(Duration.ofMillis(latencyMs));
      if (!peerUp) {
        throw new IOException("no pong");
      }
    }).clock(vt).listener(new HeartbeatMonitor.Listener() {
      @Override
      public void onTimeout(Duration sinceLastBeat) {
        events.add("timeout after " + sinceLastBeat.toMillis() + " ms");
      }

      @Override
      public void onRecovered(Duration latency) {
        events.add("recovered " + latency.toMillis() + " ms");
      }
    }).build();
  }

  @Test
  void probesEveryTwentySecondsAndTimesOutAfterSixtyWithoutABeat() {
    HeartbeatMonitor m = monitor();
    m.start(vt);
    vt.advance(Duration.ofSeconds(20));
    assertThat(m.state()).isEqualTo(HeartbeatMonitor.State.ALIVE);
    assertThat(m.beats()).isEqualTo(1);
    peerUp = false;
    vt.advance(Duration.ofSeconds(40)); // two failed probes, 40 s since the beat
    assertThat(m.state()).isEqualTo(HeartbeatMonitor.State.ALIVE);
    vt.advance(Duration.ofSeconds(20)); // third failure, 60 s since the beat
    assertThat(m.state()).isEqualTo(HeartbeatMonitor.State.TIMED_OUT);
    assertThat(m.failures()).isEqualTo(3);
    vt.advance(Duration.ofSeconds(60));
    assertThat(events).containsExactly("timeout after 60000 ms");
    peerUp = true;
    latencyMs = 30;
    vt.advance(Duration.ofSeconds(20));
    assertThat(m.state()).isEqualTo(HeartbeatMonitor.State.ALIVE);
    assertThat(events).containsExactly("timeout after 60000 ms", "recovered 30 ms");
    m.close();
  }

  @Test
  void neverAnsweringPeerTimesOutFromStart() {
    peerUp = false;
    HeartbeatMonitor m = monitor();
    m.start(vt);
    vt.advance(Duration.ofSeconds(59));
    assertThat(m.state()).isEqualTo(HeartbeatMonitor.State.STARTING);
    vt.advance(Duration.ofSeconds(1));
    assertThat(m.state()).isEqualTo(HeartbeatMonitor.State.TIMED_OUT);
    m.close();
  }

  @Test
  void hungProbeIsAbandonedSoAHungPeerStillTimesOut() throws Exception {
    java.util.concurrent.CountDownLatch never = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.CountDownLatch interrupted = new java.util.concurrent.CountDownLatch(1);
    HeartbeatMonitor m = HeartbeatMonitor.builder(() -> {
      try {
        never.await();
      } catch (InterruptedException e) {
        interrupted.countDown();
        throw e;
      }
    }).clock(vt).probeTimeout(Duration.ofMillis(30)).build();
    m.start(vt);
    vt.advance(Duration.ofSeconds(60));
    assertThat(m.state()).isEqualTo(HeartbeatMonitor.State.TIMED_OUT);
    assertThat(m.failures()).isEqualTo(3);
    assertThat(interrupted.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    m.close();
  }

  @Test
  void latencyStatisticsOverTheWindow() {
    HeartbeatMonitor m = monitor();
    for (int i = 1; i <= 100; i++) {
      latencyMs = i;
      m.probeOnce();
    }
    LatencyStats s = m.latency();
    assertThat(s.count()).isEqualTo(100);
    assertThat(s.min()).isEqualTo(Duration.ofMillis(1));
    assertThat(s.max()).isEqualTo(Duration.ofMillis(100));
    assertThat(s.mean()).isEqualTo(Duration.ofNanos(50_500_000));
    assertThat(s.p50()).isEqualTo(Duration.ofMillis(50));
    assertThat(s.p95()).isEqualTo(Duration.ofMillis(95));
    assertThat(s.p99()).isEqualTo(Duration.ofMillis(99));
    m.recordBeat(Duration.ofMillis(500));
    assertThat(m.latency().count()).isEqualTo(100);
    assertThat(m.latency().max()).isEqualTo(Duration.ofMillis(500));
    assertThat(m.latency().min()).isEqualTo(Duration.ofMillis(2));
    m.close();
  }

  @Test
  void builderValidates() {
    assertThatThrownBy(() -> HeartbeatMonitor.builder(() -> {}).interval(Duration.ofSeconds(30))
        .timeout(Duration.ofSeconds(10)).build())
        .isInstanceOf(IllegalStateException.class).hasMessage("timeout PT10S is shorter than interval PT30S");
    assertThatThrownBy(() -> HeartbeatMonitor.builder(() -> {}).window(0))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("window outside 1..100000: 0");
  }
}
