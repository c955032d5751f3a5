package dev.fragkit.telemetry.proximity;

/**
 * A CROSSFIRE_OPPORTUNITIES row ({@code d;s;s;s;s;s;.1f;s;d}): two teammates with line of sight on
 * an enemy from directions at least 45° apart. Immutable.
 *
 * @param angularSeparation degrees seen from the target, in [45, 180] (only pairs ≥ 45° are written)
 * @param executed {@code was_executed}: both teammates damaged the target within 2000 ms
 * @param damageWithinWindow damage both dealt to the target in that window (≥ 0)
 */
public record CrossfireOpportunity(int time, String targetGuid, String targetName,
    String targetTeam, String teammate1Guid, String teammate2Guid, double angularSeparation,
    boolean executed, int damageWithinWindow) implements ProximityRow {}
