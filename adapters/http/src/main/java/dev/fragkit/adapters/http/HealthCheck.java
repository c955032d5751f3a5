package dev.fragkit.adapters.http;

/** One named health probe. Implementations are thread-safe, fast and never throw (report DOWN instead). */
@FunctionalInterface
public interface HealthCheck {
  Result check();

  /** A probe's answer. Immutable. */
  record Result(HealthStatus status, String detail) {}
}
