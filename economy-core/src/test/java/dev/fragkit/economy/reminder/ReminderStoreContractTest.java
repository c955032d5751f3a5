package dev.fragkit.economy.reminder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fragkit.economy.ledger.TestClock;
import java.time.Duration;
import java.time.Instant;
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
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link ReminderStore} passes: idempotent scheduling, due order and limits,
 * exactly-once transitions, overdue counts, round-tripped text, persistence, and exactly-once
 * {@code markDelivered} under real contention (several threads, spread over two store instances on
 * the same data where the implementation supports that). Subclass per implementation.
 */
public abstract class ReminderStoreContractTest {
  protected static final Instant T0 = TestClock.START;

  /** A new, empty store. Subclasses release its resources after each test. */
  protected abstract ReminderStore newStore();

  /**
   * Another instance over the same data as {@code store}, as a second process or node would open
   * it. The default returns {@code store} itself (stores without shared data).
   */
  protected ReminderStore sameDataStore(ReminderStore store) {
    return store;
  }

  /** {@code store} reopened from its durable data; the default returns it unchanged (memory). */
  protected ReminderStore reopen(ReminderStore store) {
    return store;
  }

  /** How many reminders the contention tests race on. */
  protected int contentionReminders() {
    return 200;
  }

  protected static Reminder reminder(String id, Instant dueAt) {
    return Reminder.pending(id, "guild1", "alice", "text of " + id, dueAt, T0);
  }

  @Test
  void scheduleStoresAPendingReminderThatFindReturns() {
    ReminderStore store = newStore();
    Reminder r = reminder("r1", T0.plusSeconds(60));
    assertThat(store.schedule(r)).isEqualTo(r);
    assertThat(store.find("r1")).contains(r);
    assertThat(store.find("missing")).isEmpty();
  }

  @Test
  void schedulingTheSameRequestAgainReturnsTheStoredReminderAndNeverRevivesIt() {
    ReminderStore store = newStore();
    Reminder r = reminder("r1", T0.plusSeconds(60));
    store.schedule(r);
    Reminder retry = Reminder.pending("r1", "guild1", "alice", "text of r1", T0.plusSeconds(60), T0.plusSeconds(5));
    assertThat(store.schedule(retry)).as("the original, with its creation time").isEqualTo(r);
    assertThat(store.markDelivered("r1")).isTrue();
    assertThat(store.schedule(retry).state()).isEqualTo(ReminderState.DELIVERED);
    assertThat(store.due(T0.plusSeconds(120), 10)).isEmpty();
  }

  @Test
  void schedulingAnIdWithADifferentRequestIsRejectedAndChangesNothing() {
    ReminderStore store = newStore();
    Reminder r = reminder("r1", T0.plusSeconds(60));
    store.schedule(r);
    Reminder other = Reminder.pending("r1", "guild1", "alice", "text of r1", T0.plusSeconds(61), T0);
    assertThatThrownBy(() -> store.schedule(other))
        .isInstanceOf(ReminderConflictException.class)
        .hasMessage("reminder id r1 was already scheduled as [guild1/alice due 2026-01-01T00:01:00Z, 10 chars],"
            + " not [guild1/alice due 2026-01-01T00:01:01Z, 10 chars]")
        .satisfies(e -> assertThat(((ReminderConflictException) e).key()).contains("r1"));
    assertThat(store.find("r1")).contains(r);
  }

