package dev.fragkit.greatshot.highlight;

import dev.fragkit.greatshot.analysis.AliveTracker;
import java.util.Objects;

/**
 * What a rule sees: the kills, the thresholds and the alive/dead state. Immutable, thread-safe.
 *
 * @param kills the kills in time order
 * @param config thresholds
 * @param alive alive/dead state of players; {@link AliveTracker#UNKNOWN} when the source cannot tell
 */
public record HighlightContext(KillTimeline kills, HighlightConfig config, AliveTracker alive) {
  public HighlightContext {
    Objects.requireNonNull(kills, "kills");
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(alive, "alive");
  }
}
