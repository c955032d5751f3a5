package dev.fragkit.economy.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fragkit.economy.ledger.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class MaintenanceSchedulerTest {
  private final TestClock clock = TestClock.fixed();
  private final InMemoryScheduleState state = new InMemoryScheduleState();
  private final InMemoryLeaseStore leases = new InMemoryLeaseStore();
  private final List<String> log = new ArrayList<>();

  private MaintenanceScheduler node(String name) {
    return new MaintenanceScheduler(clock, state, leases, name)
        .every("tempbans", Duration.ofMinutes(1), Duration.ofMinutes(5), () -> log.add(name + ":tempbans"))
        .every("backup", Duration.ofDays(1), Duration.ofHours(1), () -> log.add(name + ":backup"));
  }

  @Test
  void overdueWorkRunsAtStartUpAndThenOnItsInterval() {
    state.recordRun("backup", TestClock.START.minus(Duration.ofDays(2)));
    state.recordRun("tempbans", TestClock.START);
    MaintenanceScheduler s = node("a");
    assertThat(s.runDue()).containsExactly("backup");
    clock.advance(Duration.ofSeconds(59));
    assertThat(s.runDue()).isEmpty();
    clock.advance(Duration.ofSeconds(1));
    assertThat(s.runDue()).containsExactly("tempbans");
    assertThat(state.lastRun("tempbans")).contains(TestClock.START.plusSeconds(60));
  }

  @Test
  void twoNodesSharingStateAndLeasesRunEachDueTaskOnce() {
    MaintenanceScheduler a = node("a");
    MaintenanceScheduler b = node("b");
    a.runDue();
    b.runDue();
    assertThat(log).containsExactly("a:tempbans", "a:backup");
    clock.advance(Duration.ofMinutes(1));
    leases.tryAcquire("task:tempbans", "b", clock.instant(), Duration.ofMinutes(5)); // b is running it
    assertThat(a.runDue()).isEmpty();
    leases.release("task:tempbans", "b");
    assertThat(b.runDue()).containsExactly("tempbans");
  }

  @Test
  void aFailingTaskIsRetriedNextTickAndDoesNotStopOthers() {
    int[] calls = {0};
    MaintenanceScheduler s = new MaintenanceScheduler(clock, state, leases, "a")
        .every("flaky", Duration.ofMinutes(1), Duration.ofMinutes(1), () -> {
          if (calls[0]++ == 0) {
            throw new IllegalStateException("boom");
          }
        })
        .every("other", Duration.ofMinutes(1), Duration.ofMinutes(1), () -> log.add("other"));
    assertThat(s.runDue()).containsExactly("other");
    assertThat(state.lastRun("flaky")).isEmpty();
    assertThat(s.runDue()).containsExactly("flaky");
    assertThat(leases.current("task:flaky")).isEmpty();
  }

  @Test
  void dailyBackupRunsAtThreeLocalTimeAndCatchesUpAfterDowntime() {
    java.time.ZoneId berlin = java.time.ZoneId.of("Europe/Berlin");
    MaintenanceScheduler s = new MaintenanceScheduler(clock, state, leases, "a")
        .dailyAt("backup", MaintenanceScheduler.DEFAULT_BACKUP_TIME, berlin, Duration.ofHours(1), () -> log.add("backup"));
    assertThat(s.runDue()).as("never ran: due at start-up").containsExactly("backup");
    // 2026-01-01T00:00Z is 01:00 in Berlin; 03:00 Berlin = 02:00Z
    clock.advance(Duration.ofMinutes(59));
    assertThat(s.runDue()).isEmpty();
    clock.advance(Duration.ofMinutes(61));
    assertThat(s.runDue()).containsExactly("backup");
    assertThat(s.runDue()).isEmpty();
    clock.advance(Duration.ofDays(3)); // down for three days: one catch-up run, not three
    assertThat(s.runDue()).containsExactly("backup");
    assertThat(s.runDue()).isEmpty();
    assertThat(MaintenanceScheduler.latestOccurrence(java.time.LocalTime.of(3, 0), berlin,
        java.time.Instant.parse("2026-01-01T01:59:59Z"))).isEqualTo(java.time.Instant.parse("2025-12-31T02:00:00Z"));
  }

  @Test
  void aTickThatThrowsOutsideAnyTaskDoesNotEndTheBackgroundSchedule() throws Exception {
    AtomicInteger reads = new AtomicInteger();
    ScheduleState unavailableAtFirst = new ScheduleState() {
      @Override
      public Optional<Instant> lastRun(String task) {
        if (reads.getAndIncrement() == 0) {
          throw new IllegalStateException("schedule state unavailable");
        }
        return state.lastRun(task);
      }

      @Override
      public void recordRun(String task, Instant at) {
        state.recordRun(task, at);
      }
    };
    CountDownLatch ran = new CountDownLatch(1);
    try (MaintenanceScheduler s = new MaintenanceScheduler(clock, unavailableAtFirst, leases, "a")
        .every("task", Duration.ofMinutes(1), Duration.ofMinutes(1), ran::countDown)) {
      s.start(Duration.ofMillis(10));
      assertThat(ran.await(30, TimeUnit.SECONDS)).as("the task runs on a later tick").isTrue();
    }
    assertThat(reads.get()).isGreaterThan(1);
  }
}