  @Test
  void onlyPendingRemindersCanBeScheduled() {
    ReminderStore store = newStore();
    assertThatThrownBy(() -> store.schedule(reminder("r1", T0).withState(ReminderState.DELIVERED)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("only pending reminders can be scheduled: DELIVERED");
    assertThat(store.find("r1")).isEmpty();
  }

  @Test
  void dueListsPendingRemindersDueByNowEarliestFirstUpToTheLimit() {
    ReminderStore store = newStore();
    store.schedule(reminder("late", T0.plusSeconds(30)));
    store.schedule(reminder("b-tie", T0.plusSeconds(10)));
    store.schedule(reminder("a-tie", T0.plusSeconds(10)));
    store.schedule(reminder("first", T0));
    store.schedule(reminder("future", T0.plusSeconds(31)));
    store.schedule(reminder("cancelled", T0));
    store.schedule(reminder("delivered", T0));
    store.cancel("cancelled");
    store.markDelivered("delivered");
    Instant now = T0.plusSeconds(30);
    assertThat(store.due(now, 10)).extracting(Reminder::id).containsExactly("first", "a-tie", "b-tie", "late");
    assertThat(store.due(now, 2)).extracting(Reminder::id).containsExactly("first", "a-tie");
    assertThat(store.due(T0.minusMillis(1), 10)).isEmpty();
    assertThatThrownBy(() -> store.due(now, 0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("limit < 1: 0");
  }

  @Test
  void markDeliveredAndCancelSucceedOnlyFromPending() {
    ReminderStore store = newStore();
    store.schedule(reminder("d", T0));
    store.schedule(reminder("c", T0));
    assertThat(store.markDelivered("d")).isTrue();
    assertThat(store.markDelivered("d")).isFalse();
    assertThat(store.cancel("d")).isFalse();
    assertThat(store.cancel("c")).isTrue();
    assertThat(store.cancel("c")).isFalse();
    assertThat(store.markDelivered("c")).as("a cancelled reminder is never delivered").isFalse();
    assertThat(store.markDelivered("unknown")).isFalse();
    assertThat(store.cancel("unknown")).isFalse();
    assertThat(store.find("d").orElseThrow().state()).isEqualTo(ReminderState.DELIVERED);
    assertThat(store.find("c").orElseThrow().state()).isEqualTo(ReminderState.CANCELLED);
  }

  @Test
  void countOverdueCountsPendingRemindersDueBeforeNowMinusTheGrace() {
    ReminderStore store = newStore();
    Instant now = T0.plus(Duration.ofHours(1));
    Duration grace = Duration.ofMinutes(5);
    assertThat(store.countOverdue(now, grace)).isEqualTo(new ReminderStore.Overdue(0, null));
    store.schedule(reminder("old", T0));
    store.schedule(reminder("older-but-delivered", T0.minusSeconds(60)));
    store.schedule(reminder("older-but-cancelled", T0.minusSeconds(60)));
    store.schedule(reminder("at-cutoff", now.minus(grace)));
    store.schedule(reminder("just-before", now.minus(grace).minusMillis(1)));
    store.schedule(reminder("in-grace", now.minusSeconds(1)));
    store.markDelivered("older-but-delivered");
    store.cancel("older-but-cancelled");
    assertThat(store.countOverdue(now, grace)).isEqualTo(new ReminderStore.Overdue(2, T0));
    assertThat(store.countOverdue(now, Duration.ZERO)).isEqualTo(new ReminderStore.Overdue(4, T0));
    assertThatThrownBy(() -> store.countOverdue(now, Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("olderThan < 0: PT-1S");
  }

  @Test
  void purgeDeletesOnlyResolvedRemindersDueBeforeTheCutOff() {
    ReminderStore store = newStore();
    store.schedule(reminder("old-delivered", T0));
    store.schedule(reminder("old-cancelled", T0.plusSeconds(1)));
    store.schedule(reminder("old-pending", T0));
    store.schedule(reminder("new-delivered", T0.plusSeconds(10)));
    store.markDelivered("old-delivered");
    store.cancel("old-cancelled");
    store.markDelivered("new-delivered");
    assertThat(store.purgeResolved(T0.plusSeconds(10))).isEqualTo(2);
    assertThat(store.find("old-delivered")).isEmpty();
    assertThat(store.find("old-cancelled")).isEmpty();
    assertThat(store.find("old-pending")).isPresent();
    assertThat(store.find("new-delivered")).as("due exactly at the cut-off").isPresent();
    assertThat(store.purgeResolved(T0.plusSeconds(10))).isZero();
    Reminder again = reminder("old-delivered", T0);
    assertThat(store.schedule(again)).as("a purged id is new again").isEqualTo(again);
  }

  @Test
  void textAndTimesRoundTripExactly() {
    ReminderStore store = newStore();
    String text = "line 1\n\t\"quoted\" \\ back-slash, emoji \uD83C\uDFB2, ümlaut, {\"json\": [1]}";
    Reminder r = Reminder.pending("odd:id/with~chars", "g.1-x", "user_2", text, Instant.parse("2026-03-04T05:06:07.891Z"),
        Instant.parse("2026-03-01T00:00:00.001Z"));
    Reminder longest = Reminder.pending("long", "g", "u", "x".repeat(Reminder.MAX_TEXT_LENGTH - 2) + "\uD83C\uDFB2",
        T0, T0);
    store.schedule(r);
    store.schedule(longest);
    assertThat(store.find(r.id())).contains(r);
    assertThat(store.find("long")).contains(longest);
  }

  @Test
  void stateSurvivesReopening() {
    ReminderStore store = newStore();
    store.schedule(reminder("p", T0));
    store.schedule(reminder("d", T0));
    store.schedule(reminder("c", T0));
    store.markDelivered("d");
    store.cancel("c");
    ReminderStore reopened = reopen(store);
    assertThat(reopened.find("p").orElseThrow().state()).isEqualTo(ReminderState.PENDING);
    assertThat(reopened.find("d").orElseThrow().state()).isEqualTo(ReminderState.DELIVERED);
    assertThat(reopened.find("c").orElseThrow().state()).isEqualTo(ReminderState.CANCELLED);
    assertThat(reopened.markDelivered("d")).isFalse();
    assertThat(reopened.due(T0, 10)).extracting(Reminder::id).containsExactly("p");
  }

  @Test
  void racingMarkDeliveredOnTheSameDueSetMarksEachReminderExactlyOnce() throws Exception {
    ReminderStore a = newStore();
    ReminderStore b = sameDataStore(a);
    int n = contentionReminders();
    for (int i = 0; i < n; i++) {
      a.schedule(reminder(String.format("r%04d", i), T0.plusMillis(i % 7)));
    }
    Map<String, AtomicInteger> wins = new ConcurrentHashMap<>();
    race(8, t -> {
      ReminderStore s = t % 2 == 0 ? a : b;
      int mine = 0;
      while (true) {
        List<Reminder> batch = s.due(T0.plusSeconds(1), 25); // every thread sees the same head of the queue
        if (batch.isEmpty()) {
          return mine;
        }
        for (Reminder r : batch) {
          if (s.markDelivered(r.id())) {
            wins.computeIfAbsent(r.id(), k -> new AtomicInteger()).incrementAndGet();
            mine++;
          }
        }
      }
    });
    assertThat(wins).hasSize(n);
    assertThat(wins.values()).allSatisfy(c -> assertThat(c.get()).isEqualTo(1));
    assertThat(a.due(T0.plusSeconds(1), n)).isEmpty();
    assertThat(b.countOverdue(T0.plusSeconds(10), Duration.ZERO).count()).isZero();
  }

  @Test
  void racingDeliveryRunsHandEveryReminderToTheSinkAndMarkItOnce() throws Exception {
    ReminderStore a = newStore();
    ReminderStore b = sameDataStore(a);
    int n = contentionReminders();
    TestClock clock = TestClock.fixed();
    Reminders onA = new Reminders(a, clock);
    Reminders onB = new Reminders(b, clock);
    for (int i = 0; i < n; i++) {
      onA.scheduleIn(String.format("r%04d", i), "guild1", "u" + (i % 5), "hello " + i, Duration.ZERO);
    }
    Map<String, AtomicInteger> sinkCalls = new ConcurrentHashMap<>();
    Map<String, AtomicInteger> marked = new ConcurrentHashMap<>();
    ReminderSink sink = r -> sinkCalls.computeIfAbsent(r.id(), k -> new AtomicInteger()).incrementAndGet();
    race(6, t -> {
      Reminders service = t % 2 == 0 ? onA : onB;
      int runs = 0;
      while (true) {
        Reminders.Delivery d = service.deliverDue(sink, 20);
        runs++;
        d.delivered().forEach(id -> marked.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet());
        assertThat(d.failed()).isEmpty();
        if (d.delivered().isEmpty() && d.resolvedElsewhere().isEmpty()) {
          return runs;
        }
      }
    });
    assertThat(marked).hasSize(n);
    assertThat(marked.values()).allSatisfy(c -> assertThat(c.get()).isEqualTo(1));
    assertThat(sinkCalls).hasSize(n);
    assertThat(sinkCalls.values()).allSatisfy(c -> assertThat(c.get()).isBetween(1, 6));
  }

  private static void race(int threads, Function<Integer, Integer> body) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<Integer>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int id = t;
        futures.add(pool.submit(() -> {
          start.await();
          return body.apply(id);
        }));
      }
      start.countDown();
      for (Future<Integer> f : futures) {
        f.get(2, TimeUnit.MINUTES);
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
