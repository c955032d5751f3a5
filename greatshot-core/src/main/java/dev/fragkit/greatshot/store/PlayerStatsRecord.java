package dev.fragkit.greatshot.store;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One player's totals in one demo. {@code cleanName} is the name without colour codes. Accuracy is
 * {@code hits / shots} in percent and absent when no shot was counted. Immutable.
 */
public record PlayerStatsRecord(
    String name,
    String cleanName,
    int kills,
    int deaths,
    int headshots,
    long damageGiven,
    long damageReceived,
    int shots,
    int hits,
    long timePlayedMs) {
  public PlayerStatsRecord {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(cleanName, "cleanName");
    if (kills < 0 || deaths < 0 || headshots < 0 || shots < 0 || hits < 0) {
      throw new IllegalArgumentException("negative count in player stats of " + cleanName);
    }
  }

  public OptionalDouble accuracy() {
    return shots == 0 ? OptionalDouble.empty() : OptionalDouble.of(hits * 100.0 / shots);
  }
}
