package dev.fragkit.telemetry.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fragkit.telemetry.record.Recorder;
import dev.fragkit.telemetry.record.RecorderConfig;
import dev.fragkit.telemetry.record.RecorderRegistry;
import dev.fragkit.telemetry.record.RecordingFileSystem;
import dev.fragkit.telemetry.record.SyncPolicy;
import dev.fragkit.telemetry.record.TestTicks;
import dev.fragkit.telemetry.tick.GameTick;
import dev.fragkit.telemetry.tick.TickCodec;
import dev.fragkit.telemetry.time.VirtualTime;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplayEngineTest {
  private final VirtualTime vt = new VirtualTime();
  private final List<Long> seen = Collections.synchronizedList(new ArrayList<>());
  private final AtomicInteger ends = new AtomicInteger();
  private ReplayEngine engine;

  /** Ticks 0..n-1, recorded 250 ms apart. */
  private static List<GameTick> ticks(int n) {
    List<GameTick> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(TestTicks.tick(i));
    }
    return out;
  }

  private ReplayEngine engine(List<GameTick> ticks) {
    engine = ReplayEngine.builder().scheduler(vt).clock(vt).listener(new ReplayListener() {
      @Override
      public void onTick(GameTick tick, ReplayEngine.Mode mode) {
        assertThat(engine.lockHeldByCurrentThread()).as("listener called under lock").isFalse();
        seen.add(tick.sequence());
      }

      @Override
      public void onEnd() {
        assertThat(engine.lockHeldByCurrentThread()).isFalse();
        ends.incrementAndGet();
      }
    }).build();
    engine.openFile(TickSource.of(ticks));
    return engine;
  }

  @AfterEach
  void stop() {
    if (engine != null) {
      assertThat(engine.stop()).isTrue();
    }
  }

  private void advanceMs(long ms) {
    vt.advance(Duration.ofMillis(ms));
  }

  @Test
  void playsAtRecordedPaceAtNormalSpeed() {
    engine(ticks(4)).play();
    vt.runDue();
    assertThat(seen).containsExactly(0L);
    advanceMs(249);
    assertThat(seen).containsExactly(0L);
    advanceMs(1);
    assertThat(seen).containsExactly(0L, 1L);
    advanceMs(500);
    assertThat(seen).containsExactly(0L, 1L, 2L, 3L);
    assertThat(ends.get()).isEqualTo(1);
    assertThat(engine.isPlaying()).isFalse();
  }

  @Test
  void speedScalesTheGaps() {
    engine(ticks(10)).setSpeed(10.0);
    engine.play();
    vt.runDue();
    advanceMs(25 * 3);
    assertThat(seen).containsExactly(0L, 1L, 2L, 3L);
    engine.setSpeed(0.1); // next gap 25 ms at 10x; rescaled to 2500 ms at 0.1x
    advanceMs(2499);
    assertThat(seen).hasSize(4);
    advanceMs(1);
    assertThat(seen).hasSize(5);
    advanceMs(2500);
    assertThat(seen).hasSize(6);
  }

  @Test
  void speedOutsideRangeIsRejected() {
    engine(ticks(1));
    assertThatThrownBy(() -> engine.setSpeed(10.5)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("speed outside 0.1..10.0: 10.5");
    assertThatThrownBy(() -> engine.setSpeed(0.05)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("speed outside 0.1..10.0: 0.05");
    assertThatThrownBy(() -> engine.setSpeed(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void pauseKeepsTheRemainingWaitAndResumeHonoursIt() {
    engine(ticks(5)).play();
    vt.runDue();
    advanceMs(100);
    engine.pause();
    advanceMs(60_000);
    assertThat(seen).containsExactly(0L);
    engine.resume();
    advanceMs(149);
    assertThat(seen).containsExactly(0L);
    advanceMs(1);
    assertThat(seen).containsExactly(0L, 1L);
  }

  @Test
  void stepEmitsOneTickAtATimeOnlyWhilePaused() {
    engine(ticks(3));
    assertThat(engine.step()).get().extracting(GameTick::sequence).isEqualTo(0L);
    assertThat(engine.step()).get().extracting(GameTick::sequence).isEqualTo(1L);
    assertThat(seen).containsExactly(0L, 1L);
    engine.play();
    assertThatThrownBy(engine::step).isInstanceOf(IllegalStateException.class)
        .hasMessage("step() while playing; pause() first");
    engine.pause();
    assertThat(engine.step()).get().extracting(GameTick::sequence).isEqualTo(2L);
    assertThat(engine.step()).isEmpty();
  }

  @Test
  void seekBySequenceForwardAndBackward() {
    engine(ticks(100));
    assertThat(engine.seekToSequence(40)).get().extracting(GameTick::sequence).isEqualTo(40L);
    engine.step();
    assertThat(engine.seekToSequence(90)).get().extracting(GameTick::sequence).isEqualTo(90L);
    assertThat(engine.seekToSequence(3)).get().extracting(GameTick::sequence).isEqualTo(3L);
    engine.step();
    engine.step();
    assertThat(seen).containsExactly(40L, 3L, 4L);
    assertThat(engine.seekToSequence(1000)).isEmpty();
    assertThat(engine.step()).isEmpty();
  }

  @Test
  void seekByTimeWhilePlayingEmitsTheTargetAtOnce() {
    engine(ticks(100)).play();
    vt.runDue();
    engine.seekToTime(TestTicks.T0.plusMillis(250 * 60 + 1));
    vt.runDue();
    assertThat(seen).containsExactly(0L, 61L);
    advanceMs(250);
    assertThat(seen).containsExactly(0L, 61L, 62L);
  }

  @Test
  void longRecordedGapsAreShortenedToMaxGap() {
    List<GameTick> ticks = List.of(
        GameTick.builder("g", 0, TestTicks.T0).build(),
        GameTick.builder("g", 1, TestTicks.T0.plus(Duration.ofHours(2))).build());
    engine(ticks).play();
    vt.runDue();
    advanceMs(4_999);
    assertThat(seen).containsExactly(0L);
    advanceMs(1);
    assertThat(seen).containsExactly(0L, 1L);
  }

  @Test
  void replaysARecordingFromDiskInOrder(@TempDir Path dir) {
    try (Recorder r = Recorder.builder(dir)
        .config(RecorderConfig.builder().minFreeBytesToStart(0).minFreeBytesToContinue(0)
            .syncPolicy(SyncPolicy.NONE).build())
        .scheduler(vt).registry(RecorderRegistry.create(1)).open()) {
      ticks(300).forEach(r::record);
    }
    engine = ReplayEngine.builder().scheduler(vt).clock(vt).listener(new ReplayListener() {
      @Override
      public void onTick(GameTick tick, ReplayEngine.Mode mode) {
        seen.add(tick.sequence());
      }
    }).build();
    engine.openFile(TickSource.recording(dir, RecordingFileSystem.local(), TickCodec.defaults()));
    engine.setSpeed(10);
    engine.play();
    vt.advance(Duration.ofSeconds(8));
    assertThat(seen).hasSize(300);
    for (int i = 0; i < 300; i++) {
      assertThat(seen.get(i)).isEqualTo(i);
    }
  }

  @Test
  void liveModeKeepsTheNewestTicksAndForwardsEveryPush() {
    engine(ticks(1));
    engine.play();
    engine.startLive();
    vt.advance(Duration.ofSeconds(1));
    assertThat(seen).as("file mode discarded").isEmpty();
    for (int i = 0; i < 6000; i++) {
      engine.push(TestTicks.tick(i));
    }
    assertThat(seen).hasSize(6000);
    TickRingBuffer ring = engine.liveBuffer();
    assertThat(ring.size()).isEqualTo(5000);
    assertThat(ring.evicted()).isEqualTo(1000);
    assertThat(engine.latest(3)).extracting(GameTick::sequence).containsExactly(5997L, 5998L, 5999L);
    assertThat(ring.range(999, 1001)).extracting(GameTick::sequence).containsExactly(1000L, 1001L);
    assertThatThrownBy(engine::play).isInstanceOf(IllegalStateException.class)
        .hasMessage("engine is in LIVE mode, not FILE");
  }

  @Test
  void ownThreadIsAtMostOneAndStopJoinsIt() throws Exception {
    CountDownLatch got = new CountDownLatch(50);
    List<GameTick> fast = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      fast.add(GameTick.builder("g", i, TestTicks.T0.plusMillis(i)).build());
    }
    engine = ReplayEngine.builder().listener(new ReplayListener() {
      @Override
      public void onTick(GameTick tick, ReplayEngine.Mode mode) {
        got.countDown();
      }
    }).build();
    engine.openFile(TickSource.of(fast));
    engine.setSpeed(10);
    engine.play();
    assertThat(got.await(30, TimeUnit.SECONDS)).isTrue();
    long threads = Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().startsWith("fragkit-telemetry-replay")).filter(Thread::isAlive).count();
    assertThat(threads).isBetween(1L, 3L);
    assertThat(engine.stop()).isTrue();
    assertThat(Thread.getAllStackTraces().keySet())
        .noneMatch(t -> t.getName().startsWith("fragkit-telemetry-replay") && t.isAlive());
    assertThatThrownBy(() -> engine.openFile(TickSource.of(fast)))
        .isInstanceOf(IllegalStateException.class).hasMessage("closed");
    engine = null;
  }

  @Test
  void ringBufferRejectsBadCapacityAndConfigValidates() {
    assertThatThrownBy(() -> new TickRingBuffer(0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("capacity < 1: 0");
    assertThatThrownBy(() -> ReplayConfig.builder().ringCapacity(50))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("ringCapacity outside 100..100000: 50");
    assertThat(ReplayConfig.builder()
        .bind(dev.fragkit.telemetry.ConfigSource.environment(java.util.Map.of("FRAGKIT_REPLAY_RING_CAPACITY", "2000")))
        .build().ringCapacity()).isEqualTo(2000);
  }
}
