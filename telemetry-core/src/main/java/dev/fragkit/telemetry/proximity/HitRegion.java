package dev.fragkit.telemetry.proximity;

/**
 * A HIT_REGIONS row ({@code d;s;s;s;s;d;d;d}). Immutable.
 *
 * @param region the body region, written as its number ({@code 0=HEAD, 1=ARMS, 2=BODY, 3=LEGS})
 * @param damage damage of the hit (≥ 0)
 */
public record HitRegion(int time, String attackerGuid, String attackerName, String victimGuid,
    String victimName, int weapon, BodyRegion region, int damage) implements ProximityRow {}
