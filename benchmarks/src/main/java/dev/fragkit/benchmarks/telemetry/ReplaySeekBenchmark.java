package dev.fragkit.benchmarks.telemetry;

import dev.fragkit.telemetry.record.Recorder;
import dev.fragkit.telemetry.record.RecorderConfig;
import dev.fragkit.telemetry.record.RecorderRegistry;
import dev.fragkit.telemetry.record.RecordingFileSystem;
import dev.fragkit.telemetry.record.SyncPolicy;
import dev.fragkit.telemetry.replay.ReplayEngine;
import dev.fragkit.telemetry.replay.TickSource;
import dev.fragkit.telemetry.tick.GameTick;
import dev.fragkit.telemetry.tick.TickCodec;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * File-mode seek on a recording on disk, to random sequence numbers (so about half of the seeks go
 * backwards). {@code indexed}: the engine's seek index is complete (built once in setup), a seek
 * reopens the segment at a frame offset and reads at most 256 ticks. {@code rescan}: the same
 * recording behind a source without positions, the previous behaviour and the naive baseline — a
 * backward seek re-reads from the first segment.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class ReplaySeekBenchmark {
  @Param({"10000", "100000"})
  int ticks;

  @Param({"indexed", "rescan"})
  String mode;

  Path dir;
  ReplayEngine engine;
  long[] targets;
  int next;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    dir = Files.createTempDirectory("fragkit-seek-bench");
    Instant t0 = Instant.parse("2026-11-22T08:00:00Z");
    try (Recorder r = Recorder.builder(dir).registry(RecorderRegistry.create(1))
        .config(RecorderConfig.builder().syncPolicy(SyncPolicy.NONE).minFreeBytesToStart(0)
            .minFreeBytesToContinue(0).build())
        .open()) {
      for (int i = 0; i < ticks; i++) {
        r.record(GameTick.builder("game-1", i, t0.plusMillis(250L * i))
            .put("price", BigDecimal.valueOf(i * 7919L % 100_000, 2)).put("players", i % 13)
            .put("phase", "ACTIVE").build());
      }
    }
    TickSource recording = TickSource.recording(dir, RecordingFileSystem.local(), TickCodec.defaults());
    TickSource source = mode.equals("indexed") ? recording : () -> recording.open();
    engine = ReplayEngine.builder().build();
    engine.openFile(source);
    if (mode.equals("indexed")) {
      engine.buildSeekIndex();
    }
    Random rnd = new Random(7);
    targets = new long[1024];
    for (int i = 0; i < targets.length; i++) {
      targets[i] = rnd.nextInt(ticks);
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    engine.stop();
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  @Benchmark
  public Optional<GameTick> seek() {
    long target = targets[next++ & (targets.length - 1)];
    return engine.seekToSequence(target);
  }
}
