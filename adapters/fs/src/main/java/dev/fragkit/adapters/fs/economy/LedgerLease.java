package dev.fragkit.adapters.fs.economy;

import dev.fragkit.economy.ledger.StoreException;
import dev.fragkit.economy.ops.LeaseStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single-instance lease of one open {@link FsLedgerStore}: acquired on open with a random owner
 * token, refreshed by a daemon thread, checked before every write, released (owner-verified) on
 * close. Writes are allowed only while the lease is known to be valid: until {@code ttl} after the
 * start of the last successful refresh (monotonic clock). A refresh that is refused (the lease
 * expired or was taken over) or a validity that runs out makes the lease lost for good: an error is
 * logged and every later write throws {@link LeaseLostException}.
 *
 * <p>Thread-safe.
 */
final class LedgerLease implements AutoCloseable {
  static final String NAME = "ledger";
  private static final Logger LOG = LoggerFactory.getLogger(LedgerLease.class);

  private final Path dir;
  private final LeaseStore leases;
  private final String owner;
  private final Duration ttl;
  private final Clock clock;
  private final ScheduledExecutorService timer;
  private volatile long validUntilNanos;
  private volatile @Nullable String lostReason;

  private LedgerLease(Path dir, LeaseStore leases, String owner, Duration ttl, Clock clock, long validUntilNanos) {
    this.dir = dir;
    this.leases = leases;
    this.owner = owner;
    this.ttl = ttl;
    this.clock = clock;
    this.validUntilNanos = validUntilNanos;
    this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "fragkit-ledger-lease " + dir.getFileName());
      t.setDaemon(true);
      return t;
    });
  }

  /**
   * Takes the lease or throws {@link LeaseHeldException} naming its holder, then starts refreshing
   * it every {@code refreshEvery}.
   */
  static LedgerLease acquire(Path dir, LeaseStore leases, Duration ttl, Duration refreshEvery, Clock clock) {
    String owner = ProcessIdentity.describe() + " " + UUID.randomUUID();
    for (int attempt = 0; ; attempt++) {
      long start = System.nanoTime();
      if (leases.tryAcquire(NAME, owner, clock.instant(), ttl)) {
        LedgerLease lease = new LedgerLease(dir, leases, owner, ttl, clock, start + ttl.toNanos());
        lease.timer.scheduleWithFixedDelay(lease::refresh, refreshEvery.toNanos(), refreshEvery.toNanos(),
            TimeUnit.NANOSECONDS);
        LOG.info("ledger store {}: lease \"{}\" acquired by {} for {}", dir, NAME, owner, ttl);
        return lease;
      }
      Optional<LeaseStore.Lease> holder = leases.current(NAME);
      if (holder.isPresent() || attempt >= 2) {
        LeaseStore.Lease h = holder.orElse(new LeaseStore.Lease(NAME, "(released meanwhile)", clock.instant()));
        throw new LeaseHeldException(dir, NAME, h.owner(), h.expiresAt());
      }
      // released between the attempt and the look-up: try again
    }
  }

  String owner() {
    return owner;
  }

  /** @throws LeaseLostException when the lease is lost or not known to be valid now */
  void checkWritable() {
    String reason = lostReason;
    if (reason == null && System.nanoTime() - validUntilNanos >= 0) {
      reason = lose("not refreshed within its ttl " + ttl);
    }
    if (reason != null) {
      throw new LeaseLostException("ledger store " + dir + " refuses writes: its lease \"" + NAME + "\" (owner \""
          + owner + "\") was lost: " + reason, NAME, owner);
    }
  }

  private void refresh() {
    if (lostReason != null) {
      return;
    }
    long start = System.nanoTime();
    try {
      if (leases.refresh(NAME, owner, clock.instant(), ttl)) {
        if (lostReason == null) {
          validUntilNanos = start + ttl.toNanos();
        }
        return;
      }
      lose("refresh refused (expired or taken over; " + holder() + ")");
    } catch (StoreException e) {
      // a failed refresh is retried on the next tick; writes stop when the validity runs out
      LOG.warn("ledger store {}: refreshing lease \"{}\" failed (retrying): {}", dir, NAME, e.getMessage());
      if (System.nanoTime() - validUntilNanos >= 0) {
        lose("refresh failed until the ttl ran out: " + e.getMessage());
      }
    } catch (RuntimeException e) {
      // an unexpected failure would silently cancel the timer: stop writing now instead
      LOG.error("ledger store {}: refreshing lease \"{}\" failed unexpectedly", dir, NAME, e);
      lose("refresh failed: " + e);
    }
  }

  private String holder() {
    try {
      return leases.current(NAME).map(l -> "now held by \"" + l.owner() + "\" until " + l.expiresAt())
          .orElse("now free");
    } catch (StoreException e) {
      return "holder unreadable: " + e.getMessage();
    }
  }

  private synchronized String lose(String reason) {
    String first = lostReason;
    if (first == null) {
      first = reason;
      lostReason = reason;
      LOG.error("ledger store {}: lease \"{}\" of owner \"{}\" lost, refusing all writes: {}", dir, NAME, owner,
          reason);
      timer.shutdown();
    }
    return first;
  }

  /** Stops refreshing and releases the lease if it is still this instance's. */
  @Override
  public void close() {
    timer.shutdownNow();
    try {
      if (!timer.awaitTermination(10, TimeUnit.SECONDS)) {
        LOG.warn("ledger store {}: lease refresh thread did not stop within 10 s", dir);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreException("interrupted while closing the lease of " + dir, e);
    }
    if (leases.release(NAME, owner)) {
      LOG.info("ledger store {}: lease \"{}\" released by {}", dir, NAME, owner);
    } else {
      LOG.warn("ledger store {}: lease \"{}\" was no longer held by {}; left as is", dir, NAME, owner);
    }
  }
}
