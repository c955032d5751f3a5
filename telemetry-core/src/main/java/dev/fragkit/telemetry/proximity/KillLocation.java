package dev.fragkit.telemetry.proximity;

import org.jspecify.annotations.Nullable;

/**
 * Where a kill happened.
 *
 * @param killerPosition null when only the engagement (victim side) is known
 * @param source "combat_positions" or "engagements"
 */
public record KillLocation(int time, String killerGuid, String victimGuid,
    @Nullable Position killerPosition, Position victimPosition, String source) {}
