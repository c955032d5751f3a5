package dev.fragkit.telemetry.proximity;

/**
 * An AIM_LOCK row ({@code d;d;d;s;s;s;s;s;.1f;d;d}): a player keeping aim on one enemy. Immutable.
 *
 * @param durationMs at least 400 (shorter locks are dropped) and at most {@code samples·400 + 400}
 * @param averageErrorDeg combined yaw/pitch error in degrees, in [0, 10]
 * @param averageDistance world units, in [0, 3000]
 * @param samples 400 ms samples (≥ 1)
 */
public record AimLock(int startTime, int endTime, int durationMs, String guid, String name,
    String team, String targetGuid, String targetName, double averageErrorDeg, int averageDistance,
    int samples) implements ProximityRow {}
