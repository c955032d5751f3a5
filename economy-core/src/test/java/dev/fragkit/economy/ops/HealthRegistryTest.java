package dev.fragkit.economy.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fragkit.economy.ledger.AccountId;
import dev.fragkit.economy.ledger.InMemoryLedgerStore;
import dev.fragkit.economy.ledger.Ledger;
import dev.fragkit.economy.ledger.LedgerConfig;
import dev.fragkit.economy.ledger.TestClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class HealthRegistryTest {
  private final TestClock clock = TestClock.fixed();
  private final InMemoryLedgerStore store = InMemoryLedgerStore.create();
  private final Ledger ledger = Ledger.builder(store).clock(clock)
      .config(LedgerConfig.builder().startingBalance(10).build()).build();

  private HealthRegistry registry() {
    return new HealthRegistry(clock)
        .register("storage", LedgerHealthChecks.storageReadable(store))
        .register("negative-balances", LedgerHealthChecks.negativeBalances(store))
        .register("stale-games", LedgerHealthChecks.stalePendingGames(store, clock, Duration.ofMinutes(10)));
  }

  @Test
  void healthyLedgerReportsOk() {
    ledger.openAccount("o", "g", "a");
    HealthReport r = registry().run();
    assertThat(r.status()).isEqualTo(HealthStatus.OK);
    assertThat(r.toJson()).isEqualTo("{\"at\":\"2026-01-01T00:00:00Z\",\"status\":\"ok\",\"counts\":{\"ok\":3,"
        + "\"warn\":0,\"critical\":0},\"checks\":[{\"name\":\"storage\",\"status\":\"ok\",\"message\":"
        + "\"2 accounts readable\"},{\"name\":\"negative-balances\",\"status\":\"ok\",\"message\":"
        + "\"no negative balances\"},{\"name\":\"stale-games\",\"status\":\"ok\",\"message\":\"no stale games\"}]}");
  }

  @Test
  void worstStatusWins() {
    ledger.openAccount("o", "g", "a");
    ledger.hold("h", "game", AccountId.user("g", "a"), 5, "{}");
    clock.advance(Duration.ofMinutes(11));
    assertThat(registry().run().status()).isEqualTo(HealthStatus.WARN);
    ledger.debit("d", AccountId.user("g", "a"), 50, true);
    HealthReport r = registry().run();
    assertThat(r.status()).isEqualTo(HealthStatus.CRITICAL);
    assertThat(r.results().get(1).message()).isEqualTo("1 negative balances: [g/a=-45]");
  }

  @Test
  void journalCheckDetectsABalanceThatDisagreesWithTheJournal() {
    ledger.openAccount("o", "g", "a");
    ledger.openAccount("o2", "g", "b");
    ledger.transfer("t", AccountId.user("g", "a"), AccountId.user("g", "b"), 3);
    HealthCheck check = LedgerHealthChecks.journalMatchesBalances(store);
    assertThat(check.check("data").status()).isEqualTo(HealthStatus.OK);
    assertThat(check.check("data").message()).isEqualTo("3 journal entries match all balances");
    // a write that bypasses the ledger (a lost or invented coin) must be caught
    store.apply(new dev.fragkit.economy.ledger.ChangeSet(
        java.util.List.of(new dev.fragkit.economy.ledger.AccountBalance(AccountId.user("g", "b"), 14)),
        java.util.List.of(), java.util.List.of(), java.util.List.of(), java.util.List.of(), java.util.List.of(),
        java.util.List.of()));
    HealthResult bad = check.check("data");
    assertThat(bad.status()).isEqualTo(HealthStatus.CRITICAL);
    assertThat(bad.message()).isEqualTo("journal and balances disagree (sum 1): [g/b balance 14 journal 13]");
  }

  @Test
  void inventoryOfAnItemNoLongerInTheShopIsAnOrphan() {
    ledger.openAccount("o", "g", "a");
    ledger.putShopItem(new dev.fragkit.economy.ledger.ShopItem("g", "hat", "Hat", 2, 5));
    ledger.purchase("p", AccountId.user("g", "a"), "hat", 1);
    assertThat(LedgerHealthChecks.orphanInventory(store).check("orphans").status()).isEqualTo(HealthStatus.OK);
    InMemoryLedgerStore other = InMemoryLedgerStore.create(); // same inventory, empty shop
    other.apply(new dev.fragkit.economy.ledger.ChangeSet(java.util.List.of(), java.util.List.of(), java.util.List.of(),
        java.util.List.of(), java.util.List.of(), store.inventories(), java.util.List.of()));
    HealthResult r = LedgerHealthChecks.orphanInventory(other).check("orphans");
    assertThat(r.status()).isEqualTo(HealthStatus.WARN);
    assertThat(r.message()).isEqualTo("1 inventory rows of unknown items: [g/a:hat]");
  }

  @Test
  void aThrowingCheckIsReportedCriticalNotSwallowed() {
    HealthReport r = new HealthRegistry(clock).register("boom", name -> {
      throw new IllegalStateException("disk gone");
    }).run();
    assertThat(r.status()).isEqualTo(HealthStatus.CRITICAL);
    assertThat(r.results().get(0).message()).isEqualTo("check failed: java.lang.IllegalStateException: disk gone");
    assertThatThrownBy(() -> registry().register("storage", n -> HealthResult.ok(n, "")))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("health check already registered: storage");
  }
}
