package dev.fragkit.telemetry.proximity;

/**
 * A VEHICLE_PROGRESS row ({@code s;s;d×6;.1f;d;d;d}): an escort vehicle that moved or was destroyed.
 * Positions and health are truncated to integers by the tracker. Immutable.
 *
 * @param totalDistance distance moved (≥ 0)
 * @param finalHealth may be negative (a destroyed entity)
 * @param destroyedCount times destroyed (≥ 0)
 */
public record VehicleProgress(String vehicleName, String vehicleType, Position start,
    Position end, double totalDistance, int maxHealth, int finalHealth, int destroyedCount)
    implements ProximityRow {}
