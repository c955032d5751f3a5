package dev.fragkit.economy.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fragkit.economy.ledger.TestClock;
import dev.fragkit.economy.reminder.InMemoryReminderStore;
import dev.fragkit.economy.reminder.Reminder;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ReminderHealthChecksTest {
  private final TestClock clock = TestClock.fixed();
  private final InMemoryReminderStore store = new InMemoryReminderStore();
  private final HealthCheck check = ReminderHealthChecks.staleReminders(store, clock);

  private void due(int count, Duration ago) {
    for (int i = 0; i < count; i++) {
      String id = "r" + ago.toSeconds() + "-" + i;
      store.schedule(Reminder.pending(id, "g", "u", "hi", clock.instant().minus(ago), TestClock.START));
    }
  }

  @Test
  void tenStaleRemindersAreOkButElevenWarnWithTheCountAndOldestDueTime() {
    clock.advance(Duration.ofHours(1));
    assertThat(check.check("stale")).isEqualTo(HealthResult.ok("stale", "no reminders overdue by more than PT5M"));
    due(9, Duration.ofMinutes(6));
    due(1, Duration.ofMinutes(30));
    HealthResult ten = check.check("stale");
    assertThat(ten.status()).isEqualTo(HealthStatus.OK);
    assertThat(ten.message()).isEqualTo("10 reminders overdue by more than PT5M (limit 10), oldest due 2026-01-01T00:30:00Z");
    due(1, Duration.ofMinutes(7));
    HealthResult eleven = check.check("stale");
    assertThat(eleven.status()).isEqualTo(HealthStatus.WARN);
    assertThat(eleven.message()).isEqualTo("11 reminders overdue by more than PT5M (limit 10), oldest due 2026-01-01T00:30:00Z");
  }

  @Test
  void remindersWithinTheGracePeriodAndDeliveredOnesDoNotCount() {
    clock.advance(Duration.ofHours(1));
    due(20, Duration.ofMinutes(5)); // exactly at the grace boundary: not stale
    due(20, Duration.ofMinutes(20));
    store.due(clock.instant(), 100).stream().filter(r -> r.id().startsWith("r1200")).forEach(r -> store.markDelivered(r.id()));
    assertThat(check.check("stale").status()).isEqualTo(HealthStatus.OK);
    assertThat(ReminderHealthChecks.staleReminders(store, clock, 10, Duration.ofMinutes(4)).check("stale").status())
        .isEqualTo(HealthStatus.WARN);
  }

  @Test
  void badSettingsAreRejected() {
    assertThatThrownBy(() -> ReminderHealthChecks.staleReminders(store, clock, -1, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("maxStale < 0: -1");
    assertThatThrownBy(() -> ReminderHealthChecks.staleReminders(store, clock, 1, Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("grace < 0: PT-1S");
  }

  @Test
  void theCheckReportsThroughTheRegistryJson() {
    clock.advance(Duration.ofHours(1));
    due(11, Duration.ofMinutes(10));
    HealthReport report = new HealthRegistry(clock).register("stale-reminders", check).run();
    assertThat(report.status()).isEqualTo(HealthStatus.WARN);
    assertThat(report.toJson()).contains("\"name\":\"stale-reminders\",\"status\":\"warn\"");
  }
}
