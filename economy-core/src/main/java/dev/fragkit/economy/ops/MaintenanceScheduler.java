package dev.fragkit.economy.ops;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Periodic maintenance (tempban expiry every minute, birthday roles hourly, backups daily, the
 * escrow sweeper, …). A task is due when it never ran or its interval has passed since its last
 * recorded run, so work that became overdue while no instance was running runs at once on start-up.
 * Each run takes the lease {@code task:<name>} first, so with a shared {@link LeaseStore} one node
 * runs a task at a time; others skip it. Last-run times are persisted in a {@link ScheduleState}.
 * A failing task is logged at error level and retried at its next tick; it never stops the others.
 *
 * <p>Thread-safe. {@link #start} owns one daemon thread ({@code fragkit-economy-scheduler-N}),
 * stopped by {@link #close()}.
 */
public final class MaintenanceScheduler implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(MaintenanceScheduler.class);
  private static final AtomicInteger THREADS = new AtomicInteger();

  private final Clock clock;
  private final ScheduleState state;
  private final LeaseStore leases;
  private final String node;
  private final Map<String, Task> tasks = new LinkedHashMap<>();
  private @Nullable ScheduledExecutorService executor;

  private record Task(String name, Duration interval, Duration leaseTtl, Runnable body) {}

  public MaintenanceScheduler(Clock clock, ScheduleState state, LeaseStore leases, String node) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.state = Objects.requireNonNull(state, "state");
    this.leases = Objects.requireNonNull(leases, "leases");
    this.node = Objects.requireNonNull(node, "node");
  }

  /** Adds a task run every {@code interval}; its lease lasts {@code leaseTtl} (longer than a run). */
  public synchronized MaintenanceScheduler every(String name, Duration interval, Duration leaseTtl, Runnable body) {
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("interval <= 0 for task " + name + ": " + interval);
    }
    if (tasks.putIfAbsent(name, new Task(name, interval, leaseTtl, Objects.requireNonNull(body, "body"))) != null) {
      throw new IllegalArgumentException("task already scheduled: " + name);
    }
    return this;
  }

  /** Runs every due task once, now; returns the names run. */
  public List<String> runDue() {
    List<Task> snapshot;
    synchronized (this) {
      snapshot = List.copyOf(tasks.values());
    }
    List<String> ran = new ArrayList<>();
    for (Task t : snapshot) {
      Instant now = clock.instant();
      Instant last = state.lastRun(t.name()).orElse(null);
      if (last != null && now.isBefore(last.plus(t.interval()))) {
        continue;
      }
      String lease = "task:" + t.name();
      if (!leases.tryAcquire(lease, node, now, t.leaseTtl())) {
        LOG.debug("task {} skipped: lease held by another node", t.name());
        continue;
      }
      try {
        // re-check under the lease: another node may have just run it
        Instant again = state.lastRun(t.name()).orElse(null);
        if (again != null && now.isBefore(again.plus(t.interval()))) {
          continue;
        }
        t.body().run();
        state.recordRun(t.name(), now);
        ran.add(t.name());
      } catch (RuntimeException e) {
        LOG.error("maintenance task {} failed; it will be retried at its next tick", t.name(), e);
      } finally {
        leases.release(lease, node);
      }
    }
    return ran;
  }

  /** Runs due tasks now (start-up catch-up) and then every {@code tick}. */
  public synchronized void start(Duration tick) {
    if (executor != null) {
      throw new IllegalStateException("already started");
    }
    ScheduledExecutorService ex = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "fragkit-economy-scheduler-" + THREADS.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    ex.scheduleWithFixedDelay(this::runDue, 0, tick.toMillis(), TimeUnit.MILLISECONDS);
    executor = ex;
  }

  /** Stops the thread (a running task finishes). Idempotent. */
  @Override
  public synchronized void close() {
    if (executor != null) {
      executor.shutdownNow();
      executor = null;
    }
  }
}
