package dev.fragkit.economy.ops;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Named health checks run together into a {@link HealthReport}; the worst status wins. A check that
 * throws is reported as critical, never swallowed.
 *
 * <p>Thread-safe.
 */
public final class HealthRegistry {
  private final Clock clock;
  private final Map<String, HealthCheck> checks = new LinkedHashMap<>();

  public HealthRegistry(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Adds a check; names are unique. */
  public synchronized HealthRegistry register(String name, HealthCheck check) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(check, "check");
    if (checks.putIfAbsent(name, check) != null) {
      throw new IllegalArgumentException("health check already registered: " + name);
    }
    return this;
  }

  /** Runs every check (outside this registry's lock) in registration order. */
  public HealthReport run() {
    List<Map.Entry<String, HealthCheck>> snapshot;
    synchronized (this) {
      snapshot = List.copyOf(checks.entrySet());
    }
    List<HealthResult> results = new ArrayList<>();
    HealthStatus worst = HealthStatus.OK;
    for (Map.Entry<String, HealthCheck> e : snapshot) {
      HealthResult r;
      try {
        r = Objects.requireNonNull(e.getValue().check(e.getKey()), "result of " + e.getKey());
      } catch (RuntimeException ex) {
        r = new HealthResult(e.getKey(), HealthStatus.CRITICAL, "check failed: " + ex);
      }
      results.add(r);
      if (r.status().compareTo(worst) > 0) {
        worst = r.status();
      }
    }
    return new HealthReport(clock.instant(), worst, results);
  }
}
