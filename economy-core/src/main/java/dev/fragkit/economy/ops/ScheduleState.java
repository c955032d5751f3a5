package dev.fragkit.economy.ops;

import java.time.Instant;
import java.util.Optional;

/** Where the scheduler persists each task's last run. Implementations must be thread-safe. */
public interface ScheduleState {
  Optional<Instant> lastRun(String task);

  void recordRun(String task, Instant at);
}
