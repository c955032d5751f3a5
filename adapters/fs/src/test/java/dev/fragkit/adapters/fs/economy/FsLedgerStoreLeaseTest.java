package dev.fragkit.adapters.fs.economy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fragkit.economy.ledger.AccountId;
import dev.fragkit.economy.ledger.Ledger;
import dev.fragkit.economy.ledger.LedgerConfig;
import dev.fragkit.economy.ledger.StoreException;
import dev.fragkit.economy.ledger.TestClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Single-instance lease mode of {@link FsLedgerStore} in one JVM. */
class FsLedgerStoreLeaseTest {
  private static final FsLedgerStoreOptions LEASE = FsLedgerStoreOptions.builder()
      .singleInstanceLease(Duration.ofSeconds(10), Duration.ofMillis(100)).build();

  @TempDir
  Path dir;

  private static Ledger ledger(FsLedgerStore store) {
    return Ledger.builder(store).clock(TestClock.fixed())
        .config(LedgerConfig.builder().startingBalance(100).storeRetryWait(Duration.ZERO).build()).build();
  }

  @Test
  void aSecondInstanceIsRefusedNamingTheOwnerAndExpiryAndCloseReleasesTheLease() throws Exception {
    try (FsLedgerStore first = FsLedgerStore.open(dir, LEASE)) {
      String owner = first.leaseOwner().orElseThrow();
      assertThat(owner).contains(" pid " + ProcessHandle.current().pid() + " ");
      assertThatThrownBy(() -> FsLedgerStore.open(dir, LEASE))
          .isInstanceOfSatisfying(LeaseHeldException.class, e -> {
            assertThat(e.owner()).isEqualTo(owner);
            assertThat(e.expiresAt()).isAfter(Instant.now().minusSeconds(1));
            assertThat(e.key()).contains("ledger");
          })
          .hasMessageStartingWith("ledger directory " + dir + " is leased to another instance: lease \"ledger\" is held by \""
              + owner + "\" until ");
      assertThatThrownBy(() -> FsLedgerStore.open(dir)).as("a store without lease mode still meets the OS lock")
          .isInstanceOf(StoreException.class).hasMessageContaining("is in use by another store instance");
      ledger(first).openAccount("oa", "g", "a");
    }
    FsLeaseStore leases = FsLeaseStore.open(dir.resolve("leases"));
    assertThat(leases.current("ledger")).isEmpty();
    try (FsLedgerStore again = FsLedgerStore.open(dir, LEASE)) {
      assertThat(again.balance(AccountId.user("g", "a"))).hasValue(100);
    }
  }

  @Test
  void aStoreWhoseLeaseWasTakenOverRefusesEveryWriteAndDoesNotReleaseTheNewOwnersLease() throws Exception {
    FsLedgerStore store = FsLedgerStore.open(dir, LEASE);
    Ledger ledger = ledger(store);
    ledger.openAccount("oa", "g", "a");
    ledger.openAccount("ob", "g", "b");
    FsLeaseStore leases = FsLeaseStore.open(dir.resolve("leases"));
    // another instance whose clock is an hour ahead sees the lease as expired and takes it
    Instant later = Instant.now().plus(Duration.ofHours(1));
    assertThat(leases.tryAcquire("ledger", "intruder", later, Duration.ofHours(2))).isTrue();

    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    LeaseLostException lost = null;
    for (int i = 0; lost == null; i++) {
      assertThat(System.nanoTime()).as("writes refused within 30 s").isLessThan(deadline);
      try {
        // back and forth, so the loop never runs out of money however long the refresh takes
        AccountId from = AccountId.user("g", i % 2 == 0 ? "a" : "b");
        AccountId to = AccountId.user("g", i % 2 == 0 ? "b" : "a");
        ledger.transfer("t" + i, from, to, 1);
      } catch (LeaseLostException e) {
        lost = e;
      }
    }
    assertThat(lost.owner()).isEqualTo(store.leaseOwner().orElseThrow());
    assertThat(lost).hasMessageContaining("refuses writes: its lease \"ledger\" (owner \"" + lost.owner()
        + "\") was lost: refresh refused (expired or taken over; now held by \"intruder\" until ");
    long balanceA = store.balance(AccountId.user("g", "a")).orElseThrow();
    for (int i = 0; i < 3; i++) {
      int n = i;
      assertThatThrownBy(() -> ledger.transfer("after" + n, AccountId.user("g", "a"), AccountId.user("g", "b"), 1))
          .isInstanceOf(LeaseLostException.class);
    }
    assertThatThrownBy(() -> ledger.openAccount("oc", "g", "c")).isInstanceOf(LeaseLostException.class);
    assertThat(store.balance(AccountId.user("g", "a"))).as("reads still work, nothing changed").hasValue(balanceA);
    assertThat(store.receipt("after0")).isEmpty();
    store.close();
    assertThat(leases.current("ledger").orElseThrow().owner()).as("close released only its own lease")
        .isEqualTo("intruder");
  }

  @Test
  void leaseSettingsAreValidated() {
    assertThatThrownBy(() -> FsLedgerStoreOptions.builder().singleInstanceLease(Duration.ofSeconds(2),
        Duration.ofSeconds(2)).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("singleInstanceLease.refreshEvery PT2S must be shorter than singleInstanceLease.ttl PT2S");
    assertThatThrownBy(() -> FsLedgerStoreOptions.builder().singleInstanceLease(Duration.ZERO, Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("singleInstanceLease.ttl <= 0: PT0S");
    assertThat(FsLedgerStoreOptions.defaults().leaseTtl()).isEmpty();
    assertThat(LEASE.toString()).contains("singleInstanceLease(ttl=PT10S, refreshEvery=PT0.1S)");
    assertThat(LEASE.toBuilder().noSingleInstanceLease().build().toString()).contains("singleInstanceLease=off");
  }
}
