package dev.fragkit.greatshot.store;

import java.util.List;
import java.util.Objects;

/** What the store keeps of one analysis (the full analysis.json lives in {@link DemoFiles}). Immutable. */
public record AnalysisRecord(String mapName, int totalKills, List<HighlightRecord> highlights, List<PlayerStatsRecord> players) {
  public AnalysisRecord {
    Objects.requireNonNull(mapName, "mapName");
    highlights = List.copyOf(highlights);
    players = List.copyOf(players);
    if (totalKills < 0) {
      throw new IllegalArgumentException("totalKills < 0: " + totalKills);
    }
  }
}
