package dev.fragkit.economy.ops;

import dev.fragkit.economy.reminder.ReminderStore;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Health checks over a {@link ReminderStore}. The reference bot warned when more than 10 reminders
 * were stale; here "stale" means pending and overdue by more than a grace period, so reminders
 * waiting for the next delivery tick do not count.
 *
 * <p>Thread-safe (static factories).
 */
public final class ReminderHealthChecks {
  /** Default number of stale reminders tolerated before warning (the reference's 10). */
  public static final int DEFAULT_MAX_STALE = 10;
  /** Default grace period after the due time before a pending reminder counts as stale. */
  public static final Duration DEFAULT_GRACE = Duration.ofMinutes(5);

  private ReminderHealthChecks() {}

  /** {@link #staleReminders(ReminderStore, Clock, int, Duration)} with the defaults (10, 5 min). */
  public static HealthCheck staleReminders(ReminderStore store, Clock clock) {
    return staleReminders(store, clock, DEFAULT_MAX_STALE, DEFAULT_GRACE);
  }

  /**
   * Warn when more than {@code maxStale} pending reminders are overdue by more than {@code grace};
   * the message gives the count and the oldest due time.
   */
  public static HealthCheck staleReminders(ReminderStore store, Clock clock, int maxStale, Duration grace) {
    Objects.requireNonNull(store, "store");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(grace, "grace");
    if (maxStale < 0) {
      throw new IllegalArgumentException("maxStale < 0: " + maxStale);
    }
    if (grace.isNegative()) {
      throw new IllegalArgumentException("grace < 0: " + grace);
    }
    return name -> {
      ReminderStore.Overdue overdue = store.countOverdue(clock.instant(), grace);
      if (overdue.count() == 0) {
        return HealthResult.ok(name, "no reminders overdue by more than " + grace);
      }
      String msg = overdue.count() + " reminders overdue by more than " + grace + " (limit " + maxStale
          + "), oldest due " + overdue.oldestDueAt();
      return new HealthResult(name, overdue.count() > maxStale ? HealthStatus.WARN : HealthStatus.OK, msg);
    };
  }
}
