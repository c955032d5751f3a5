package dev.fragkit.greatshot.job;

import java.util.List;
import java.util.Objects;

/**
 * Everything the pipeline stores from one analysis. {@code analysisJson} must be one JSON object
 * (served as is by GET /api/greatshot/demos/{id}); the three artifacts are written atomically as
 * {@code analysis.json}, {@code report.txt} and {@code report.html}. Immutable (the array is not
 * copied: do not modify it after construction).
 */
public record AnalysisOutcome(
    byte[] analysisJson,
    String reportText,
    String reportHtml,
    String mapName,
    int totalKills,
    List<Highlight> highlights,
    List<PlayerStats> players) {
  public AnalysisOutcome {
    Objects.requireNonNull(analysisJson, "analysisJson");
    Objects.requireNonNull(reportText, "reportText");
    Objects.requireNonNull(reportHtml, "reportHtml");
    Objects.requireNonNull(mapName, "mapName");
    highlights = List.copyOf(highlights);
    players = List.copyOf(players);
    if (totalKills < 0) {
      throw new IllegalArgumentException("totalKills < 0: " + totalKills);
    }
  }

  /**
   * One highlight: {@code client} is the player's client number, {@code playerName} the clean name,
   * times are demo server times in ms. Immutable.
   */
  public record Highlight(String type, int client, String playerName, long startMs, long endMs, int kills,
      double score, String explanation) {}

  /**
   * One player's totals for the leaderboards: {@code name} raw (with colour codes), {@code cleanName}
   * without; {@code shots}/{@code hits} give accuracy (0/0 = unknown). Immutable.
   */
  public record PlayerStats(String name, String cleanName, int kills, int deaths, int headshots, long damageGiven,
      long damageReceived, int shots, int hits, long timePlayedMs) {}
}
