package dev.fragkit.economy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fragkit.economy.game.EscrowSweeper;
import dev.fragkit.economy.ledger.InMemoryLedgerStore;
import dev.fragkit.economy.ledger.Ledger;
import dev.fragkit.economy.ledger.LedgerStore;
import dev.fragkit.economy.ops.EconomyMaintenance;
import dev.fragkit.economy.ops.HealthRegistry;
import dev.fragkit.economy.ops.InMemoryLeaseStore;
import dev.fragkit.economy.ops.InMemoryScheduleState;
import dev.fragkit.economy.ops.LedgerHealthChecks;
import dev.fragkit.economy.ops.ReminderHealthChecks;
import dev.fragkit.economy.reminder.InMemoryReminderStore;
import dev.fragkit.economy.reminder.ReminderState;
import dev.fragkit.economy.reminder.Reminders;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The README's maintenance snippet, verbatim between the markers, plus checks of what it claims. */
class ReadmeMaintenanceExampleTest {
  /** Stands in for the host bot's own job. */
  static final class TempBans {
    final CountDownLatch expired = new CountDownLatch(1);

    void expireDue() {
      expired.countDown();
    }
  }

  @Test
  void readmeMaintenanceSnippetWorksAsDescribed() throws Exception {
    LedgerStore store = InMemoryLedgerStore.create();
    Ledger ledger = Ledger.builder(store).build();
    List<String> chat = new CopyOnWriteArrayList<>();
    TempBans bans = new TempBans();
    InMemoryScheduleState scheduleState = new InMemoryScheduleState();
    // --- README snippet start
    Clock clock = Clock.systemUTC();
    Reminders reminders = new Reminders(new InMemoryReminderStore(), clock);
    reminders.scheduleIn("remind-alice-1", "guild1", "alice", "map vote at 20:00!", Duration.ofHours(2));

    EconomyMaintenance maintenance = EconomyMaintenance.builder(clock,
            scheduleState, new InMemoryLeaseStore(), "node-1")        // FsScheduleState / JdbcLeaseStore to share
        .escrow(new EscrowSweeper(ledger, clock))                     // stale games refunded at start-up, idle ones every minute
        .reminders(reminders, r -> chat.add(r.user() + ": " + r.text())) // due reminders delivered every minute
        .health(new HealthRegistry(clock)                             // hourly; report to the listener and the log
            .register("negative-balances", LedgerHealthChecks.negativeBalances(store))
            .register("stale-reminders", ReminderHealthChecks.staleReminders(reminders.store(), clock)))
        .build()                                                      // .backups(…): daily at 03:00 local
        .task("tempban-expiry", Duration.ofMinutes(1), bans::expireDue); // your own jobs, same guarantees
    maintenance.start();                                              // overdue work runs now, then on schedule
    // --- README snippet end

    try {
      assertThat(bans.expired.await(1, TimeUnit.MINUTES)).isTrue();
    } finally {
      maintenance.close();
    }
    assertThat(scheduleState.lastRun("tempban-expiry")).isPresent();
    assertThat(chat).as("not due for 2 h").isEmpty();
    assertThat(reminders.store().find("remind-alice-1").orElseThrow().state()).isEqualTo(ReminderState.PENDING);

    String readme = Files.readString(Path.of("..", "README.md"));
    String test = Files.readString(Path.of("src/test/java/dev/fragkit/economy/ReadmeMaintenanceExampleTest.java"));
    String snippet = test.substring(test.indexOf("// --- README snippet start\n") + 28,
            test.indexOf("    // --- README snippet end"))
        .lines().map(l -> l.length() >= 4 ? l.substring(4) : l.strip()).reduce("", (a, b) -> a + b + "\n");
    assertThat(snippet).contains(".task(\"tempban-expiry\"");
    assertThat(readme).as("README shows this test's snippet verbatim").contains(snippet);
  }
}
