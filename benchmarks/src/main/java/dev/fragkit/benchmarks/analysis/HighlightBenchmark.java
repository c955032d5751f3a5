package dev.fragkit.benchmarks.analysis;

import dev.fragkit.greatshot.analysis.AliveTracker;
import dev.fragkit.greatshot.analysis.Kill;
import dev.fragkit.greatshot.highlight.Highlight;
import dev.fragkit.greatshot.highlight.HighlightEngine;
import dev.fragkit.greatshot.highlight.KillTimeline;
import java.util.List;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Highlight detection over synthetic kill timelines. Time per call; kills/s = {@code kills} / score.
 * {@code calm}: 12-v-12 with a kill every 2.5 s; {@code realistic}: a busy server, a kill every 0.7 s
 * (about 0.3 highlights per kill); {@code adversarial}: one player killing every 100 ms, so
 * every right edge of every window emits. Baselines: {@code timelineOnly} (building the index) and
 * {@code detectFromKills} (index + rules).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class HighlightBenchmark {
  @Param({"10000", "1000000"})
  public int kills;

  @Param({"calm", "realistic", "adversarial"})
  public String shape;

  private List<Kill> list;
  private KillTimeline timeline;
  private HighlightEngine engine;

  @Setup(Level.Trial)
  public void setUp() {
    list = switch (shape) {
      case "calm" -> SyntheticKills.calm(kills, 42);
      case "realistic" -> SyntheticKills.realistic(kills, 42);
      default -> SyntheticKills.adversarial(kills);
    };
    timeline = KillTimeline.of(list);
    engine = HighlightEngine.standard();
  }

  @Benchmark
  public List<Highlight> detect() {
    return engine.detect(timeline, AliveTracker.UNKNOWN);
  }

  @Benchmark
  public List<Highlight> detectFromKills() {
    return engine.detect(list);
  }

  @Benchmark
  public KillTimeline timelineOnly() {
    return KillTimeline.of(list);
  }
}
