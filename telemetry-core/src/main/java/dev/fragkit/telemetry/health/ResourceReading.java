package dev.fragkit.telemetry.health;

import java.util.Objects;

/**
 * One measured resource.
 *
 * @param name "memory", "cpu", "load" or "disk:&lt;path&gt;"
 * @param value the utilisation fraction compared against the thresholds (NaN if unavailable)
 * @param status its status ({@link HealthStatus#OK} when unavailable)
 * @param detail human-readable figures
 */
public record ResourceReading(String name, double value, HealthStatus status, String detail) {
  public ResourceReading {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(detail, "detail");
  }
}
