package dev.fragkit.greatshot.store;

import java.util.List;
import java.util.Optional;

/** Analyses, highlights and per-player stats. Thread-safe; the JDBC implementation is safe across processes. */
public interface AnalysisStore {
  /**
   * In one transaction, and only while {@code lease} (an {@link JobKind#ANALYSIS} job) is still held:
   * marks the job succeeded, replaces the demo's analysis, highlights and player stats, and marks
   * the demo {@link DemoStatus#ANALYZED}. Returns false and writes nothing when the lease was lost,
   * so an analysis is committed exactly once even when a slow worker's job was reclaimed.
   */
  boolean commitAnalysis(JobLease lease, AnalysisRecord analysis);

  Optional<AnalysisRecord> findAnalysis(String demoId);

  /** Highlights of a demo, best score first. */
  List<HighlightRecord> highlights(String demoId);

  Optional<HighlightRecord> findHighlight(String highlightId);
}
