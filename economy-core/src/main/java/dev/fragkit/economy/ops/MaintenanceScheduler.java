package dev.fragkit.economy.ops;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
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

  private final Clock clock;
  private final ScheduleState state;
  private final LeaseStore leases;
  private final String node;
  private final Map<String, Task> tasks = new LinkedHashMap<>();
  private @Nullable ScheduledExecutorService executor;

  /** Default time of the daily backup: 03:00 local (the reference's cron '3 0 * * *' meant 00:03). */
  public static final LocalTime DEFAULT_BACKUP_TIME = LocalTime.of(3, 0);

  /** When a task is due, given its last run (null = never) and now. */
  private interface Due {
    boolean test(@Nullable Instant last, Instant now);
  }

  private record Task(String name, Due due, Duration leaseTtl, Runnable body) {}

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
    return add(new Task(name, (last, now) -> last == null || !now.isBefore(last.plus(interval)), leaseTtl, body));
  }

  /**
   * Adds a task run once a day at {@code time} in {@code zone}; if the latest such time passed
   * since its last run (or it never ran) it is due at once.
   */
  public synchronized MaintenanceScheduler dailyAt(String name, LocalTime time, ZoneId zone, Duration leaseTtl,
      Runnable body) {
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(zone, "zone");
    return add(new Task(name, (last, now) -> last == null || last.isBefore(latestOccurrence(time, zone, now)),
        leaseTtl, body));
  }

  /** The latest instant at or before {@code now} whose local time in {@code zone} is {@code time}. */
  static Instant latestOccurrence(LocalTime time, ZoneId zone, Instant now) {
    ZonedDateTime local = now.atZone(zone);
    ZonedDateTime today = local.toLocalDate().atTime(time).atZone(zone);
    return (today.isAfter(local) ? today.minusDays(1) : today).toInstant();
  }

  private MaintenanceScheduler add(Task task) {
    Objects.requireNonNull(task.body(), "body");
    if (tasks.putIfAbsent(task.name(), task) != null) {
      throw new IllegalArgumentException("task already scheduled: " + task.name());
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
      if (!t.due().test(state.lastRun(t.name()).orElse(null), now)) {
        continue;
      }
      String lease = "task:" + t.name();
      if (!leases.tryAcquire(lease, node, now, t.leaseTtl())) {
        LOG.debug("task {} skipped: lease held by another node", t.name());
        continue;
      }
      try {
        // re-check under the lease: another node may have just run it
        if (!t.due().test(state.lastRun(t.name()).orElse(null), now)) {
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
    executor = Ticker.start("fragkit-economy-scheduler-", tick, this::runDue,
        e -> LOG.error("maintenance tick failed (schedule state or lease store unavailable?); retrying at the next tick", e));
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
