package dev.fragkit.benchmarks.telemetry;

import dev.fragkit.telemetry.proximity.ProximityFile;
import dev.fragkit.telemetry.proximity.ProximityFileGenerator;
import dev.fragkit.telemetry.proximity.ProximityParser;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * Proximity file parsing from UTF-8 bytes; MB/s = ops/s × file size (printed at setup). The
 * baseline only decodes and splits lines, the floor any parser pays.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class ProximityParseBenchmark {
  @Param({"40", "400"})
  int rowsPerSection;

  byte[] file;
  ProximityParser parser;

  @Setup
  public void setUp() {
    file = ProximityFileGenerator.generate(42, rowsPerSection).getBytes(StandardCharsets.UTF_8);
    parser = ProximityParser.defaults();
    System.out.println("proximity file: " + file.length + " bytes, " + rowsPerSection + " rows x 29 sections");
  }

  @Benchmark
  public ProximityFile parse() throws IOException {
    return parser.parse(new ByteArrayInputStream(file));
  }

  @Benchmark
  public void splitLinesBaseline(Blackhole bh) {
    new String(file, StandardCharsets.UTF_8).lines().forEach(bh::consume);
  }
}
