package dev.fragkit.telemetry.proximity;

import org.jspecify.annotations.Nullable;

/**
 * A CARRIER_EVENTS row ({@code s×4;d×3;s;.1f;.1f;.3f;d×7;s;s}): one objective carry from pickup to
 * drop. Positions are written as integers. Immutable.
 *
 * @param flagTeam team owning the carried objective
 * @param durationMs pickup to drop (≥ 0)
 * @param carryDistance distance along the path (≥ 0)
 * @param beelineDistance straight pickup-to-drop distance (≥ 0)
 * @param efficiency {@code min(1, beeline/carry)} in [0, 1]
 * @param pathSamples samples on the path (≥ 0)
 * @param killerGuid null when empty (outcome other than killed)
 */
public record CarrierEvent(String carrierGuid, String carrierName, String carrierTeam,
    String flagTeam, int pickupTime, int dropTime, int durationMs, CarrierOutcome outcome,
    double carryDistance, double beelineDistance, double efficiency, int pathSamples,
    Position pickup, Position drop, @Nullable String killerGuid, @Nullable String killerName)
    implements ProximityRow {}
