package dev.fragkit.benchmarks.analysis;

import dev.fragkit.greatshot.report.AnalysisJson;
import dev.fragkit.greatshot.report.DemoAnalyzer;
import dev.fragkit.greatshot.report.HtmlReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * End-to-end {@code analyze} of the real sample demo (125,837 bytes): read + analysis + highlights
 * ({@code analyze}), plus rendering the three artifacts in memory ({@code analyzeAndRender}). MB/s =
 * file size / time. {@code batchOneThread}/{@code batchTwoThreads} measure throughput (demos/s) with
 * one and two concurrent analyses, to show how a batch scales with cores. The demo is found through
 * {@code -Dfragkit.demo=...}, else {@code ../shared/demos/et/scores_test.dm_84} from the working directory.
 */
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@State(Scope.Benchmark)
public class AnalyzeBenchmark {
  @Param({"dm_84", "udt_json"})
  public String input;

  private Path demo;
  private DemoAnalyzer analyzer;

  @Setup(Level.Trial)
  public void setUp() {
    Path base = Path.of(System.getProperty("fragkit.demo", "../shared/demos/et/scores_test.dm_84"));
    demo = input.equals("dm_84") ? base : base.resolveSibling("scores_test.udt.json");
    if (!Files.isRegularFile(demo)) {
      throw new IllegalStateException("demo not found: " + demo.toAbsolutePath() + " (set -Dfragkit.demo=)");
    }
    analyzer = DemoAnalyzer.defaults();
  }

  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public DemoAnalyzer.Result analyze() {
    return analyzer.analyze(demo);
  }

  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public int analyzeAndRender() {
    DemoAnalyzer.Result r = analyzer.analyze(demo);
    return AnalysisJson.toJson(r.analysis(), r.highlights()).length()
        + HtmlReport.render(r.analysis(), r.highlights()).length();
  }

  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @Threads(1)
  public DemoAnalyzer.Result batchOneThread() {
    return analyzer.analyze(demo);
  }

  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @Threads(2)
  public DemoAnalyzer.Result batchTwoThreads() {
    return analyzer.analyze(demo);
  }
}
