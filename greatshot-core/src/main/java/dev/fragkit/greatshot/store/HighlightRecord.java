package dev.fragkit.greatshot.store;

import java.util.Objects;

/**
 * A stored highlight: a time window of one player's play worth a clip. {@code client} is the
 * player's client number in the demo, times are demo server times in milliseconds. Immutable.
 */
public record HighlightRecord(
    String id,
    String demoId,
    String type,
    int client,
    String player,
    long startMs,
    long endMs,
    int kills,
    double score,
    String explanation) {
  public HighlightRecord {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(demoId, "demoId");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(player, "player");
    Objects.requireNonNull(explanation, "explanation");
    if (endMs < startMs) {
      throw new IllegalArgumentException("endMs < startMs: " + endMs + " < " + startMs);
    }
  }
}
