package dev.fragkit.greatshot.highlight;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A moment worth a clip. Immutable.
 *
 * @param type the kind, e.g. {@code multi_kill}, {@code spree}, {@code trade_kill}
 * @param client the player it belongs to (for team highlights: the team's top killer in it), or null
 * @param player that player's clean name at the highlight's last kill (or a team label)
 * @param startMs server time of the first kill in it
 * @param endMs server time of the last kill in it
 * @param kills number of kills in it
 * @param score how good it is; higher first
 * @param explanation one human sentence, e.g. {@code "3 kills in 4.00s"}
 */
public record Highlight(String type, @Nullable Integer client, String player, int startMs, int endMs, int kills,
    double score, String explanation) {
  public Highlight {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(player, "player");
    Objects.requireNonNull(explanation, "explanation");
    if (endMs < startMs) {
      throw new IllegalArgumentException("endMs < startMs: " + endMs + " < " + startMs);
    }
  }
}
