package dev.fragkit.telemetry.proximity;

import java.util.Optional;

/**
 * A TEAM_PUSHES row. {@code pushQuality} is clamped to [0, 1] (the tracker's value is unbounded).
 *
 * @param towardObjective the objective's name, {@code NO} (not toward one) or {@code N/A} (map has
 *     none), as written
 */
public record TeamPush(int startTime, int endTime, String team, double avgSpeed, double directionX,
    double directionY, double alignment, double pushQuality, int participants,
    String towardObjective) implements ProximityRow {

  /** The objective pushed toward, if any. */
  public Optional<String> objective() {
    return towardObjective.isEmpty() || towardObjective.equals("NO") || towardObjective.equals("N/A")
        ? Optional.empty() : Optional.of(towardObjective);
  }
}
