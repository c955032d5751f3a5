package dev.fragkit.benchmarks;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Frame checksums for recorded telemetry: CRC32C (chosen for segment frames) against CRC32 as the
 * JDK baseline, over frame sizes from a small tick to a large one.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ChecksumBenchmark {
  @Param({"64", "1024", "65536"})
  int frameBytes;

  byte[] frame;

  @Setup
  public void setUp() {
    frame = new byte[frameBytes];
    new Random(42).nextBytes(frame);
  }

  @Benchmark
  public long crc32c() {
    CRC32C crc = new CRC32C();
    crc.update(frame, 0, frame.length);
    return crc.getValue();
  }

  @Benchmark
  public long crc32Baseline() {
    CRC32 crc = new CRC32();
    crc.update(frame, 0, frame.length);
    return crc.getValue();
  }
}
