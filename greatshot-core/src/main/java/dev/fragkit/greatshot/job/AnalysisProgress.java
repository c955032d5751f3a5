package dev.fragkit.greatshot.job;

/**
 * Progress callback of a {@link DemoAnalyzer}: how many of the file's bytes have been parsed. Call it
 * as often as convenient; the runner throttles what it stores and publishes. Must be called from the
 * analyzing thread. Implementations are fast and non-blocking.
 */
@FunctionalInterface
public interface AnalysisProgress {
  AnalysisProgress NONE = (parsed, total) -> { };

  void bytesParsed(long parsed, long total);
}
