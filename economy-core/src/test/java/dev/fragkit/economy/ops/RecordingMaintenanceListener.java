package dev.fragkit.economy.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fragkit.economy.reminder.Reminders;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records every callback; asserts no JVM lock of the maintenance objects is held. Thread-safe. */
final class RecordingMaintenanceListener implements MaintenanceListener {
  final List<String> failures = new CopyOnWriteArrayList<>();
  final List<RuntimeException> errors = new CopyOnWriteArrayList<>();
  final List<HealthReport> reports = new CopyOnWriteArrayList<>();
  final List<String> backups = new CopyOnWriteArrayList<>();
  final List<String> refunds = new CopyOnWriteArrayList<>();
  final List<Reminders.Delivery> deliveries = new CopyOnWriteArrayList<>();
  private final Object[] guarded;

  RecordingMaintenanceListener(Object... guarded) {
    this.guarded = guarded;
  }

  private void noLocks() {
    for (Object o : guarded) {
      assertThat(Thread.holdsLock(o)).as("callback under the lock of " + o).isFalse();
    }
  }

  @Override
  public void taskFailed(String task, RuntimeException error) {
    noLocks();
    failures.add(task + ": " + error.getMessage());
    errors.add(error);
  }

  @Override
  public void healthReport(HealthReport report) {
    noLocks();
    reports.add(report);
  }

  @Override
  public void backupTaken(LedgerBackups.BackupInfo backup, List<String> pruned) {
    noLocks();
    backups.add(backup.name() + " pruned " + pruned);
  }

  @Override
  public void gamesRefunded(String task, List<String> gameIds) {
    noLocks();
    refunds.add(task + " " + gameIds);
  }

  @Override
  public void remindersDelivered(Reminders.Delivery delivery) {
    noLocks();
    deliveries.add(delivery);
  }
}
