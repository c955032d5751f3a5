package dev.fragkit.telemetry.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fragkit.telemetry.ConfigSource;
import dev.fragkit.telemetry.tick.GameTick;
import dev.fragkit.telemetry.tick.TickCodec;
import dev.fragkit.telemetry.tick.TickTooLargeException;
import dev.fragkit.telemetry.time.VirtualTime;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecorderTest {
  @TempDir Path dir;
  private final VirtualTime vt = new VirtualTime();
  private final FaultyFileSystem fs = new FaultyFileSystem();
  private final RecorderRegistry registry = RecorderRegistry.create(8);
  private final List<Recorder> opened = new ArrayList<>();

  @AfterEach
  void closeAll() {
    opened.forEach(Recorder::close);
    assertThat(registry.openCount()).as("leaked recorders").isZero();
  }

  private RecorderConfig.Builder cfg() {
    return RecorderConfig.builder().minFreeBytesToStart(0).minFreeBytesToContinue(0);
  }

  private Recorder open(RecorderConfig config) {
    Recorder r = Recorder.builder(dir).config(config).fileSystem(fs).scheduler(vt).clock(vt)
        .registry(registry).open();
    opened.add(r);
    return r;
  }

  private List<Long> recoveredSeqs() {
    List<Long> out = new ArrayList<>();
    RecordingReader.readAll(dir, fs, TickCodec.defaults()).ticks().forEach(t -> out.add(t.sequence()));
    return out;
  }

  @Test
  void flushesEveryHundredTicksAndSyncsEachFlush() {
    Recorder r = open(cfg().build());
    for (int i = 0; i < 99; i++) {
      r.record(TestTicks.tick(i));
    }
    assertThat(r.metrics().flushes()).isZero();
    assertThat(r.metrics().bufferedTicks()).isEqualTo(99);
    r.record(TestTicks.tick(99));
    RecorderMetrics m = r.metrics();
    assertThat(m.flushes()).isEqualTo(1);
    assertThat(m.syncs()).isEqualTo(1);
    assertThat(fs.syncs.get()).isEqualTo(1);
    assertThat(m.bufferedTicks()).isZero();
    assertThat(m.ticksWritten()).isEqualTo(100);
    assertThat(m.lastFlush()).isEqualTo(vt.instant());
    assertThat(recoveredSeqs()).hasSize(100);
  }

  @Test
  void timerFlushesAnIdleTailAfterTenSecondsWithoutAnotherTick() {
    Recorder r = open(cfg().build());
    for (int i = 0; i < 5; i++) {
      r.record(TestTicks.tick(i));
    }
    vt.advance(Duration.ofMillis(9_999));
    assertThat(r.metrics().flushes()).isZero();
    assertThat(recoveredSeqs()).isEmpty();
    vt.advance(Duration.ofMillis(1));
    assertThat(r.metrics().flushes()).isEqualTo(1);
    assertThat(recoveredSeqs()).containsExactly(0L, 1L, 2L, 3L, 4L);
    // Nothing buffered: later timer runs do not write.
    vt.advance(Duration.ofSeconds(60));
    assertThat(r.metrics().flushes()).isEqualTo(1);
  }

  @Test
  void syncPolicyNoneNeverSyncs() {
    Recorder r = open(cfg().syncPolicy(SyncPolicy.NONE).flushEveryTicks(10).build());
    for (int i = 0; i < 100; i++) {
      r.record(TestTicks.tick(i));
    }
    assertThat(r.metrics().flushes()).isEqualTo(10);
    assertThat(fs.syncs.get()).isZero();
  }

  @Test
  void refusesToStartBelowTheStartThreshold() {
    fs.usableSpace.set(99L << 20);
    assertThatThrownBy(() -> Recorder.builder(dir).fileSystem(fs).scheduler(vt).registry(registry).open())
        .isInstanceOf(InsufficientDiskSpaceException.class)
        .hasMessage("usable space 103809024 bytes at " + dir
            + " is below 104857600 (RecorderConfig.minFreeBytesToStart)");
    assertThat(registry.openCount()).isZero();
  }

  @Test
  void stopsCleanlyWhenSpaceFallsBelowTheContinueThreshold() {
    fs.usableSpace.set(200L << 20);
    Recorder r = Recorder.builder(dir).fileSystem(fs).scheduler(vt).clock(vt).registry(registry).open();
    opened.add(r);
    for (int i = 0; i < 100; i++) {
      r.record(TestTicks.tick(i));
    }
    fs.usableSpace.set(9L << 20);
    for (int i = 100; i < 150; i++) {
      r.record(TestTicks.tick(i));
    }
    vt.advance(Duration.ofSeconds(10));

    assertThat(r.state()).isEqualTo(Recorder.State.STOPPED_LOW_DISK);
    assertThat(r.failure()).get().isInstanceOf(InsufficientDiskSpaceException.class);
    assertThat(r.metrics().ticksDropped()).isEqualTo(50);
    assertThatThrownBy(() -> r.record(TestTicks.tick(150)))
        .isInstanceOf(RecorderStoppedException.class)
        .hasMessageStartingWith("recorder is STOPPED_LOW_DISK: usable space 9437184 bytes")
        .hasCauseInstanceOf(InsufficientDiskSpaceException.class);
    assertThat(registry.openCount()).isZero();
    assertThat(recoveredSeqs()).hasSize(100);
    assertThat(RecordingReader.readAll(dir, fs, TickCodec.defaults()).report().clean()).isTrue();
  }

  @Test
  void failedWritesAreRetriedWithoutDuplicatingOrTearingFrames() {
    Recorder r = open(cfg().flushEveryTicks(10).build());
    for (int i = 0; i < 10; i++) {
      r.record(TestTicks.tick(i));
    }
    fs.failWrites.set(2);
    for (int i = 10; i < 20; i++) {
      r.record(TestTicks.tick(i)); // flush at 20 fails (half written)
    }
    assertThat(r.metrics().consecutiveErrors()).isEqualTo(1);
    r.record(TestTicks.tick(20)); // fails again
    assertThat(r.metrics().consecutiveErrors()).isEqualTo(2);
    r.record(TestTicks.tick(21)); // succeeds in a fresh segment
    RecorderMetrics m = r.metrics();
    assertThat(m.consecutiveErrors()).isZero();
    assertThat(m.errors()).isEqualTo(2);
    assertThat(m.state()).isEqualTo(Recorder.State.RECORDING);
    r.close();

    RecordingReader.Recovered rec = RecordingReader.readAll(dir, fs, TickCodec.defaults());
    List<Long> seqs = new ArrayList<>();
    rec.ticks().forEach(t -> seqs.add(t.sequence()));
    List<Long> expected = new ArrayList<>();
    for (long i = 0; i < 22; i++) {
      expected.add(i);
    }
    assertThat(seqs).isEqualTo(expected);
    assertThat(rec.report().clean()).as("abandoned segments were cut back").isTrue();
  }

  @Test
  void failedSyncCountsAsAFailedFlush() {
    Recorder r = open(cfg().flushEveryTicks(5).build());
    fs.failSyncs.set(1);
    for (int i = 0; i < 5; i++) {
      r.record(TestTicks.tick(i));
    }
    assertThat(r.metrics().errors()).isEqualTo(1);
    assertThat(r.metrics().bufferedTicks()).isEqualTo(5);
    r.record(TestTicks.tick(5));
    r.close();
    assertThat(recoveredSeqs()).containsExactly(0L, 1L, 2L, 3L, 4L, 5L);
  }

  @Test
  void fiveConsecutiveFailuresStopTheRecorderAndSurfaceTheError() {
    Recorder r = open(cfg().flushEveryTicks(3).build());
    fs.failWrites.set(1000);
    for (int i = 0; i < 6; i++) {
      r.record(TestTicks.tick(i)); // flush attempts at ticks 3,4,5,6 (after 3 buffered) fail
    }
    assertThat(r.metrics().consecutiveErrors()).isEqualTo(4);
    assertThatThrownBy(() -> r.record(TestTicks.tick(6)))
        .isInstanceOf(RecorderFailedException.class)
        .hasMessageStartingWith("recorder at " + dir
            + " stopped after 5 consecutive failed flushes (RecorderConfig.errorBudget): "
            + "java.io.IOException: No space left on device (simulated)");
    assertThat(r.state()).isEqualTo(Recorder.State.FAILED);
    assertThat(r.metrics().ticksDropped()).isEqualTo(7);
    assertThatThrownBy(() -> r.record(TestTicks.tick(7)))
        .isInstanceOf(RecorderStoppedException.class)
        .hasCauseInstanceOf(RecorderFailedException.class);
    assertThat(vt.pendingTasks()).as("timer cancelled").isZero();
  }

  @Test
  void timerFailuresAlsoCountTowardsTheBudget() {
    Recorder r = open(cfg().errorBudget(2).build());
    r.record(TestTicks.tick(0));
    fs.failWrites.set(1000);
    vt.advance(Duration.ofSeconds(10));
    assertThat(r.state()).isEqualTo(Recorder.State.RECORDING);
    vt.advance(Duration.ofSeconds(10));
    assertThat(r.state()).isEqualTo(Recorder.State.FAILED);
    assertThatThrownBy(() -> r.record(TestTicks.tick(1)))
        .isInstanceOf(RecorderStoppedException.class)
        .hasMessageStartingWith("recorder is FAILED: recorder at ");
  }

  @Test
  void oversizedTickIsRejectedAndRecordingContinues() {
    Recorder r = open(cfg().maxTickBytes(512).build());
    GameTick big = GameTick.builder("g", 1, TestTicks.T0).put("s", "x".repeat(600)).build();
    assertThatThrownBy(() -> r.record(big)).isInstanceOf(TickTooLargeException.class);
    r.record(TestTicks.tick(2));
    r.close();
    assertThat(recoveredSeqs()).containsExactly(2L);
  }

  @Test
  void closeFlushesIsIdempotentAndLaterRecordsAreRejected() {
    Recorder r = open(cfg().build());
    r.record(TestTicks.tick(0));
    r.close();
    r.close();
    assertThat(r.state()).isEqualTo(Recorder.State.CLOSED);
    assertThat(recoveredSeqs()).containsExactly(0L);
    assertThatThrownBy(() -> r.record(TestTicks.tick(1)))
        .isInstanceOf(RecorderStoppedException.class).hasMessage("recorder is CLOSED");
  }

  @Test
  void reopeningContinuesInANewSegmentAndNeverTouchesOldOnes() {
    Recorder a = open(cfg().build());
    a.record(TestTicks.tick(0));
    a.close();
    Recorder b = open(cfg().build());
    b.record(TestTicks.tick(1));
    b.close();
    assertThat(RecordingReader.segmentsOf(fs, dir)).extracting(p -> p.getFileName().toString())
        .containsExactly("segment-000000000000.fkseg", "segment-000000000001.fkseg");
    assertThat(recoveredSeqs()).containsExactly(0L, 1L);
  }

  @Test
  void registryCapsOpenRecorders() {
    RecorderRegistry two = RecorderRegistry.create(2);
    Recorder a = Recorder.builder(dir.resolve("a")).config(cfg().build()).scheduler(vt).registry(two).open();
    Recorder b = Recorder.builder(dir.resolve("b")).config(cfg().build()).scheduler(vt).registry(two).open();
    assertThatThrownBy(() -> Recorder.builder(dir.resolve("c")).config(cfg().build()).scheduler(vt)
        .registry(two).open())
        .isInstanceOf(TooManyRecordersException.class)
        .hasMessage("cannot open more than 2 recorders at once (RecorderRegistry.maxOpen)");
    a.close();
    Recorder c = Recorder.builder(dir.resolve("c")).config(cfg().build()).scheduler(vt).registry(two).open();
    assertThat(two.openCount()).isEqualTo(2);
    c.record(TestTicks.tick(0));
    two.closeAll();
    assertThat(two.openCount()).isZero();
    assertThat(b.state()).isEqualTo(Recorder.State.CLOSED);
    assertThat(RecordingReader.readAll(dir.resolve("c"), fs, TickCodec.defaults()).ticks()).hasSize(1);
  }

  @Test
  void ownedTimerThreadIsJoinedOnClose() {
    java.util.Set<Thread> before = Thread.getAllStackTraces().keySet();
    Recorder r = Recorder.builder(dir).config(cfg().build()).registry(registry).open();
    // Only this recorder's own timer thread: other tests' recorders may still be winding down.
    List<Thread> started = Thread.getAllStackTraces().keySet().stream()
        .filter(t -> !before.contains(t) && t.getName().startsWith("fragkit-telemetry-recorder-flush"))
        .toList();
    assertThat(started).hasSize(1);
    r.close();
    assertThat(started.get(0).isAlive()).as("timer thread %s alive after close", started.get(0).getName()).isFalse();
  }

  @Test
  void concurrentWritersLoseNothingAndKeepPerWriterOrder() throws Exception {
    Recorder r = open(cfg().syncPolicy(SyncPolicy.NONE).build());
    int writers = 4;
    int each = 5_000;
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<?>> fs2 = new ArrayList<>();
    for (int w = 0; w < writers; w++) {
      String game = "game-" + w;
      fs2.add(pool.submit(() -> {
        start.await();
        for (int i = 0; i < each; i++) {
          r.record(TestTicks.tick(game, i, i % 5));
        }
        return null;
      }));
    }
    start.countDown();
    for (Future<?> f : fs2) {
      f.get(60, TimeUnit.SECONDS);
    }
    pool.shutdown();
    r.close();
    Map<String, Long> next = new HashMap<>();
    List<GameTick> ticks = RecordingReader.readAll(dir, fs, TickCodec.defaults()).ticks();
    assertThat(ticks).hasSize(writers * each);
    for (GameTick t : ticks) {
      long expected = next.getOrDefault(t.gameId(), 0L);
      assertThat(t.sequence()).isEqualTo(expected);
      assertThat(t).isEqualTo(TestTicks.tick(t.gameId(), t.sequence(), (int) (t.sequence() % 5)));
      next.put(t.gameId(), expected + 1);
    }
  }

  @Test
  void configRejectsBadValuesNamingTheSetting() {
    assertThatThrownBy(() -> RecorderConfig.builder().flushEveryTicks(0))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("flushEveryTicks outside 1..1000000: 0");
    assertThatThrownBy(() -> RecorderConfig.builder().flushInterval(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("flushInterval outside 1ms..1h: PT0S");
    assertThatThrownBy(() -> RecorderConfig.builder().minFreeBytesToStart(5).minFreeBytesToContinue(6).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("minFreeBytesToContinue 6 exceeds minFreeBytesToStart 5");
    assertThatThrownBy(() -> RecorderConfig.builder().segmentMaxBytes(4096).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("segmentMaxBytes 4096 cannot hold one tick of maxTickBytes 1048576 (needs 1048592)");
    assertThat(RecorderConfig.defaults().toString()).contains("flushEveryTicks=100", "flushInterval=PT10S",
        "minFreeBytesToStart=104857600", "minFreeBytesToContinue=10485760", "errorBudget=5");
  }

  @Test
  void configBindsFromEnvironmentAndSystemProperties() {
    RecorderConfig env = RecorderConfig.builder().bind(ConfigSource.environment(Map.of(
        "FRAGKIT_RECORDER_FLUSH_EVERY_TICKS", "50",
        "FRAGKIT_RECORDER_FLUSH_INTERVAL", "PT2S",
        "FRAGKIT_RECORDER_SYNC_POLICY", "data_and_metadata"))).build();
    assertThat(env.flushEveryTicks()).isEqualTo(50);
    assertThat(env.flushInterval()).isEqualTo(Duration.ofSeconds(2));
    assertThat(env.syncPolicy()).isEqualTo(SyncPolicy.DATA_AND_METADATA);
    assertThat(env.errorBudget()).isEqualTo(5);

    java.util.Properties p = new java.util.Properties();
    p.setProperty("fragkit.recorder.errorBudget", "9");
    p.setProperty("fragkit.recorder.flushInterval", "1500");
    RecorderConfig props = RecorderConfig.builder().bind(ConfigSource.systemProperties(p)).build();
    assertThat(props.errorBudget()).isEqualTo(9);
    assertThat(props.flushInterval()).isEqualTo(Duration.ofMillis(1500));

    assertThatThrownBy(() -> RecorderConfig.builder().bind(ConfigSource.environment(Map.of(
        "FRAGKIT_RECORDER_FLUSH_EVERY_TICKS", "lots"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("FRAGKIT_RECORDER_FLUSH_EVERY_TICKS is not an integer: lots");
    assertThatThrownBy(() -> RecorderConfig.builder().bind(ConfigSource.environment(Map.of(
        "FRAGKIT_RECORDER_ERROR_BUDGET", "0"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("errorBudget outside 1..1000: 0");
  }
}
