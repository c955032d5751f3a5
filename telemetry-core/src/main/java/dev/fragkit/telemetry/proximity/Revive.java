package dev.fragkit.telemetry.proximity;

import org.jspecify.annotations.Nullable;

/**
 * A REVIVES row ({@code d;s;s;s;s;.1f×4;s;s}). Immutable.
 *
 * @param medicGuid the nearest alive medic teammate (a heuristic); null when the field is empty
 * @param position where the revived player stood
 * @param distanceToEnemy 2D distance to the nearest enemy, 0 when there was none (≥ 0)
 * @param nearestEnemyGuid null when empty (no enemy)
 * @param underFire the revived player had an open engagement ({@code 1})
 */
public record Revive(int time, @Nullable String medicGuid, @Nullable String medicName,
    String revivedGuid, String revivedName, Position position, double distanceToEnemy,
    @Nullable String nearestEnemyGuid, boolean underFire) implements ProximityRow {}
