package dev.fragkit.telemetry.proximity;

/**
 * Two players who took part in the same crossfire engagements.
 *
 * @param player1 the lexicographically smaller GUID
 * @param player2 the other GUID
 * @param count crossfire engagements together
 * @param kills of those, engagements ending in the target's death
 * @param combinedDamage both players' damage in those engagements
 * @param averageDelayMs mean crossfire delay
 */
public record CrossfirePair(String player1, String player2, int count, int kills,
    long combinedDamage, double averageDelayMs) {}
