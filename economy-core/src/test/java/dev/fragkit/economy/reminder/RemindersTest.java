package dev.fragkit.economy.reminder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fragkit.economy.ledger.TestClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RemindersTest {
  private final TestClock clock = TestClock.fixed();
  private final InMemoryReminderStore store = new InMemoryReminderStore();
  private final Reminders reminders = new Reminders(store, clock);

  @Test
  void dueRemindersAreDeliveredEarliestFirstAndMarkedOnlyAfterTheSinkReturned() {
    reminders.scheduleIn("b", "g", "u", "second", Duration.ofMinutes(2));
    reminders.scheduleIn("a", "g", "u", "first", Duration.ofMinutes(1));
    reminders.scheduleIn("later", "g", "u", "later", Duration.ofHours(1));
    List<String> seen = new ArrayList<>();
    ReminderSink sink = r -> {
      assertThat(store.find(r.id()).orElseThrow().state()).as("still pending while the sink runs")
          .isEqualTo(ReminderState.PENDING);
      seen.add(r.text());
    };
    assertThat(reminders.deliverDue(sink).delivered()).isEmpty();
    clock.advance(Duration.ofMinutes(2));
    Reminders.Delivery d = reminders.deliverDue(sink);
    assertThat(d.delivered()).containsExactly("a", "b");
    assertThat(seen).containsExactly("first", "second");
    assertThat(reminders.deliverDue(sink).delivered()).as("delivered once").isEmpty();
    assertThat(store.find("later").orElseThrow().state()).isEqualTo(ReminderState.PENDING);
  }

  @Test
  void aFailingSinkLeavesItsReminderPendingAndTheOthersAreStillDelivered() {
    reminders.scheduleIn("bad", "g", "u", "x", Duration.ZERO);
    reminders.scheduleIn("good", "g", "u", "y", Duration.ZERO);
    boolean[] down = {true};
    List<String> seen = new ArrayList<>();
    ReminderSink sink = r -> {
      if (r.id().equals("bad") && down[0]) {
        throw new IllegalStateException("discord unavailable");
      }
      seen.add(r.id());
    };
    Reminders.Delivery first = reminders.deliverDue(sink);
    assertThat(first.delivered()).containsExactly("good");
    assertThat(first.failed()).singleElement().satisfies(f -> {
      assertThat(f.reminderId()).isEqualTo("bad");
      assertThat(f.error()).hasMessage("discord unavailable");
    });
    assertThat(store.find("bad").orElseThrow().state()).isEqualTo(ReminderState.PENDING);
    down[0] = false;
    assertThat(reminders.deliverDue(sink).delivered()).containsExactly("bad");
    assertThat(seen).containsExactly("good", "bad");
  }

  @Test
  void aReminderCancelledWhileTheSinkRanCountsAsResolvedElsewhere() {
    reminders.scheduleIn("r", "g", "u", "x", Duration.ZERO);
    Reminders.Delivery d = reminders.deliverDue(r -> store.cancel(r.id()));
    assertThat(d.delivered()).isEmpty();
    assertThat(d.resolvedElsewhere()).containsExactly("r");
    assertThat(store.find("r").orElseThrow().state()).isEqualTo(ReminderState.CANCELLED);
  }

  @Test
  void batchSizeLimitsOneRunAndBadArgumentsAreRejected() {
    for (int i = 0; i < 5; i++) {
      reminders.scheduleIn("r" + i, "g", "u", "x", Duration.ZERO);
    }
    assertThat(reminders.deliverDue(r -> { }, 3).delivered()).containsExactly("r0", "r1", "r2");
    assertThat(reminders.deliverDue(r -> { }, 3).delivered()).containsExactly("r3", "r4");
    assertThatThrownBy(() -> reminders.deliverDue(r -> { }, 0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("batchSize < 1: 0");
    assertThatThrownBy(() -> reminders.scheduleIn("n", "g", "u", "x", Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("delay < 0: PT-1S");
  }

  @Test
  void scheduleUsesTheClockForCreationAndIsIdempotent() {
    Reminder r = reminders.scheduleIn("r", "g", "u", "x", Duration.ofMinutes(10));
    clock.advance(Duration.ofMinutes(1));
    Reminder again = reminders.schedule("r", "g", "u", "x", TestClock.START.plus(Duration.ofMinutes(10)));
    assertThat(again).isEqualTo(r);
    assertThat(r.createdAt()).isEqualTo(TestClock.START);
    assertThat(reminders.cancel("r")).isTrue();
    assertThat(reminders.cancel("r")).isFalse();
  }
}
