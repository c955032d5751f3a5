package dev.fragkit.economy.ops;

/**
 * One named health check. Implementations must be thread-safe; exceptions they throw are reported
 * as {@link HealthStatus#CRITICAL} with the exception's message.
 */
@FunctionalInterface
public interface HealthCheck {
  HealthResult check(String name);
}
