package dev.fragkit.economy.ops;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** {@link ScheduleState} in memory (tests; a durable one lives in adapters/fs). Thread-safe. */
public final class InMemoryScheduleState implements ScheduleState {
  private final ConcurrentHashMap<String, Instant> runs = new ConcurrentHashMap<>();

  @Override
  public Optional<Instant> lastRun(String task) {
    return Optional.ofNullable(runs.get(task));
  }

  @Override
  public void recordRun(String task, Instant at) {
    runs.put(task, at);
  }
}
