package dev.fragkit.telemetry.proximity;

import java.util.List;

/**
 * A FOCUS_FIRE row ({@code d;s;s;d;s;d;d;.3f}) for an engagement with at least two attackers.
 * Immutable.
 *
 * @param attackerCount distinct attackers (≥ 2)
 * @param attackerGuids the attackers in first-hit order ({@code ,}-separated in the file)
 * @param totalDamage damage taken (≥ 0)
 * @param duration engagement duration in ms (≥ 0)
 * @param focusScore {@code 0.6·timing + 0.4·min(dps/500, 1)} in [0, 1]
 */
public record FocusFire(int engagementId, String targetGuid, String targetName, int attackerCount,
    List<String> attackerGuids, int totalDamage, int duration, double focusScore)
    implements ProximityRow {
  public FocusFire {
    attackerGuids = List.copyOf(attackerGuids);
  }
}
