package dev.fragkit.adapters.http;

import dev.fragkit.greatshot.store.DemoFiles;
import dev.fragkit.greatshot.store.DemoStore;
import java.io.IOException;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The stock health checks of {@code /health}. Immutable (static factories). */
public final class HealthChecks {
  private static final Logger LOG = LoggerFactory.getLogger(HealthChecks.class);

  private HealthChecks() {}

  /** DOWN when a trivial store query fails. */
  public static HealthCheck database(DemoStore store) {
    return () -> {
      try {
        store.findDemo("health-probe");
        return new HealthCheck.Result(HealthStatus.UP, "reachable");
      } catch (RuntimeException e) {
        LOG.warn("health: database check failed", e);
        return new HealthCheck.Result(HealthStatus.DOWN, e.getClass().getSimpleName() + ": " + e.getMessage());
      }
    };
  }

  /** WARN when less than {@code requiredBytes} is free (uploads are then refused with 507), DOWN when unreadable. */
  public static HealthCheck disk(DemoFiles files, long requiredBytes) {
    return () -> {
      try {
        long usable = files.usableBytes();
        return new HealthCheck.Result(usable >= requiredBytes ? HealthStatus.UP : HealthStatus.WARN,
            usable + " bytes usable, " + requiredBytes + " required per upload");
      } catch (IOException e) {
        LOG.warn("health: disk check failed", e);
        return new HealthCheck.Result(HealthStatus.DOWN, e.toString());
      }
    };
  }

  /** UP when all {@code expected} workers are alive, WARN when some, DOWN when none. */
  public static HealthCheck workers(IntSupplier alive, int expected) {
    return () -> {
      int n = alive.getAsInt();
      HealthStatus s = n >= expected ? HealthStatus.UP : n > 0 ? HealthStatus.WARN : HealthStatus.DOWN;
      return new HealthCheck.Result(s, n + " of " + expected + " workers alive");
    };
  }
}
