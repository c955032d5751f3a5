package dev.fragkit.telemetry.proximity;

import org.jspecify.annotations.Nullable;

/** OBJECTIVE_RUNS {@code run_type} values; {@link #wireName()} is the written text. */
public enum ObjectiveRunType {
  UNOPPOSED,
  SOLO,
  CONTESTED_SOLO,
  ASSISTED,
  TEAM_EFFORT,
  DENIED;

  public String wireName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  static @Nullable ObjectiveRunType fromWire(String s) {
    for (ObjectiveRunType c : values()) {
      if (c.wireName().equals(s)) {
        return c;
      }
    }
    return null;
  }
}
