package dev.fragkit.benchmarks.telemetry;

import dev.fragkit.telemetry.record.Recorder;
import dev.fragkit.telemetry.record.RecorderConfig;
import dev.fragkit.telemetry.record.RecorderRegistry;
import dev.fragkit.telemetry.record.SyncPolicy;
import dev.fragkit.telemetry.tick.GameTick;
import dev.fragkit.telemetry.tick.TickCodec;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
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
 * Recorder throughput for small ticks (~110 encoded bytes): buffered with a flush every 100 ticks and
 * no sync (goal ≥ 1M ticks/s), and with {@code force(false)} after every flush of 100 ticks. The
 * codec alone is the baseline. Each iteration writes into a fresh directory, deleted afterwards.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class RecorderBenchmark {
  @Param({"NONE", "DATA"})
  String syncPolicy;

  GameTick tick;
  TickCodec codec;
  Path dir;
  Recorder recorder;
  RecorderRegistry registry;

  @Setup(Level.Trial)
  public void trial() {
    tick = GameTick.builder("game-1", 1, Instant.parse("2026-11-22T08:00:00Z"))
        .put("price", new BigDecimal("1.2345"))
        .put("players", 12)
        .put("phase", "ACTIVE")
        .build();
    codec = TickCodec.defaults();
    registry = RecorderRegistry.create(4);
  }

  @Setup(Level.Iteration)
  public void open() throws IOException {
    dir = Files.createTempDirectory("fragkit-recorder-bench");
    recorder = Recorder.builder(dir).registry(registry)
        .config(RecorderConfig.builder().syncPolicy(SyncPolicy.valueOf(syncPolicy))
            .flushEveryTicks(100).minFreeBytesToStart(0).minFreeBytesToContinue(0).build())
        .open();
  }

  @TearDown(Level.Iteration)
  public void close() throws IOException {
    recorder.close();
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  @Benchmark
  public void record() {
    recorder.record(tick);
  }

  @Benchmark
  public byte[] encodeOnlyBaseline() {
    return codec.encode(tick);
  }
}
