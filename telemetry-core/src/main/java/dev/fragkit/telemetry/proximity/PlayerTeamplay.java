package dev.fragkit.telemetry.proximity;

import java.util.OptionalDouble;

/**
 * One player's cooperation statistics for a round (see {@link ProximityAggregations#teamplay}).
 * Immutable.
 *
 * @param name the name in the player's last engagement row (the TRADE_KILLS trader name for a
 *     player who appears only there)
 * @param timesTargeted engagements with the player as target
 * @param damageTaken total damage of those engagements
 * @param timesFocused of those, engagements with ≥ 2 attackers
 * @param focusEscapes focused engagements that ended {@code escaped}
 * @param focusDeaths focused engagements that ended {@code killed}
 * @param soloEscapes engagements with fewer than 2 attackers that ended {@code escaped}
 * @param soloDeaths engagements with fewer than 2 attackers that ended {@code killed}
 * @param crossfireParticipations crossfire engagements listing the player as a participant (and
 *     as an attacker)
 * @param crossfireKills of those, engagements that ended {@code killed}
 * @param crossfireFinalBlows of those kills, the ones where the player got the kill
 * @param crossfireDamage the player's damage in crossfire participations
 * @param crossfireDelaySumMs sum of the crossfire delays of participations that have one
 * @param crossfireDelays number of participations that have a delay
 * @param soloEngagements engagements where the player was the only attacker
 * @param soloKills of those, the ones where the player got the kill
 * @param tradeKills TRADE_KILLS rows naming the player as the trader
 * @param distanceSum sum of distance_traveled over the player's targeted engagements
 * @param durationSumMs sum of durations over the player's targeted engagements
 */
public record PlayerTeamplay(String guid, String name, int timesTargeted, long damageTaken,
    int timesFocused, int focusEscapes, int focusDeaths, int soloEscapes, int soloDeaths,
    int crossfireParticipations, int crossfireKills, int crossfireFinalBlows, long crossfireDamage,
    long crossfireDelaySumMs, int crossfireDelays, int soloEngagements, int soloKills,
    int tradeKills, double distanceSum, long durationSumMs) {

  /** Mean crossfire delay over participations with a delay. */
  public OptionalDouble averageCrossfireDelayMs() {
    return crossfireDelays == 0 ? OptionalDouble.empty()
        : OptionalDouble.of((double) crossfireDelaySumMs / crossfireDelays);
  }

  /** Mean distance traveled while targeted. */
  public OptionalDouble averageEscapeDistance() {
    return timesTargeted == 0 ? OptionalDouble.empty() : OptionalDouble.of(distanceSum / timesTargeted);
  }

  /** Mean engagement duration while targeted. */
  public OptionalDouble averageEngagementDurationMs() {
    return timesTargeted == 0 ? OptionalDouble.empty()
        : OptionalDouble.of((double) durationSumMs / timesTargeted);
  }
}
