package dev.fragkit.telemetry.proximity;

/**
 * An ESCORT_CREDIT row ({@code s;s;s;s;d;d;.1f;.1f;d}): a player's escort of a vehicle. Immutable.
 *
 * @param mountedTimeMs time on the vehicle (≥ 0)
 * @param proximityTimeMs time near it (≥ 0)
 * @param totalEscortDistance distance the vehicle moved while escorted (≥ 0)
 * @param creditDistance credited share of it (≥ 0)
 * @param samples samples (≥ 1: rows are written only when samples &gt; 0)
 */
public record EscortCredit(String playerGuid, String playerName, String playerTeam,
    String vehicleName, int mountedTimeMs, int proximityTimeMs, double totalEscortDistance,
    double creditDistance, int samples) implements ProximityRow {}
