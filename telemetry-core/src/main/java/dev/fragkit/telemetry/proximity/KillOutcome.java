package dev.fragkit.telemetry.proximity;

import org.jspecify.annotations.Nullable;

/**
 * A KILL_OUTCOME row: what became of a downed player ({@code gibbed | revived | tapped_out |
 * round_end | expired}). Empty gibber/reviver fields are null.
 */
public record KillOutcome(int killTime, String victimGuid, String victimName, String killerGuid,
    String killerName, int killMod, String outcome, int outcomeTime, int deltaMs,
    int effectiveDeniedMs, @Nullable String gibberGuid, @Nullable String gibberName,
    @Nullable String reviverGuid, @Nullable String reviverName) implements ProximityRow {}
