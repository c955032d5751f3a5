package dev.fragkit.economy.ops;

import java.util.Objects;

/** One check's outcome. Immutable. */
public record HealthResult(String name, HealthStatus status, String message) {
  public HealthResult {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(message, "message");
  }

  public static HealthResult ok(String name, String message) {
    return new HealthResult(name, HealthStatus.OK, message);
  }
}
