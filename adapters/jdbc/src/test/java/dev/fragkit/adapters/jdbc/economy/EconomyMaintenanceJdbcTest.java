package dev.fragkit.adapters.jdbc.economy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fragkit.adapters.jdbc.JdbcDatabase;
import dev.fragkit.adapters.jdbc.TestDatabases;
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
import dev.fragkit.economy.ops.LedgerHealthChecks;
import dev.fragkit.economy.ops.MaintenanceListener;
import dev.fragkit.economy.ops.ReminderHealthChecks;
import dev.fragkit.economy.reminder.Reminders;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two {@link EconomyMaintenance} nodes, each with its own connection pool, on one real PostgreSQL
 * database (leases, schedule state, reminders and ledger all in the database), ticking at the same
 * virtual instants on two threads for 3 simulated hours (one tick per minute): every task runs once per period in total,
 * every reminder is delivered once, the idle game is refunded once.
 */
class EconomyMaintenanceJdbcTest {
  private static final AccountId ALICE = AccountId.user("g", "alice");
  private final List<JdbcDatabase> open = new ArrayList<>();

  @AfterEach
  void close() {
    open.forEach(JdbcDatabase::close);
  }

  private JdbcDatabase connect(String url) {
    TestDatabases.Engine pg = TestDatabases.Engine.POSTGRESQL;
    JdbcDatabase db = JdbcDatabase.open(url, TestDatabases.user(pg), TestDatabases.password(pg), 4);
    open.add(db);
    return db;
  }

  @Test
  void twoNodesOnOnePostgresRunEachTaskOncePerPeriod() throws Exception {
    TestClock clock = TestClock.fixed();
    String url = TestDatabases.freshUrl(TestDatabases.Engine.POSTGRESQL);
    Map<String, AtomicInteger> sinkCalls = new ConcurrentHashMap<>();
    List<String> hostRuns = new CopyOnWriteArrayList<>();
    List<HealthReport> reports = new CopyOnWriteArrayList<>();
    List<String> failures = new CopyOnWriteArrayList<>();
    List<String> refunds = new CopyOnWriteArrayList<>();
    MaintenanceListener listener = new MaintenanceListener() {
      @Override
      public void taskFailed(String task, RuntimeException error) {
        failures.add(task + ": " + error);
      }

      @Override
      public void healthReport(HealthReport report) {
        reports.add(report);
      }

      @Override
      public void gamesRefunded(String task, List<String> gameIds) {
        refunds.addAll(gameIds);
      }
    };
    List<EconomyMaintenance> nodes = new ArrayList<>();
    Ledger first = null;
    for (String name : List.of("a", "b")) {
      JdbcDatabase db = connect(url);
      JdbcLedgerStore store = JdbcLedgerStore.open(db);
      Ledger ledger = Ledger.builder(store).config(LedgerConfig.builder().startingBalance(500).build()).clock(clock)
          .build();
      JdbcLeaseStore leases = JdbcLeaseStore.open(db);
      JdbcReminderStore reminderStore = JdbcReminderStore.open(db, clock);
      if (first == null) {
        first = ledger;
        ledger.openAccount("open-alice", "g", "alice");
        ledger.hold("bet-1", "game-1", ALICE, 100, "{}");
        Reminders reminders = new Reminders(reminderStore, clock);
        for (int i = 0; i < 40; i++) {
          reminders.scheduleIn("rem-" + i, "g", "u" + i, "hi " + i, Duration.ofMinutes(i * 4L));
        }
      }
      nodes.add(EconomyMaintenance.builder(clock, leases, leases, name).listener(listener)
          .escrow(new EscrowSweeper(ledger, clock))
          .reminders(new Reminders(reminderStore, clock),
              r -> sinkCalls.computeIfAbsent(r.id(), k -> new AtomicInteger()).incrementAndGet())
          .health(new HealthRegistry(clock)
              .register("negative-balances", LedgerHealthChecks.negativeBalances(store))
              .register("stale-reminders", ReminderHealthChecks.staleReminders(reminderStore, clock)))
          .build()
          .task("tempbans", Duration.ofMinutes(1), () -> hostRuns.add(clock.instant().toString())));
    }
    Map<String, Integer> runs = new ConcurrentHashMap<>();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (Instant end = TestClock.START.plus(Duration.ofHours(3)); clock.instant().isBefore(end);
          clock.advance(Duration.ofMinutes(1))) {
        CountDownLatch go = new CountDownLatch(1);
        List<Future<List<String>>> ticks = new ArrayList<>();
        for (EconomyMaintenance node : nodes) {
          ticks.add(pool.submit(() -> {
            go.await();
            return node.runDue();
          }));
        }
        go.countDown();
        for (Future<List<String>> f : ticks) {
          f.get(1, TimeUnit.MINUTES).forEach(task -> runs.merge(task, 1, Integer::sum));
        }
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(failures).isEmpty();
    assertThat(runs).containsEntry(EconomyMaintenance.ESCROW_IDLE, 180).containsEntry(EconomyMaintenance.REMINDERS, 180)
        .containsEntry("tempbans", 180).containsEntry(EconomyMaintenance.HEALTH, 3)
        .containsEntry(EconomyMaintenance.REMINDERS_PURGE, 1);
    assertThat(hostRuns).doesNotHaveDuplicates().hasSize(180);
    assertThat(sinkCalls).hasSize(40);
    assertThat(sinkCalls.values()).allSatisfy(c -> assertThat(c.get()).isEqualTo(1));
    assertThat(reports).hasSize(3).allSatisfy(r -> assertThat(r.status()).isEqualTo(HealthStatus.OK));
    assertThat(refunds).containsExactly("game-1");
    assertThat(first.hold("game-1").orElseThrow().state()).isEqualTo(HoldState.VOIDED);
    assertThat(first.balance(ALICE)).isEqualTo(500);
  }
}
