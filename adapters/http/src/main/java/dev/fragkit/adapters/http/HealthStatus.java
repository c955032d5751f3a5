package dev.fragkit.adapters.http;

/** Health of one check or of the whole server; the worst check wins. Immutable. */
public enum HealthStatus {
  UP, WARN, DOWN;

  public HealthStatus worst(HealthStatus other) {
    return compareTo(other) >= 0 ? this : other;
  }
}
