package dev.fragkit.telemetry.proximity;

/**
 * A CARRIER_KILLS row ({@code d;s;s;s;s;s;s;d;.1f;s}): an objective carrier killed. Immutable.
 *
 * @param meansOfDeath the engine's MOD number
 * @param carrierDistanceAtKill distance the carrier had covered (≥ 0)
 */
public record CarrierKill(int killTime, String carrierGuid, String carrierName, String carrierTeam,
    String killerGuid, String killerName, String killerTeam, int meansOfDeath,
    double carrierDistanceAtKill, String flagTeam) implements ProximityRow {}
