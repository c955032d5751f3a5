package dev.fragkit.economy.ops;

import dev.fragkit.economy.game.EscrowSweeper;
import dev.fragkit.economy.reminder.ReminderSink;
import dev.fragkit.economy.reminder.Reminders;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The economy's standard maintenance, wired onto one {@link MaintenanceScheduler}: what a host bot
 * starts once. Each part is optional and registered only when configured:
 *
 * <ul>
 *   <li>{@value #ESCROW_STARTUP}: at start-up (the first {@link #runDue()}), games older than the
 *       sweeper's start-up limit are refunded ({@link EscrowSweeper#refundStale()}; exactly once
 *       even when several nodes start, because refunds are idempotent);
 *   <li>{@value #ESCROW_IDLE}: idle games are forfeited with a refund every {@link
 *       MaintenanceConfig#escrowInterval()} ({@link EscrowSweeper#forfeitIdle()});
 *   <li>{@value #REMINDERS}: due reminders are delivered through the host's {@link ReminderSink}
 *       every {@link MaintenanceConfig#reminderInterval()}; {@value #REMINDERS_PURGE}: once a day,
 *       delivered and cancelled reminders older than {@link MaintenanceConfig#reminderRetention()}
 *       are deleted;
 *   <li>{@value #HEALTH}: the {@link HealthRegistry} runs every {@link
 *       MaintenanceConfig#healthInterval()}; the report goes to the listener and the log (warn /
 *       critical reports at warn / error level);
 *   <li>{@value #BACKUP}: {@link LedgerBackups#create()} then {@link LedgerBackups#prune()} daily at
 *       {@link MaintenanceConfig#backupTime()} in {@link MaintenanceConfig#backupZone()} (03:00 local
 *       by default); a failed backup prunes nothing, and is retried at the next tick.
 * </ul>
 *
 * <p>Hosts add their own jobs (tempban expiry, birthday roles, …) with {@link #task} and {@link
 * #dailyTask}; they get the same catch-up at start-up, persisted last runs and one-node-at-a-time
 * leases. A failing task is logged at error level, reported to {@link
 * MaintenanceListener#taskFailed}, not recorded as run, and never stops the other tasks.
 *
 * <p>Thread-safe. {@link #start()} owns one daemon thread ({@code fragkit-economy-maintenance-N});
 * {@link #close()} stops it (a running task finishes) and does not close the stores given.
 */
public final class EconomyMaintenance implements AutoCloseable {
  public static final String ESCROW_STARTUP = "escrow-refund-stale";
  public static final String ESCROW_IDLE = "escrow-forfeit-idle";
  public static final String REMINDERS = "reminders";
  public static final String REMINDERS_PURGE = "reminders-purge";
  public static final String HEALTH = "health";
  public static final String BACKUP = "backup";

  private static final Logger LOG = LoggerFactory.getLogger(EconomyMaintenance.class);

  private final MaintenanceConfig config;
  private final MaintenanceListener listener;
  private final MaintenanceScheduler scheduler;
  private final @Nullable EscrowSweeper sweeper;
  private final Object lifecycle = new Object();
  // guarded by lifecycle
  private boolean startupDone;
  // guarded by lifecycle
  private @Nullable ScheduledExecutorService executor;

  private EconomyMaintenance(Builder b) {
    this.config = b.config;
    this.listener = b.listener;
    this.sweeper = b.sweeper;
    this.scheduler = new MaintenanceScheduler(b.clock, b.state, b.leases, b.node);
    EscrowSweeper sw = b.sweeper;
    if (sw != null) {
      task(ESCROW_IDLE, config.escrowInterval(), () -> {
        List<String> refunded = sw.forfeitIdle();
        if (!refunded.isEmpty()) {
          listener.gamesRefunded(ESCROW_IDLE, refunded);
        }
      });
    }
    Reminders reminders = b.reminders;
    ReminderSink sink = b.sink;
    if (reminders != null && sink != null) {
      task(REMINDERS, config.reminderInterval(), () -> {
        Reminders.Delivery d = reminders.deliverDue(sink, config.reminderBatchSize());
        if (!d.delivered().isEmpty() || !d.resolvedElsewhere().isEmpty() || !d.failed().isEmpty()) {
          listener.remindersDelivered(d);
        }
      });
      task(REMINDERS_PURGE, Duration.ofDays(1), () -> reminders.purgeResolved(config.reminderRetention()));
    }
    HealthRegistry health = b.health;
    if (health != null) {
      task(HEALTH, config.healthInterval(), () -> {
        HealthReport report = health.run();
        switch (report.status()) {
          case OK -> LOG.info("health {}", report.toJson());
          case WARN -> LOG.warn("health {}", report.toJson());
          case CRITICAL -> LOG.error("health {}", report.toJson());
        }
        listener.healthReport(report);
      });
    }
    LedgerBackups backups = b.backups;
    if (backups != null) {
      scheduler.dailyAt(BACKUP, config.backupTime(), config.backupZone(), config.backupLeaseTtl(),
          guarded(BACKUP, () -> backup(backups)));
    }
  }

  private void backup(LedgerBackups backups) {
    LedgerBackups.BackupInfo info = backups.create();
    LOG.info("backup {} taken: {} files, {} bytes", info.name(), info.files().size(), info.totalBytes());
    List<String> pruned;
    try {
      pruned = backups.prune();
    } catch (RuntimeException e) {
      // the backup itself succeeded: record the run (no second backup at the next tick), surface the prune failure
      LOG.error("backup {} taken but pruning old backups failed", info.name(), e);
      listener.taskFailed(BACKUP + "-prune", e);
      pruned = List.of();
    }
    if (!pruned.isEmpty()) {
      LOG.info("backups pruned: {}", pruned);
    }
    listener.backupTaken(info, pruned);
  }

  public static Builder builder(Clock clock, ScheduleState state, LeaseStore leases, String node) {
    return new Builder(clock, state, leases, node);
  }

  public MaintenanceConfig config() {
    return config;
  }

  /** The scheduler the tasks run on (for hosts that need its lower-level methods). */
  public MaintenanceScheduler scheduler() {
    return scheduler;
  }

  /**
   * Adds a host task run every {@code interval} on one node at a time (lease {@link
   * MaintenanceConfig#leaseTtl()}), with the same failure reporting as the standard tasks.
   */
  public EconomyMaintenance task(String name, Duration interval, Runnable body) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(body, "body");
    scheduler.every(name, interval, config.leaseTtl(), guarded(name, body));
    return this;
  }

  /** Adds a host task run daily at {@code time} in {@code zone} (catching up once after downtime). */
  public EconomyMaintenance dailyTask(String name, LocalTime time, ZoneId zone, Runnable body) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(body, "body");
    scheduler.dailyAt(name, time, zone, config.leaseTtl(), guarded(name, body));
    return this;
  }

  /** Reports a task's failure to the listener and rethrows it for the scheduler to log and retry. */
  private Runnable guarded(String name, Runnable body) {
    return () -> {
      try {
        body.run();
      } catch (RuntimeException e) {
        fail(name, e);
        throw e;
      }
    };
  }

  private void fail(String name, RuntimeException e) {
    try {
      listener.taskFailed(name, e);
    } catch (RuntimeException listenerFailure) {
      listenerFailure.addSuppressed(e);
      throw listenerFailure;
    }
  }

  /**
   * One deterministic tick: the first call runs the start-up work ({@value #ESCROW_STARTUP}; retried
   * on the next call if it failed), then every due task. Returns the names of what ran successfully.
   * {@link #start()} calls this every {@link MaintenanceConfig#tick()}; tests call it directly.
   */
  public List<String> runDue() {
    List<String> ran = new ArrayList<>();
    EscrowSweeper sw = sweeper;
    if (sw != null && claimStartup()) {
      try {
        List<String> refunded = sw.refundStale();
        ran.add(ESCROW_STARTUP);
        if (!refunded.isEmpty()) {
          listener.gamesRefunded(ESCROW_STARTUP, refunded);
        }
      } catch (RuntimeException e) {
        synchronized (lifecycle) {
          startupDone = false;
        }
        LOG.error("start-up task {} failed; it will be retried at the next tick", ESCROW_STARTUP, e);
        fail(ESCROW_STARTUP, e);
      }
    }
    ran.addAll(scheduler.runDue());
    return ran;
  }

  private boolean claimStartup() {
    synchronized (lifecycle) {
      if (startupDone) {
        return false;
      }
      startupDone = true;
      return true;
    }
  }

  /** Runs {@link #runDue()} now on the maintenance thread and then every {@link MaintenanceConfig#tick()}. */
  public void start() {
    synchronized (lifecycle) {
      if (executor != null) {
        throw new IllegalStateException("already started");
      }
      executor = Ticker.start("fragkit-economy-maintenance-", config.tick(), this::runDue, this::tickFailed);
    }
  }

  /** A whole tick failed (e.g. schedule state or lease store unavailable): log, report, carry on. */
  private void tickFailed(RuntimeException e) {
    LOG.error("maintenance tick failed (schedule state or lease store unavailable?); retrying at the next tick", e);
    try {
      listener.taskFailed("tick", e);
    } catch (RuntimeException listenerFailure) {
      LOG.error("maintenance listener failed while reporting a failed tick", listenerFailure);
    }
  }

  /** Stops the maintenance thread; a running task finishes. Idempotent. */
  @Override
  public void close() {
    ScheduledExecutorService ex;
    synchronized (lifecycle) {
      ex = executor;
      executor = null;
    }
    if (ex != null) {
      ex.shutdownNow();
    }
  }

  /** Collects the optional parts. Not thread-safe. */
  public static final class Builder {
    private final Clock clock;
    private final ScheduleState state;
    private final LeaseStore leases;
    private final String node;
    private MaintenanceConfig config = MaintenanceConfig.defaults();
    private MaintenanceListener listener = MaintenanceListener.NONE;
    private @Nullable EscrowSweeper sweeper;
    private @Nullable Reminders reminders;
    private @Nullable ReminderSink sink;
    private @Nullable HealthRegistry health;
    private @Nullable LedgerBackups backups;

    private Builder(Clock clock, ScheduleState state, LeaseStore leases, String node) {
      this.clock = Objects.requireNonNull(clock, "clock");
      this.state = Objects.requireNonNull(state, "state");
      this.leases = Objects.requireNonNull(leases, "leases");
      this.node = Objects.requireNonNull(node, "node");
      if (node.isBlank()) {
        throw new IllegalArgumentException("node is blank");
      }
    }

    public Builder config(MaintenanceConfig config) {
      this.config = Objects.requireNonNull(config, "config");
      return this;
    }

    public Builder listener(MaintenanceListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /** Enables {@value EconomyMaintenance#ESCROW_STARTUP} and {@value EconomyMaintenance#ESCROW_IDLE}. */
    public Builder escrow(EscrowSweeper sweeper) {
      this.sweeper = Objects.requireNonNull(sweeper, "sweeper");
      return this;
    }

    /** Enables {@value EconomyMaintenance#REMINDERS} and {@value EconomyMaintenance#REMINDERS_PURGE}. */
    public Builder reminders(Reminders reminders, ReminderSink sink) {
      this.reminders = Objects.requireNonNull(reminders, "reminders");
      this.sink = Objects.requireNonNull(sink, "sink");
      return this;
    }

    /** Enables {@value EconomyMaintenance#HEALTH}. */
    public Builder health(HealthRegistry health) {
      this.health = Objects.requireNonNull(health, "health");
      return this;
    }

    /** Enables {@value EconomyMaintenance#BACKUP}. */
    public Builder backups(LedgerBackups backups) {
      this.backups = Objects.requireNonNull(backups, "backups");
      return this;
    }

    public EconomyMaintenance build() {
      return new EconomyMaintenance(this);
    }
  }
}
