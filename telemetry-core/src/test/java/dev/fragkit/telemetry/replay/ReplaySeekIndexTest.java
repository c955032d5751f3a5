package dev.fragkit.telemetry.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fragkit.telemetry.record.Recorder;
import dev.fragkit.telemetry.record.RecorderConfig;
import dev.fragkit.telemetry.record.RecorderRegistry;
import dev.fragkit.telemetry.record.RecordingFileSystem;
import dev.fragkit.telemetry.record.RecordingReader;
import dev.fragkit.telemetry.record.SyncPolicy;
import dev.fragkit.telemetry.record.TestTicks;
import dev.fragkit.telemetry.tick.GameTick;
import dev.fragkit.telemetry.tick.TickCodec;
import dev.fragkit.telemetry.time.VirtualTime;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Indexed seeking: the same tick as a linear scan, reading at most one index interval. */
class ReplaySeekIndexTest {
  private static final int K = 64;
  private final VirtualTime vt = new VirtualTime();
  private ReplayEngine engine;

  @AfterEach
  void stop() {
    if (engine != null) {
      assertThat(engine.stop()).isTrue();
    }
  }

  private ReplayEngine engine(TickSource source) {
    engine = ReplayEngine.builder().scheduler(vt).clock(vt)
        .config(ReplayConfig.builder().seekIndexInterval(K).build()).build();
    engine.openFile(source);
    return engine;
  }

  /**
   * Ticks whose sequence and timestamp mostly increase but sometimes jump back (a recording spliced
   * from two runs, a clock step), so "first tick ≥ target" is not a binary search over the ticks.
   * Field {@code i} is the stream position.
   */
  private static List<GameTick> nonMonotonic(int n, long seed) {
    Random r = new Random(seed);
    List<GameTick> out = new ArrayList<>();
    long seq = 100_000;
    long ms = 0;
    for (int i = 0; i < n; i++) {
      seq += r.nextInt(10) == 0 ? -r.nextInt(20) : 1 + r.nextInt(3);
      ms += r.nextInt(20) == 0 ? -r.nextInt(3000) : r.nextInt(500);
      out.add(GameTick.builder("g", seq, TestTicks.T0.plusMillis(ms)).put("i", i).build());
    }
    return out;
  }

  private static int linear(List<GameTick> ticks, Predicate<GameTick> p) {
    for (int i = 0; i < ticks.size(); i++) {
      if (p.test(ticks.get(i))) {
        return i;
      }
    }
    return -1;
  }

  private static int positionOf(Optional<GameTick> t) {
    return t.map(x -> (int) ((dev.fragkit.telemetry.tick.TickValue.Int) x.fields().get("i")).value()).orElse(-1);
  }

  private long checkSeeks(List<GameTick> ticks, Random r, int seeks, boolean bounded) {
    long minSeq = ticks.stream().mapToLong(GameTick::sequence).min().orElseThrow();
    long maxSeq = ticks.stream().mapToLong(GameTick::sequence).max().orElseThrow();
    long maxReads = 0;
    for (int k = 0; k < seeks; k++) {
      long before = engine.framesRead();
      int expected;
      Optional<GameTick> got;
      if (r.nextBoolean()) {
        long target = minSeq - 5 + (long) (r.nextDouble() * (maxSeq - minSeq + 10));
        expected = linear(ticks, t -> t.sequence() >= target);
        got = engine.seekToSequence(target);
      } else {
        GameTick probe = ticks.get(r.nextInt(ticks.size()));
        Instant target = probe.timestamp().plusMillis(r.nextInt(2001) - 1000);
        expected = linear(ticks, t -> !t.timestamp().isBefore(target));
        got = engine.seekToTime(target);
      }
      assertThat(positionOf(got)).as("seek %d", k).isEqualTo(expected);
      assertThat(positionOf(engine.peekNext())).isEqualTo(expected);
      long reads = engine.framesRead() - before;
      maxReads = Math.max(maxReads, reads);
      if (bounded) {
        assertThat(reads).as("seek %d read %d ticks", k, reads).isLessThanOrEqualTo(K);
      }
      if (k % 50 == 0 && expected >= 0) {
        // Playback continues with the ticks that follow the target, in order.
        for (int s = 0; s < 3 && expected + s < ticks.size(); s++) {
          assertThat(positionOf(engine.step())).isEqualTo(expected + s);
        }
      }
    }
    return maxReads;
  }

  @Test
  void seeksMatchALinearScanWhileTheIndexGrowsAndReadAtMostOneIntervalOnceBuilt() {
    List<GameTick> ticks = nonMonotonic(5000, 11);
    engine(TickSource.of(ticks));
    Random r = new Random(12);
    checkSeeks(ticks, r, 300, false);

    assertThat(engine.buildSeekIndex()).isEqualTo(5000);
    long maxReads = checkSeeks(ticks, r, 2000, true);
    assertThat(maxReads).as("bound is tight, not vacuous").isGreaterThan(K / 2);
  }

