package dev.fragkit.economy.ops;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Objects;

/**
 * Intervals of {@link EconomyMaintenance}'s standard tasks. Defaults: the scheduler checks for due
 * work every 15 s; idle games are forfeited every minute; due reminders are delivered every minute,
 * at most 100 per run, and delivered or cancelled ones due more than 30 days ago are purged daily; health checks run hourly; backups daily at 03:00 in the system time zone
 * ({@link MaintenanceScheduler#DEFAULT_BACKUP_TIME}); a task's lease lasts 10 minutes, a backup's 2
 * hours (keep both well above a run's duration).
 *
 * <p>Immutable; build with {@link #builder()} or start from {@link #defaults()}.
 */
public final class MaintenanceConfig {
  private final Duration tick;
  private final Duration escrowInterval;
  private final Duration reminderInterval;
  private final int reminderBatchSize;
  private final Duration reminderRetention;
  private final Duration healthInterval;
  private final LocalTime backupTime;
  private final ZoneId backupZone;
  private final Duration leaseTtl;
  private final Duration backupLeaseTtl;

  private MaintenanceConfig(Builder b) {
    tick = b.tick;
    escrowInterval = b.escrowInterval;
    reminderInterval = b.reminderInterval;
    reminderBatchSize = b.reminderBatchSize;
    reminderRetention = b.reminderRetention;
    healthInterval = b.healthInterval;
    backupTime = b.backupTime;
    backupZone = b.backupZone;
    leaseTtl = b.leaseTtl;
    backupLeaseTtl = b.backupLeaseTtl;
  }

  public static MaintenanceConfig defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder().tick(tick).escrowInterval(escrowInterval).reminderInterval(reminderInterval)
        .reminderBatchSize(reminderBatchSize).reminderRetention(reminderRetention).healthInterval(healthInterval)
        .backupAt(backupTime, backupZone)
        .leaseTtl(leaseTtl).backupLeaseTtl(backupLeaseTtl);
  }

  /** How often the maintenance thread looks for due tasks. */
  public Duration tick() {
    return tick;
  }

  /** How often games idle longer than the sweeper's idle limit are forfeited with a refund. */
  public Duration escrowInterval() {
    return escrowInterval;
  }

  public Duration reminderInterval() {
    return reminderInterval;
  }

  /** Most reminders delivered per run. */
  public int reminderBatchSize() {
    return reminderBatchSize;
  }

  /** Delivered and cancelled reminders due longer ago than this are purged daily. */
  public Duration reminderRetention() {
    return reminderRetention;
  }

  public Duration healthInterval() {
    return healthInterval;
  }

  /** Local time of the daily backup, in {@link #backupZone()}. */
  public LocalTime backupTime() {
    return backupTime;
  }

  public ZoneId backupZone() {
    return backupZone;
  }

  /** Lease of the frequent tasks (escrow, reminders, health, host tasks). */
  public Duration leaseTtl() {
    return leaseTtl;
  }

  public Duration backupLeaseTtl() {
    return backupLeaseTtl;
  }

  @Override
  public String toString() {
    return "MaintenanceConfig{tick=" + tick + ", escrowInterval=" + escrowInterval + ", reminderInterval="
        + reminderInterval + ", reminderBatchSize=" + reminderBatchSize + ", reminderRetention=" + reminderRetention
        + ", healthInterval=" + healthInterval
        + ", backupTime=" + backupTime + ", backupZone=" + backupZone + ", leaseTtl=" + leaseTtl
        + ", backupLeaseTtl=" + backupLeaseTtl + "}";
  }

  /** Not thread-safe. */
  public static final class Builder {
    private Duration tick = Duration.ofSeconds(15);
    private Duration escrowInterval = Duration.ofMinutes(1);
    private Duration reminderInterval = Duration.ofMinutes(1);
    private int reminderBatchSize = 100;
    private Duration reminderRetention = Duration.ofDays(30);
    private Duration healthInterval = Duration.ofHours(1);
    private LocalTime backupTime = MaintenanceScheduler.DEFAULT_BACKUP_TIME;
    private ZoneId backupZone = ZoneId.systemDefault();
    private Duration leaseTtl = Duration.ofMinutes(10);
    private Duration backupLeaseTtl = Duration.ofHours(2);

    private Builder() {}

    public Builder tick(Duration tick) {
      this.tick = positive("tick", tick);
      return this;
    }

    public Builder escrowInterval(Duration escrowInterval) {
      this.escrowInterval = positive("escrowInterval", escrowInterval);
      return this;
    }

    public Builder reminderInterval(Duration reminderInterval) {
      this.reminderInterval = positive("reminderInterval", reminderInterval);
      return this;
    }

    public Builder reminderBatchSize(int reminderBatchSize) {
      if (reminderBatchSize < 1 || reminderBatchSize > 10_000) {
        throw new IllegalArgumentException("reminderBatchSize not in 1..10000: " + reminderBatchSize);
      }
      this.reminderBatchSize = reminderBatchSize;
      return this;
    }

    public Builder reminderRetention(Duration reminderRetention) {
      this.reminderRetention = positive("reminderRetention", reminderRetention);
      return this;
    }

    public Builder healthInterval(Duration healthInterval) {
      this.healthInterval = positive("healthInterval", healthInterval);
      return this;
    }

    public Builder backupAt(LocalTime backupTime, ZoneId backupZone) {
      this.backupTime = Objects.requireNonNull(backupTime, "backupTime");
      this.backupZone = Objects.requireNonNull(backupZone, "backupZone");
      return this;
    }

    public Builder leaseTtl(Duration leaseTtl) {
      this.leaseTtl = positive("leaseTtl", leaseTtl);
      return this;
    }

    public Builder backupLeaseTtl(Duration backupLeaseTtl) {
      this.backupLeaseTtl = positive("backupLeaseTtl", backupLeaseTtl);
      return this;
    }

    /** @throws IllegalStateException when the tick is longer than an interval it has to serve */
    public MaintenanceConfig build() {
      requireTickWithin("escrowInterval", escrowInterval);
      requireTickWithin("reminderInterval", reminderInterval);
      requireTickWithin("healthInterval", healthInterval);
      return new MaintenanceConfig(this);
    }

    private void requireTickWithin(String name, Duration interval) {
      if (tick.compareTo(interval) > 0) {
        throw new IllegalStateException("tick " + tick + " exceeds " + name + " " + interval
            + " (MaintenanceConfig.tick must be <= every task interval)");
      }
    }

    private static Duration positive(String name, Duration d) {
      Objects.requireNonNull(d, name);
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(name + " <= 0: " + d);
      }
      return d;
    }
  }
}
