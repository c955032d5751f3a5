package dev.fragkit.greatshot.demo;

import org.jspecify.annotations.Nullable;

/**
 * The match state from CS_WOLFINFO (21), CS_MULTI_MAPWINNER (14) and CS_LEVEL_START_TIME (11).
 *
 * @param serverTime server time of the latest snapshot before the change, or null (gamestate)
 * @param phase {@code gamestate} key of CS_WOLFINFO
 * @param round {@code g_currentRound} (stopwatch: 0 first half, 1 second half)
 * @param levelStartTime CS_LEVEL_START_TIME in server ms, or null when unset
 * @param winner the map winner ({@code w}: AXIS or ALLIES), or null for none/draw/unset
 */
public record MatchState(@Nullable Integer serverTime, GamePhase phase, int round, @Nullable Integer levelStartTime,
    @Nullable Team winner) {}