  @Test
  void backwardSeekAfterPlayingThroughReadsAtMostOneInterval() {
    List<GameTick> ticks = nonMonotonic(3000, 21);
    engine(TickSource.of(ticks));
    while (engine.step().isPresent()) {
      // stream the whole source once, as playback would; the index is built on the way
    }
    assertThat(engine.framesRead()).isEqualTo(3000);
    long before = engine.framesRead();
    Optional<GameTick> t = engine.seekToSequence(ticks.get(10).sequence());
    assertThat(positionOf(t)).isEqualTo(linear(ticks, x -> x.sequence() >= ticks.get(10).sequence()));
    assertThat(engine.framesRead() - before).isLessThanOrEqualTo(K);
    checkSeeks(ticks, new Random(22), 500, true);
  }

  @Test
  void aSeekPastEveryTickOfACompleteIndexReadsNothing() {
    List<GameTick> ticks = nonMonotonic(500, 31);
    engine(TickSource.of(ticks));
    engine.buildSeekIndex();
    long before = engine.framesRead();
    assertThat(engine.seekToSequence(Long.MAX_VALUE)).isEmpty();
    assertThat(engine.step()).isEmpty();
    assertThat(engine.framesRead()).isEqualTo(before);
    assertThat(positionOf(engine.seekToSequence(Long.MIN_VALUE))).isZero();
  }

  @Test
  void buildSeekIndexKeepsThePlaybackPosition() {
    List<GameTick> ticks = nonMonotonic(1000, 41);
    engine(TickSource.of(ticks));
    for (int i = 0; i < 333; i++) {
      engine.step();
    }
    engine.buildSeekIndex();
    assertThat(positionOf(engine.step())).isEqualTo(333);
    assertThat(positionOf(engine.step())).isEqualTo(334);
  }

  @Test
  void seeksInAMultiSegmentRecordingReopenAtTheFrameOffset(@TempDir Path dir) {
    try (Recorder rec = Recorder.builder(dir)
        .config(RecorderConfig.builder().minFreeBytesToStart(0).minFreeBytesToContinue(0)
            .syncPolicy(SyncPolicy.NONE).maxTickBytes(4096).segmentMaxBytes(64 * 1024).build())
        .scheduler(vt).registry(RecorderRegistry.create(1)).open()) {
      nonMonotonic(4000, 51).forEach(rec::record);
    }
    List<GameTick> ticks = RecordingReader.readAll(dir, RecordingFileSystem.local(), TickCodec.defaults()).ticks();
    assertThat(ticks).hasSize(4000);
    assertThat(dir.toFile().list()).as("several segments").hasSizeGreaterThan(3);

    engine(TickSource.recording(dir, RecordingFileSystem.local(), TickCodec.defaults()));
    assertThat(engine.buildSeekIndex()).isEqualTo(4000);
    checkSeeks(ticks, new Random(52), 400, true);
  }

  @Test
  void sourcesWithoutPositionsStillSeekExactlyForMonotonicSequences() {
    List<GameTick> ticks = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      ticks.add(GameTick.builder("g", i * 2L, TestTicks.T0.plusMillis(i)).put("i", i).build());
    }
    TickSource plain = () -> TickSource.of(ticks).open();
    engine(plain);
    assertThat(positionOf(engine.seekToSequence(401))).isEqualTo(201);
    assertThat(positionOf(engine.seekToSequence(10))).isEqualTo(5);
    assertThatThrownBy(engine::buildSeekIndex).isInstanceOf(IllegalStateException.class)
        .hasMessage("source does not support positions; no seek index");
  }

  @Test
  void aSourceThatPromisesPositionsButGivesNoneFallsBackToRereading() {
    List<GameTick> ticks = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      ticks.add(GameTick.builder("g", i * 2L, TestTicks.T0.plusMillis(i)).put("i", i).build());
    }
    TickSource liar = new TickSource() {
      @Override
      public TickCursor open() {
        return wrap(TickSource.of(ticks).open());
      }

      @Override
      public boolean supportsPositions() {
        return true;
      }

      private TickCursor wrap(TickCursor c) {
        return new TickCursor() {
          @Override
          public GameTick next() {
            return c.next();
          }

          @Override
          public void close() {
            c.close();
          }
        };
      }
    };
    engine(liar);
    assertThat(positionOf(engine.seekToSequence(401))).isEqualTo(201);
    assertThat(positionOf(engine.seekToSequence(10))).as("backward: re-read from the start").isEqualTo(5);
    assertThatThrownBy(engine::buildSeekIndex).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void seekIndexIntervalIsValidated() {
    assertThatThrownBy(() -> ReplayConfig.builder().seekIndexInterval(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("seekIndexInterval outside 1..1048576: 0");
    assertThat(ReplayConfig.defaults().seekIndexInterval()).isEqualTo(256);
  }
}
