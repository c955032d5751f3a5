package dev.fragkit.adapters.fs.economy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fragkit.economy.game.EscrowSweeper;
import dev.fragkit.economy.ledger.AccountId;
import dev.fragkit.economy.ledger.HoldState;
import dev.fragkit.economy.ledger.Ledger;
import dev.fragkit.economy.ledger.LedgerConfig;
import dev.fragkit.economy.ledger.TestClock;
import dev.fragkit.economy.ops.EconomyMaintenance;
import dev.fragkit.economy.ops.HealthRegistry;
import dev.fragkit.economy.ops.HealthReport;
import dev.fragkit.economy.ops.HealthStatus;
import dev.fragkit.economy.ops.InMemoryLeaseStore;
import dev.fragkit.economy.ops.LedgerBackups;
import dev.fragkit.economy.ops.LedgerHealthChecks;
import dev.fragkit.economy.ops.MaintenanceConfig;
import dev.fragkit.economy.ops.MaintenanceListener;
import dev.fragkit.economy.ops.MaintenanceScheduler;
import dev.fragkit.economy.ops.ReminderHealthChecks;
import dev.fragkit.economy.reminder.Reminders;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link EconomyMaintenance} on the real file-system pieces: {@link FsLedgerStore}, {@link
 * FsScheduleState}, {@link FsReminderStore} and {@link FsLedgerBackups}, across a restart, in
 * virtual time (one {@code runDue()} per simulated 5 minutes).
 */
class EconomyMaintenanceFsTest {
  private static final AccountId ALICE = AccountId.user("g", "alice");
  /** Coarse ticks keep the simulated 28 hours short (every run rewrites the fsynced schedule file). */
  private static final Duration TICK = Duration.ofMinutes(5);

  @TempDir
  Path dir;

  private final TestClock clock = TestClock.fixed();
  private final List<HealthReport> reports = new CopyOnWriteArrayList<>();
  private final List<String> failures = new CopyOnWriteArrayList<>();
  private final List<String> delivered = new CopyOnWriteArrayList<>();
  private final InMemoryLeaseStore leases = new InMemoryLeaseStore();

  private final MaintenanceListener listener = new MaintenanceListener() {
    @Override
    public void taskFailed(String task, RuntimeException error) {
      failures.add(task + ": " + error);
    }

    @Override
    public void healthReport(HealthReport report) {
      reports.add(report);
    }
  };

  private EconomyMaintenance node(String name, FsLedgerStore store, Ledger ledger) throws IOException {
    FsReminderStore reminderStore = FsReminderStore.open(dir.resolve("reminders"));
    HealthRegistry health = new HealthRegistry(clock)
        .register("storage", LedgerHealthChecks.storageReadable(store))
        .register("journal", LedgerHealthChecks.journalMatchesBalances(store))
        .register("negative-balances", LedgerHealthChecks.negativeBalances(store))
        .register("free-space", FsHealthChecks.freeSpace(dir, 1, 0))
        .register("large-files", FsHealthChecks.largeFiles(dir.resolve("data"), 10L << 20))
        .register("stale-reminders", ReminderHealthChecks.staleReminders(reminderStore, clock));
    return EconomyMaintenance.builder(clock, FsScheduleState.open(dir.resolve("schedule.json")), leases, name)
        .config(MaintenanceConfig.builder().tick(TICK).escrowInterval(TICK).reminderInterval(TICK)
            .backupAt(MaintenanceScheduler.DEFAULT_BACKUP_TIME, ZoneOffset.UTC).build())
        .listener(listener)
        .escrow(new EscrowSweeper(ledger, clock))
        .reminders(new Reminders(reminderStore, clock), r -> delivered.add(r.id()))
        .health(health)
        .backups(new FsLedgerBackups(dir.resolve("data"), dir.resolve("backups"), clock))
        .build();
  }

  private void runUntil(EconomyMaintenance m, Instant end) {
    for (; clock.instant().isBefore(end); clock.advance(TICK)) {
      m.runDue();
    }
  }

  @Test
  void standardTasksRunOnTheRealFileStoresAndSurviveARestart() throws Exception {
    Instant day1At3 = Instant.parse("2026-01-01T03:00:00Z");
    LedgerBackups backupsView = new FsLedgerBackups(dir.resolve("data"), dir.resolve("backups"), clock);
    try (FsLedgerStore store = FsLedgerStore.open(dir.resolve("data"))) {
      Ledger ledger = Ledger.builder(store).config(LedgerConfig.builder().startingBalance(500).build()).clock(clock)
          .build();
      ledger.openAccount("open-alice", "g", "alice");
      ledger.hold("bet-1", "game-1", ALICE, 100, "{}");
      EconomyMaintenance a = node("a", store, ledger);
      Reminders reminders = new Reminders(FsReminderStore.open(dir.resolve("reminders")), clock);
      reminders.scheduleIn("rem-1", "g", "alice", "vote!", Duration.ofMinutes(30));

      runUntil(a, Instant.parse("2026-01-01T04:00:00Z"));
      assertThat(ledger.hold("game-1").orElseThrow().state()).as("forfeited when idle > 2 minutes")
          .isEqualTo(HoldState.VOIDED);
      assertThat(ledger.balance(ALICE)).isEqualTo(500);
      assertThat(delivered).containsExactly("rem-1");
      assertThat(backupsView.list()).extracting(LedgerBackups.BackupInfo::takenAt)
          .containsExactly(day1At3, TestClock.START); // never ran: at start-up; then at 03:00
      assertThat(reports).hasSize(4).allSatisfy(r -> assertThat(r.status()).as(r.toJson()).isEqualTo(HealthStatus.OK));
      a.close();
    }
    assertThat(Files.readString(dir.resolve("schedule.json"))).contains("\"backup\":\"" + day1At3 + "\"");

    // restart at 04:00 with a new node: the persisted last runs hold, nothing is run twice
    try (FsLedgerStore store = FsLedgerStore.open(dir.resolve("data"))) {
      Ledger ledger = Ledger.builder(store).clock(clock).build();
      EconomyMaintenance b = node("b", store, ledger);
      List<String> first = b.runDue();
      assertThat(first).as("health is due again at 04:00; the 03:00 backup is not")
          .containsExactly(EconomyMaintenance.ESCROW_STARTUP, EconomyMaintenance.ESCROW_IDLE,
              EconomyMaintenance.REMINDERS, EconomyMaintenance.HEALTH);
      clock.advance(TICK);
      List<Instant> backupRuns = new ArrayList<>();
      for (Instant end = Instant.parse("2026-01-02T04:00:00Z"); clock.instant().isBefore(end); clock.advance(TICK)) {
        if (b.runDue().contains(EconomyMaintenance.BACKUP)) {
          backupRuns.add(clock.instant());
        }
      }
      assertThat(backupRuns).containsExactly(Instant.parse("2026-01-02T03:00:00Z"));
      assertThat(backupsView.stats().count()).isEqualTo(3);
      assertThat(failures).isEmpty();
      b.close();
    }
  }
}
