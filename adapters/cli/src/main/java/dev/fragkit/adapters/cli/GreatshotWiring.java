package dev.fragkit.adapters.cli;

import dev.fragkit.greatshot.job.ClipCutter;
import dev.fragkit.greatshot.job.DemoAnalyzer;
import dev.fragkit.greatshot.job.StandardDemoAnalyzer;

/**
 * The two plug points of the Greatshot pipeline used by {@code fragkit serve}: the analysis step and
 * the demo cutter (not built yet: clip jobs fail with a clear message).
 * Immutable (static factories).
 */
final class GreatshotWiring {
  private GreatshotWiring() {}

  /**
   * The analyzer {@code serve} runs: the pure-Java parser, the analysis, the stock highlight rules
   * and the three report artifacts ({@link StandardDemoAnalyzer}).
   */
  static DemoAnalyzer analyzer() {
    return StandardDemoAnalyzer.defaults();
  }

  /** The clip cutter {@code serve} runs. Not available yet: clip jobs fail with this message. */
  static ClipCutter cutter() {
    return (demo, startMs, endMs, out, cancel) -> {
      throw new UnsupportedOperationException("clip cutting is not available in this build");
    };
  }
}
