package dev.fragkit.economy.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fragkit.economy.game.EscrowSweeper;
import dev.fragkit.economy.ledger.AccountId;
import dev.fragkit.economy.ledger.HoldState;
import dev.fragkit.economy.ledger.InMemoryLedgerStore;
import dev.fragkit.economy.ledger.Ledger;
import dev.fragkit.economy.ledger.LedgerConfig;
import dev.fragkit.economy.ledger.TestClock;
import dev.fragkit.economy.reminder.InMemoryReminderStore;
import dev.fragkit.economy.reminder.ReminderSink;
import dev.fragkit.economy.reminder.ReminderState;
import dev.fragkit.economy.reminder.Reminders;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** {@link EconomyMaintenance} in virtual time: one {@link EconomyMaintenance#runDue()} per tick. */
class EconomyMaintenanceTest {
  private static final Duration TICK = Duration.ofSeconds(15);
  private static final AccountId ALICE = AccountId.user("g", "alice");

  private final TestClock clock = TestClock.fixed();
  private final InMemoryScheduleState state = new InMemoryScheduleState();
  private final InMemoryLeaseStore leases = new InMemoryLeaseStore();
  private final Ledger ledger = Ledger.builder(InMemoryLedgerStore.create())
      .config(LedgerConfig.builder().startingBalance(1_000).build()).clock(clock).build();
  private final EscrowSweeper sweeper = new EscrowSweeper(ledger, clock);
  private final InMemoryReminderStore reminderStore = new InMemoryReminderStore();
  private final Reminders reminders = new Reminders(reminderStore, clock);
  private final RecordingLedgerBackups backups = new RecordingLedgerBackups(clock);
  private final Map<String, AtomicInteger> sinkCalls = new ConcurrentHashMap<>();
  private final ReminderSink sink = r -> sinkCalls.computeIfAbsent(r.id(), k -> new AtomicInteger()).incrementAndGet();
  private final MaintenanceConfig utc = MaintenanceConfig.builder().tick(TICK)
      .backupAt(MaintenanceScheduler.DEFAULT_BACKUP_TIME, ZoneOffset.UTC).build();

  EconomyMaintenanceTest() {
    ledger.openAccount("open-alice", "g", "alice");
  }

  private EconomyMaintenance.Builder node(String name, MaintenanceListener listener) {
    HealthRegistry health = new HealthRegistry(clock)
        .register("stale-reminders", ReminderHealthChecks.staleReminders(reminderStore, clock));
    return EconomyMaintenance.builder(clock, state, leases, name).config(utc).listener(listener).escrow(sweeper)
        .reminders(reminders, sink).health(health).backups(backups);
  }

  @Test
  void theDailyBackupRunsAtThreeOClockNotAtThreeMinutesPastMidnight() {
    state.recordRun(EconomyMaintenance.BACKUP, Instant.parse("2025-12-31T03:00:00Z"));
    RecordingMaintenanceListener listener = new RecordingMaintenanceListener();
    EconomyMaintenance m = node("a", listener).build();
    List<Instant> backupRuns = new ArrayList<>();
    for (Instant end = TestClock.START.plus(Duration.ofHours(5)); clock.instant().isBefore(end); clock.advance(TICK)) {
      if (m.runDue().contains(EconomyMaintenance.BACKUP)) {
        backupRuns.add(clock.instant());
      }
    }
    assertThat(backupRuns).containsExactly(Instant.parse("2026-01-01T03:00:00Z"));
    assertThat(backups.calls).containsExactly("create@2026-01-01T03:00:00Z", "prune@2026-01-01T03:00:00Z");
    assertThat(listener.backups).containsExactly("b-2026-01-01T03:00:00Z pruned []");
    assertThat(state.lastRun(EconomyMaintenance.BACKUP)).contains(Instant.parse("2026-01-01T03:00:00Z"));
  }

  @Test
  void theBackupTimeIsLocalToTheConfiguredZone() {
    ZoneId newYork = ZoneId.of("America/New_York"); // 03:00 EST = 08:00Z
    state.recordRun(EconomyMaintenance.BACKUP, Instant.parse("2025-12-31T08:00:00Z"));
    EconomyMaintenance m = node("a", MaintenanceListener.NONE)
        .config(utc.toBuilder().backupAt(LocalTime.of(3, 0), newYork).build()).build();
    List<Instant> backupRuns = new ArrayList<>();
    for (Instant end = TestClock.START.plus(Duration.ofHours(10)); clock.instant().isBefore(end); clock.advance(TICK)) {
      if (m.runDue().contains(EconomyMaintenance.BACKUP)) {
        backupRuns.add(clock.instant());
      }
    }
    assertThat(backupRuns).containsExactly(Instant.parse("2026-01-01T08:00:00Z"));
  }

  @Test
  void anOverdueBackupRunsAtStartUpOnce() {
    state.recordRun(EconomyMaintenance.BACKUP, TestClock.START.minus(Duration.ofDays(2)));
    clock.advance(Duration.ofHours(10)); // 10:00Z: today's 03:00 backup was missed while no node ran
    EconomyMaintenance m = node("a", MaintenanceListener.NONE).build();
    assertThat(m.runDue()).contains(EconomyMaintenance.ESCROW_STARTUP, EconomyMaintenance.BACKUP);
    clock.advance(TICK);
    assertThat(m.runDue()).doesNotContain(EconomyMaintenance.BACKUP, EconomyMaintenance.ESCROW_STARTUP);
    assertThat(backups.createdAt()).containsExactly(Instant.parse("2026-01-01T10:00:00Z"));
  }

  @Test
  void twoNodesSharingLeasesAndScheduleStateRunEachTaskOncePerPeriod() throws Exception {
    List<String> hostRuns = new java.util.concurrent.CopyOnWriteArrayList<>();
    RecordingMaintenanceListener listener = new RecordingMaintenanceListener();
    EconomyMaintenance a = node("a", listener).build()
        .task("tempbans", Duration.ofMinutes(1), () -> hostRuns.add("tempbans@" + clock.instant()));
    EconomyMaintenance b = node("b", listener).build()
        .task("tempbans", Duration.ofMinutes(1), () -> hostRuns.add("tempbans@" + clock.instant()));
    for (int i = 0; i < 60; i++) {
      reminders.scheduleIn("rem-" + i, "g", "u" + i, "hi", Duration.ofMinutes(i * 13L));
    }
    Map<String, Integer> runs = new ConcurrentHashMap<>();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Instant end = TestClock.START.plus(Duration.ofHours(26));
      for (; clock.instant().isBefore(end); clock.advance(TICK)) {
        CountDownLatch go = new CountDownLatch(1);
        List<Future<List<String>>> ticks = List.of(pool.submit(() -> {
          go.await();
          return a.runDue();
        }), pool.submit(() -> {
          go.await();
          return b.runDue();
        }));
        go.countDown();
        for (Future<List<String>> f : ticks) {
          f.get(1, TimeUnit.MINUTES).forEach(task -> runs.merge(task, 1, Integer::sum));
        }
      }
    } finally {
      pool.shutdownNow();
    }
    int minutes = 26 * 60;
    assertThat(runs).containsEntry(EconomyMaintenance.ESCROW_IDLE, minutes)
        .containsEntry(EconomyMaintenance.REMINDERS, minutes)
        .containsEntry("tempbans", minutes)
        .containsEntry(EconomyMaintenance.REMINDERS_PURGE, 2)
        .containsEntry(EconomyMaintenance.HEALTH, 26)
        .containsEntry(EconomyMaintenance.BACKUP, 2) // never ran: at start-up; then 03:00
        .containsEntry(EconomyMaintenance.ESCROW_STARTUP, 2); // once per node start (refunds are idempotent)
    assertThat(hostRuns).doesNotHaveDuplicates().hasSize(minutes);
    assertThat(backups.createdAt()).containsExactly(TestClock.START, Instant.parse("2026-01-01T03:00:00Z"));
    assertThat(sinkCalls).hasSize(60);
    assertThat(sinkCalls.values()).allSatisfy(c -> assertThat(c.get()).isEqualTo(1));
    assertThat(listener.reports).hasSize(26).allSatisfy(r -> assertThat(r.status()).isEqualTo(HealthStatus.OK));
    assertThat(listener.failures).isEmpty();
  }

  @Test
  void aFailingTaskIsReportedAndRetriedWithoutStoppingTheOthers() {
    backups.failCreates = 1;
    RecordingMaintenanceListener listener = new RecordingMaintenanceListener();
    EconomyMaintenance m = node("a", listener).build()
        .task("birthdays", Duration.ofHours(1), () -> {
          throw new IllegalStateException("role API down");
        });
    reminders.scheduleIn("r", "g", "alice", "hi", Duration.ZERO);
    assertThat(m.runDue()).containsExactly(EconomyMaintenance.ESCROW_STARTUP, EconomyMaintenance.ESCROW_IDLE,
        EconomyMaintenance.REMINDERS, EconomyMaintenance.REMINDERS_PURGE, EconomyMaintenance.HEALTH);
    assertThat(listener.failures).containsExactly("backup: disk full writing snapshot.json",
        "birthdays: role API down");
    assertThat(listener.errors.get(0)).isInstanceOf(BackupException.class);
    assertThat(backups.calls).as("a failed backup prunes nothing").containsExactly("create-failed@" + TestClock.START);
    assertThat(sinkCalls).containsOnlyKeys("r");
    assertThat(state.lastRun(EconomyMaintenance.BACKUP)).isEmpty();
    assertThat(leases.current("task:backup")).as("lease released after the failure").isEmpty();

    clock.advance(TICK);
    assertThat(m.runDue()).containsExactly(EconomyMaintenance.BACKUP);
    assertThat(listener.failures).hasSize(3).last().isEqualTo("birthdays: role API down");
    assertThat(backups.createdAt()).containsExactly(TestClock.START.plus(TICK));
  }

  @Test
  void aPruneFailureIsReportedButTheBackupCountsAsTaken() {
    backups.failPrunes = 1;
    RecordingMaintenanceListener listener = new RecordingMaintenanceListener();
    EconomyMaintenance m = node("a", listener).build();
    assertThat(m.runDue()).contains(EconomyMaintenance.BACKUP);
    assertThat(listener.failures).containsExactly("backup-prune: cannot delete old backup");
    assertThat(listener.backups).containsExactly("b-" + TestClock.START + " pruned []");
    clock.advance(TICK);
    assertThat(m.runDue()).doesNotContain(EconomyMaintenance.BACKUP);
    assertThat(backups.createdAt()).hasSize(1);
  }

  @Test
  void oldBackupsArePrunedAfterEachDailyBackup() {
    RecordingMaintenanceListener listener = new RecordingMaintenanceListener();
    EconomyMaintenance m = node("a", listener).build();
    for (Instant end = TestClock.START.plus(Duration.ofDays(9)); clock.instant().isBefore(end);
        clock.advance(Duration.ofMinutes(1))) {
      m.runDue();
    }
    // backups at 00:00 (start) and 03:00 on Jan 1, 03:00 on Jan 2..9; 7-day retention
    assertThat(backups.createdAt()).hasSize(10);
    assertThat(listener.backups.subList(7, 10)).containsExactly("b-2026-01-07T03:00:00Z pruned []",
        "b-2026-01-08T03:00:00Z pruned [b-2026-01-01T00:00:00Z]",
        "b-2026-01-09T03:00:00Z pruned [b-2026-01-01T03:00:00Z]");
    assertThat(backups.list()).hasSize(8);
  }

  @Test
  void staleGamesAreRefundedAtStartUpAndIdleGamesForfeitedEveryMinute() {
    ledger.hold("bet-old", "game-old", ALICE, 100, "{}");
    clock.advance(Duration.ofHours(3));
    ledger.hold("bet-new", "game-new", ALICE, 50, "{}");
    RecordingMaintenanceListener listener = new RecordingMaintenanceListener();
    EconomyMaintenance m = node("a", listener).build();
    m.runDue();
    assertThat(ledger.hold("game-old").orElseThrow().state()).isEqualTo(HoldState.VOIDED);
    assertThat(ledger.hold("game-new").orElseThrow().state()).isEqualTo(HoldState.PENDING);
    clock.advance(Duration.ofMinutes(2));
    m.runDue(); // idle for exactly 2 minutes: not yet
    assertThat(ledger.hold("game-new").orElseThrow().state()).isEqualTo(HoldState.PENDING);
    clock.advance(Duration.ofMinutes(1));
    m.runDue();
    assertThat(ledger.hold("game-new").orElseThrow().state()).isEqualTo(HoldState.VOIDED);
    assertThat(ledger.balance(ALICE)).isEqualTo(1_000);
    assertThat(listener.refunds).containsExactly("escrow-refund-stale [game-old]", "escrow-forfeit-idle [game-new]");
  }

  @Test
  void remindersStuckPendingTurnTheHourlyHealthReportToWarn() {
    RecordingMaintenanceListener listener = new RecordingMaintenanceListener();
    EconomyMaintenance m = EconomyMaintenance.builder(clock, state, leases, "a").config(utc).listener(listener)
        .reminders(reminders, r -> {
          throw new IllegalStateException("DMs closed");
        })
        .health(new HealthRegistry(clock).register("stale-reminders",
            ReminderHealthChecks.staleReminders(reminderStore, clock)))
        .build();
    for (int i = 0; i < 11; i++) {
      reminders.scheduleIn("r" + i, "g", "u", "hi", Duration.ofMinutes(10));
    }
    for (Instant end = TestClock.START.plus(Duration.ofMinutes(61)); clock.instant().isBefore(end); clock.advance(TICK)) {
      m.runDue();
    }
    assertThat(listener.reports).extracting(HealthReport::status).containsExactly(HealthStatus.OK, HealthStatus.WARN);
    assertThat(listener.reports.get(1).results().get(0).message())
        .isEqualTo("11 reminders overdue by more than PT5M (limit 10), oldest due 2026-01-01T00:10:00Z");
    assertThat(listener.deliveries).isNotEmpty().allSatisfy(d -> assertThat(d.failed()).hasSize(11));
    assertThat(reminderStore.find("r0").orElseThrow().state()).isEqualTo(ReminderState.PENDING);
  }

  @Test
  void resolvedRemindersArePurgedDailyAfterTheRetention() {
    EconomyMaintenance m = node("a", MaintenanceListener.NONE)
        .config(utc.toBuilder().reminderRetention(Duration.ofDays(2)).build()).build();
    reminders.scheduleIn("delivered", "g", "u", "hi", Duration.ZERO);
    reminders.scheduleIn("cancelled", "g", "u", "hi", Duration.ofHours(1));
    reminders.scheduleIn("pending", "g", "u", "hi", Duration.ofDays(10));
    reminders.cancel("cancelled");
    List<Instant> purged = new ArrayList<>();
    for (Instant end = TestClock.START.plus(Duration.ofDays(4)); clock.instant().isBefore(end);
        clock.advance(Duration.ofMinutes(1))) {
      m.runDue();
      if (reminderStore.find("delivered").isEmpty() && purged.isEmpty()) {
        purged.add(clock.instant());
      }
    }
    assertThat(sinkCalls).containsOnlyKeys("delivered");
    assertThat(purged).as("the first daily purge after the 2-day retention").containsExactly(
        TestClock.START.plus(Duration.ofDays(3)));
    assertThat(reminderStore.find("cancelled")).isEmpty();
    assertThat(reminderStore.find("pending")).isPresent();
  }

  @Test
  void startRunsTheTicksOnItsOwnThreadUntilClosed() throws Exception {
    CountDownLatch ran = new CountDownLatch(1);
    String[] thread = new String[1];
    EconomyMaintenance m = EconomyMaintenance.builder(clock, state, leases, "a").config(utc).build()
        .task("host", Duration.ofMinutes(1), () -> {
          thread[0] = Thread.currentThread().getName();
          ran.countDown();
        });
    try {
      m.start();
      assertThat(ran.await(1, TimeUnit.MINUTES)).isTrue();
      assertThat(thread[0]).startsWith("fragkit-economy-maintenance-");
      org.assertj.core.api.Assertions.assertThatThrownBy(m::start).isInstanceOf(IllegalStateException.class)
          .hasMessage("already started");
    } finally {
      m.close();
      m.close();
    }
  }

  @Test
  void aThrowingListenerFailsTheTaskButNotTheOthers() {
    MaintenanceListener throwing = new MaintenanceListener() {
      @Override
      public void healthReport(HealthReport report) {
        throw new IllegalStateException("listener bug");
      }
    };
    EconomyMaintenance m = node("a", throwing).build();
    List<String> ran = m.runDue();
    assertThat(ran).doesNotContain(EconomyMaintenance.HEALTH).contains(EconomyMaintenance.BACKUP,
        EconomyMaintenance.REMINDERS);
    assertThat(state.lastRun(EconomyMaintenance.HEALTH)).isEmpty();
  }

}
