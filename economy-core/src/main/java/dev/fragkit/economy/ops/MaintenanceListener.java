package dev.fragkit.economy.ops;

import dev.fragkit.economy.reminder.Reminders;
import java.util.List;

/**
 * Hears what {@link EconomyMaintenance} did: task failures (also logged at error level), health
 * reports, backups, refunded games and reminder deliveries. Every hook has a no-op default; {@link
 * #NONE} ignores everything.
 *
 * <p>Called on the maintenance thread (or the thread calling {@link EconomyMaintenance#runDue()}),
 * never while a JVM lock is held. Implementations must be fast and thread-safe. An exception thrown
 * by a hook fails the task that called it (logged by the scheduler, retried at its next tick).
 */
public interface MaintenanceListener {
  MaintenanceListener NONE = new MaintenanceListener() {};

  /** {@code task} threw {@code error}; it was not recorded as run and will be retried. */
  default void taskFailed(String task, RuntimeException error) {}

  /** The hourly health report (every status, not only problems). */
  default void healthReport(HealthReport report) {}

  /** A backup was taken; {@code pruned} names the backups deleted after it (oldest first). */
  default void backupTaken(LedgerBackups.BackupInfo backup, List<String> pruned) {}

  /** {@code task} refunded these pending games (only called when the list is not empty). */
  default void gamesRefunded(String task, List<String> gameIds) {}

  /** A reminder delivery run that found due reminders, with its sink failures. */
  default void remindersDelivered(Reminders.Delivery delivery) {}
}
