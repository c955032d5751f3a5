package dev.fragkit.telemetry.proximity;

import org.jspecify.annotations.Nullable;

/**
 * A COMBAT_POSITIONS row: attacker and victim positions at a kill. The last three fields were added
 * later; they are null in older files (18 fields).
 */
public record CombatPosition(int time, String event, String attackerGuid, String attackerName,
    String attackerTeam, String attackerClass, String victimGuid, String victimName,
    String victimTeam, String victimClass, Position attacker, Position victim, int weapon, int mod,
    @Nullable Integer killerHealth, @Nullable Integer axisAlive, @Nullable Integer alliesAlive) implements ProximityRow {}
