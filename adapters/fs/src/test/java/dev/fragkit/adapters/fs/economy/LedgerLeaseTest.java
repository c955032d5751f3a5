package dev.fragkit.adapters.fs.economy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fragkit.economy.ledger.StoreException;
import dev.fragkit.economy.ops.InMemoryLeaseStore;
import dev.fragkit.economy.ops.LeaseStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** {@link LedgerLease} when refreshing fails rather than being refused. */
class LedgerLeaseTest {
  private static final Path DIR = Path.of("/data/ledger");

  /** Delegates to an in-memory store; refresh throws whatever {@link #failure} holds. */
  private static final class FailingRefresh implements LeaseStore {
    final InMemoryLeaseStore delegate = new InMemoryLeaseStore();
    final AtomicReference<RuntimeException> failure = new AtomicReference<>();

    @Override
    public boolean tryAcquire(String name, String owner, Instant now, Duration ttl) {
      return delegate.tryAcquire(name, owner, now, ttl);
    }

    @Override
    public boolean refresh(String name, String owner, Instant now, Duration ttl) {
      RuntimeException e = failure.get();
      if (e != null) {
        throw e;
      }
      return delegate.refresh(name, owner, now, ttl);
    }

    @Override
    public boolean release(String name, String owner) {
      return delegate.release(name, owner);
    }

    @Override
    public Optional<Lease> current(String name) {
      return delegate.current(name);
    }
  }

  private static LeaseLostException awaitLost(LedgerLease lease) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      try {
        lease.checkWritable();
      } catch (LeaseLostException e) {
        return e;
      }
    }
    throw new AssertionError("lease still writable after 30 s");
  }

  @Test
  void refreshesThatKeepFailingStopWritesWhenTheTtlRunsOut() {
    FailingRefresh leases = new FailingRefresh();
    LedgerLease lease = LedgerLease.acquire(DIR, leases, Duration.ofMillis(400), Duration.ofMillis(50),
        Clock.systemUTC());
    try {
      lease.checkWritable();
      leases.failure.set(new StoreException("disk unavailable", null));
      LeaseLostException lost = awaitLost(lease);
      assertThat(lost.owner()).isEqualTo(lease.owner());
      assertThat(lost.getMessage()).startsWith("ledger store " + DIR + " refuses writes: its lease \"ledger\" (owner \""
          + lease.owner() + "\") was lost: ")
          .containsAnyOf("not refreshed within its ttl PT0.4S", "refresh failed until the ttl ran out: disk unavailable");
      leases.failure.set(null);
      assertThatThrownBy(lease::checkWritable).as("lost for good").isInstanceOf(LeaseLostException.class);
    } finally {
      lease.close();
    }
    assertThat(leases.current(LedgerLease.NAME)).as("released: it was still ours").isEmpty();
  }

  @Test
  void anUnexpectedRefreshFailureStopsWritesAtOnce() {
    FailingRefresh leases = new FailingRefresh();
    LedgerLease lease = LedgerLease.acquire(DIR, leases, Duration.ofHours(1), Duration.ofMillis(20),
        Clock.systemUTC());
    try {
      leases.failure.set(new IllegalStateException("bug"));
      assertThat(awaitLost(lease)).hasMessageEndingWith("was lost: refresh failed: java.lang.IllegalStateException: bug");
    } finally {
      lease.close();
    }
  }

  @Test
  void aHeldLeaseIsReportedWithItsOwnerAndExpiry() {
    InMemoryLeaseStore leases = new InMemoryLeaseStore();
    Instant now = Instant.now();
    leases.tryAcquire(LedgerLease.NAME, "other host pid 7 x", now, Duration.ofMinutes(1));
    assertThatThrownBy(() -> LedgerLease.acquire(DIR, leases, Duration.ofSeconds(5), Duration.ofSeconds(1),
        Clock.systemUTC()))
        .isInstanceOfSatisfying(LeaseHeldException.class, e -> {
          assertThat(e.owner()).isEqualTo("other host pid 7 x");
          assertThat(e.expiresAt()).isEqualTo(now.plus(Duration.ofMinutes(1)));
        })
        .hasMessage("ledger directory " + DIR + " is leased to another instance: lease \"ledger\" is held by \"other host"
            + " pid 7 x\" until " + now.plus(Duration.ofMinutes(1)));
  }
}
