package dev.fragkit.telemetry.health;

/** Health levels in increasing severity; aggregation takes the worst. */
public enum HealthStatus {
  OK,
  WARNING,
  CRITICAL,
  EMERGENCY;

  /** The more severe of the two. */
  public HealthStatus worst(HealthStatus other) {
    return other.ordinal() > ordinal() ? other : this;
  }
}
