package dev.fragkit.telemetry.health;

/**
 * Warning / critical / emergency levels for a utilisation fraction in [0, 1]. A value at or above a
 * level has that level's status. {@code emergency} may be {@link Double#POSITIVE_INFINITY} (never).
 *
 * @param warning first level
 * @param critical second level, at least {@code warning}
 * @param emergency third level, at least {@code critical}
 */
public record Thresholds(double warning, double critical, double emergency) {
  public Thresholds {
    if (!(warning > 0 && warning <= 1)) {
      throw new IllegalArgumentException("warning outside (0, 1]: " + warning);
    }
    if (!(critical >= warning && critical <= 1)) {
      throw new IllegalArgumentException("critical " + critical + " outside [warning " + warning + ", 1]");
    }
    if (!(emergency >= critical)) {
      throw new IllegalArgumentException("emergency " + emergency + " below critical " + critical);
    }
  }

  /** Two levels, no emergency. */
  public static Thresholds of(double warning, double critical) {
    return new Thresholds(warning, critical, Double.POSITIVE_INFINITY);
  }

  public static Thresholds of(double warning, double critical, double emergency) {
    return new Thresholds(warning, critical, emergency);
  }

  /** The status of {@code value}. */
  public HealthStatus classify(double value) {
    if (value >= emergency) {
      return HealthStatus.EMERGENCY;
    }
    if (value >= critical) {
      return HealthStatus.CRITICAL;
    }
    if (value >= warning) {
      return HealthStatus.WARNING;
    }
    return HealthStatus.OK;
  }
}
