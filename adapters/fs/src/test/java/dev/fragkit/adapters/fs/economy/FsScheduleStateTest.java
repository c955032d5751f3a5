package dev.fragkit.adapters.fs.economy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fragkit.economy.ledger.TestClock;
import dev.fragkit.economy.ops.InMemoryLeaseStore;
import dev.fragkit.economy.ops.MaintenanceScheduler;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FsScheduleStateTest {
  @TempDir
  Path dir;

  @Test
  void lastRunsSurviveARestartSoOnlyOverdueWorkRunsAtStartUp() throws Exception {
    TestClock clock = TestClock.fixed();
    List<String> ran = new ArrayList<>();
    Path file = dir.resolve("schedule.json");
    MaintenanceScheduler first = new MaintenanceScheduler(clock, FsScheduleState.open(file), new InMemoryLeaseStore(), "n")
        .every("tempbans", Duration.ofMinutes(1), Duration.ofMinutes(1), () -> ran.add("tempbans"))
        .every("birthdays", Duration.ofHours(1), Duration.ofMinutes(1), () -> ran.add("birthdays"));
    assertThat(first.runDue()).containsExactly("tempbans", "birthdays");
    clock.advance(Duration.ofMinutes(5)); // "restart" five minutes later
    MaintenanceScheduler second = new MaintenanceScheduler(clock, FsScheduleState.open(file), new InMemoryLeaseStore(), "n")
        .every("tempbans", Duration.ofMinutes(1), Duration.ofMinutes(1), () -> ran.add("tempbans"))
        .every("birthdays", Duration.ofHours(1), Duration.ofMinutes(1), () -> ran.add("birthdays"));
    assertThat(second.runDue()).containsExactly("tempbans");
    assertThat(FsScheduleState.open(file).lastRun("tempbans")).contains(clock.instant());
  }
}
