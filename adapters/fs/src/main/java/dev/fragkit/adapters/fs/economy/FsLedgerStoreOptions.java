package dev.fragkit.adapters.fs.economy;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * How {@link FsLedgerStore#open(java.nio.file.Path, FsLedgerStoreOptions)} opens a directory.
 * Build with {@link #builder()}; {@link #defaults()} is a 10 s keyed-lock timeout, the OS-lock
 * single-instance guard only, and a 2 min wait for another process's migration.
 *
 * <p>Immutable and thread-safe.
 */
public final class FsLedgerStoreOptions {
  private static final FsLedgerStoreOptions DEFAULTS = new Builder().build();

  private final Duration lockTimeout;
  private final @Nullable Duration leaseTtl;
  private final @Nullable Duration leaseRefreshEvery;
  private final Duration migrationLockTimeout;
  private final Clock clock;
  private final List<FsMigration> migrations;

  private FsLedgerStoreOptions(Builder b) {
    this.lockTimeout = b.lockTimeout;
    this.leaseTtl = b.leaseTtl;
    this.leaseRefreshEvery = b.leaseRefreshEvery;
    this.migrationLockTimeout = b.migrationLockTimeout;
    this.clock = b.clock;
    this.migrations = b.migrations;
  }

  public static FsLedgerStoreOptions defaults() {
    return DEFAULTS;
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    Builder b = new Builder();
    b.lockTimeout = lockTimeout;
    b.leaseTtl = leaseTtl;
    b.leaseRefreshEvery = leaseRefreshEvery;
    b.migrationLockTimeout = migrationLockTimeout;
    b.clock = clock;
    b.migrations = migrations;
    return b;
  }

  /** Keyed-lock acquire timeout of the store's transactions. */
  public Duration lockTimeout() {
    return lockTimeout;
  }

  /** The lease's ttl when single-instance lease mode is on. */
  public Optional<Duration> leaseTtl() {
    return Optional.ofNullable(leaseTtl);
  }

  /** How often the lease is refreshed when single-instance lease mode is on. */
  public Optional<Duration> leaseRefreshEvery() {
    return Optional.ofNullable(leaseRefreshEvery);
  }

  public Duration migrationLockTimeout() {
    return migrationLockTimeout;
  }

  /** Wall clock for lease expiry times and migration records. */
  public Clock clock() {
    return clock;
  }

  List<FsMigration> migrations() {
    return migrations;
  }

  @Override
  public String toString() {
    return "FsLedgerStoreOptions{lockTimeout=" + lockTimeout
        + (leaseTtl == null ? ", singleInstanceLease=off" : ", singleInstanceLease(ttl=" + leaseTtl + ", refreshEvery="
            + leaseRefreshEvery + ")")
        + ", migrationLockTimeout=" + migrationLockTimeout + ", clock=" + clock + ", migrations=v" + migrations.size()
        + "}";
  }

  /** Builder of {@link FsLedgerStoreOptions}. Not thread-safe. */
  public static final class Builder {
    private Duration lockTimeout = Duration.ofSeconds(10);
    private @Nullable Duration leaseTtl;
    private @Nullable Duration leaseRefreshEvery;
    private Duration migrationLockTimeout = Duration.ofMinutes(2);
    private Clock clock = Clock.systemUTC();
    private List<FsMigration> migrations = FsLedgerLayout.MIGRATIONS;

    private Builder() {}

    /** Keyed-lock acquire timeout of the store's transactions (default 10 s). */
    public Builder lockTimeout(Duration lockTimeout) {
      this.lockTimeout = positive(lockTimeout, "lockTimeout");
      return this;
    }

    /**
     * Turns on single-instance lease mode (see {@link FsLedgerStore}): the store holds lease
     * "ledger" in {@code <dir>/leases} with this ttl and refreshes it every {@code refreshEvery},
     * which must be shorter than the ttl (a third of it is a good choice).
     */
    public Builder singleInstanceLease(Duration ttl, Duration refreshEvery) {
      this.leaseTtl = positive(ttl, "singleInstanceLease.ttl");
      this.leaseRefreshEvery = positive(refreshEvery, "singleInstanceLease.refreshEvery");
      return this;
    }

    /** Turns single-instance lease mode off again (the default). */
    public Builder noSingleInstanceLease() {
      this.leaseTtl = null;
      this.leaseRefreshEvery = null;
      return this;
    }

    /** How long opening waits for another process's migration of the directory (default 2 min). */
    public Builder migrationLockTimeout(Duration timeout) {
      this.migrationLockTimeout = positive(timeout, "migrationLockTimeout");
      return this;
    }

    /** Wall clock for lease expiry times and migration records (default system UTC). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** The layout migrations (tests add their own after the real ones). */
    Builder migrations(List<FsMigration> migrations) {
      this.migrations = List.copyOf(migrations);
      return this;
    }

    /** @throws IllegalStateException when the lease refresh interval is not shorter than its ttl */
    public FsLedgerStoreOptions build() {
      if (leaseTtl != null && leaseRefreshEvery != null && leaseRefreshEvery.compareTo(leaseTtl) >= 0) {
        throw new IllegalStateException("singleInstanceLease.refreshEvery " + leaseRefreshEvery
            + " must be shorter than singleInstanceLease.ttl " + leaseTtl);
      }
      return new FsLedgerStoreOptions(this);
    }

    private static Duration positive(Duration d, String setting) {
      Objects.requireNonNull(d, setting);
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(setting + " <= 0: " + d);
      }
      return d;
    }
  }
}
