package dev.fragkit.greatshot.analysis;

import dev.fragkit.greatshot.demo.GamePhase;
import dev.fragkit.greatshot.demo.Team;
import org.jspecify.annotations.Nullable;

/**
 * A round or match boundary: the game phase, stopwatch round or winner changed, or a new gamestate
 * (map restart) arrived. The first event describes the state at the start of the demo. Immutable.
 *
 * @param timeMs server time (ms)
 * @param type what happened
 * @param phase the game phase after it (CS_WOLFINFO {@code gamestate})
 * @param round the stopwatch round ({@code g_currentRound})
 * @param winner the map winner (CS_MULTI_MAPWINNER), or null for none
 * @param levelStartMs CS_LEVEL_START_TIME, or null when unset
 */
public record MatchEvent(int timeMs, Type type, GamePhase phase, int round, @Nullable Team winner,
    @Nullable Integer levelStartMs) {
  /** What happened. */
  public enum Type { DEMO_START, GAMESTATE, PHASE_CHANGE, ROUND_CHANGE, WINNER }
}
