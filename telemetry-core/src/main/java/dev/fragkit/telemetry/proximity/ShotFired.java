package dev.fragkit.telemetry.proximity;

/**
 * A SHOT_FIRED row. The origin is truncated toward zero to integers (written as {@code %d}, but a
 * decimal such as {@code 12.7} is accepted and truncated, as the reference parser's {@code
 * int(float(x))} does); pitch is negative when aiming up.
 */
public record ShotFired(int time, String guid, int weapon, int originX, int originY, int originZ,
    double yaw, double pitch) implements ProximityRow {}
