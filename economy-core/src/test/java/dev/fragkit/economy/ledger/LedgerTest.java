package dev.fragkit.economy.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fragkit.economy.lock.KeyedLockManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Ledger behaviour independent of the store: config validation, retry, listener, ids. */
class LedgerTest {
  @Test
  void configRejectsOutOfRangeValuesNamingTheSetting() {
    assertThatThrownBy(() -> LedgerConfig.builder().startingBalance(1_000_001))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("LedgerConfig.startingBalance must be 0..1000000: 1000001");
    assertThatThrownBy(() -> LedgerConfig.builder().startingBalance(-1))
        .hasMessage("LedgerConfig.startingBalance must be 0..1000000: -1");
    assertThatThrownBy(() -> LedgerConfig.builder().dailyReward(10_001))
        .hasMessage("LedgerConfig.dailyReward must be 0..10000: 10001");
    assertThatThrownBy(() -> LedgerConfig.builder().currencyName("c".repeat(33)))
        .hasMessageStartingWith("LedgerConfig.currencyName must be 1..32 characters and not blank")
        .hasMessageEndingWith("(33 characters)");
    assertThatThrownBy(() -> LedgerConfig.builder().currencyName(" "))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> LedgerConfig.builder().robSuccessPercent(101))
        .hasMessage("LedgerConfig.robSuccessPercent must be 0..100: 101");
    assertThatThrownBy(() -> LedgerConfig.builder().robCooldown(Duration.ofSeconds(-1)))
        .hasMessage("LedgerConfig.robCooldown < 0: PT-1S");
    LedgerConfig ok = LedgerConfig.builder().startingBalance(1_000_000).dailyReward(10_000)
        .currencyName("c".repeat(32)).build();
    assertThat(ok.toBuilder().build().toString()).isEqualTo(ok.toString());
    assertThat(LedgerConfig.defaults().dailyReward()).isEqualTo(100);
    assertThat(LedgerConfig.defaults().robCooldown()).isEqualTo(Duration.ofMinutes(180));
    assertThat(LedgerConfig.defaults().robMinimumBalance()).isEqualTo(50);
    assertThat(LedgerConfig.defaults().storeRetries()).isEqualTo(3);
  }

  @Test
  void accountIdsAreValidated() {
    assertThatThrownBy(() -> AccountId.user("g", "a/b")).isInstanceOf(InvalidIdentifierException.class)
        .hasMessage("user \"a/b\" rejected: must match [A-Za-z0-9_.-]{1,64}");
    assertThatThrownBy(() -> AccountId.user("", "a")).isInstanceOf(InvalidIdentifierException.class)
        .satisfies(e -> assertThat(((InvalidIdentifierException) e).field()).isEqualTo("guild"));
    assertThat(AccountId.parse("g/$mint")).isEqualTo(AccountId.system("g", SystemAccount.MINT));
    assertThat(AccountId.parse("g/u1").isSystem()).isFalse();
  }

  @Test
  void storeFailuresAreRetriedThenSurfacedNeverSwallowed() {
    InMemoryLedgerStore real = InMemoryLedgerStore.create();
    AtomicInteger calls = new AtomicInteger();
    AtomicInteger failuresLeft = new AtomicInteger(2);
    LedgerStore flaky = new DelegatingStore(real) {
      @Override
      public <T> T inTransaction(Set<String> keys, Function<LedgerTransaction, T> work) {
        calls.incrementAndGet();
        if (failuresLeft.getAndDecrement() > 0) {
          throw new StoreException("disk full", null);
        }
        return real.inTransaction(keys, work);
      }
    };
    Ledger ledger = Ledger.builder(flaky).config(LedgerConfig.builder().storeRetryWait(Duration.ZERO).build()).build();
    ledger.openAccount("o1", "g", "a");
    assertThat(calls.get()).isEqualTo(3);
    failuresLeft.set(100);
    calls.set(0);
    assertThatThrownBy(() -> ledger.openAccount("o2", "g", "b")).isInstanceOf(StoreException.class)
        .hasMessage("disk full");
    assertThat(calls.get()).as("first attempt + 3 retries").isEqualTo(4);
    assertThat(real.balance(AccountId.user("g", "b"))).isEmpty();
  }

  @Test
  void businessRejectionsAreNotRetried() {
    InMemoryLedgerStore real = InMemoryLedgerStore.create();
    AtomicInteger calls = new AtomicInteger();
    LedgerStore counting = new DelegatingStore(real) {
      @Override
      public <T> T inTransaction(Set<String> keys, Function<LedgerTransaction, T> work) {
        calls.incrementAndGet();
        return real.inTransaction(keys, work);
      }
    };
    Ledger ledger = Ledger.builder(counting).config(LedgerConfig.builder().storeRetryWait(Duration.ZERO).build()).build();
    assertThatThrownBy(() -> ledger.credit("c", AccountId.user("g", "nobody"), 5))
        .isInstanceOf(NoSuchAccountException.class);
    assertThat(calls.get()).isEqualTo(1);
  }

  @Test
  void listenerRunsAfterCommitWithNoLockHeldAndNotForReplays() {
    KeyedLockManager<String> locks = KeyedLockManager.create(Duration.ofSeconds(5));
    InMemoryLedgerStore store = InMemoryLedgerStore.create(locks, InMemoryLedgerStore.CommitLog.NONE);
    List<String> seen = new ArrayList<>();
    AccountId a = AccountId.user("g", "a");
    Ledger ledger = Ledger.builder(store).config(LedgerConfig.builder().startingBalance(10).build())
        .listener(new LedgerListener() {
          @Override
          public void onApplied(Receipt receipt) {
            assertThat(locks.isHeldByCurrentThread(LockKeys.account(a))).isFalse();
            assertThat(locks.diagnostics()).isEmpty();
            assertThat(store.receipt(receipt.operationId())).contains(receipt);
            seen.add(receipt.operationId());
          }
        }).build();
    ledger.openAccount("o1", "g", "a");
    ledger.openAccount("o1", "g", "a");
    ledger.daily("d1", a);
    assertThat(seen).containsExactly("o1", "d1");
  }

  @Test
  void percentOfNeverOverflows() {
    assertThat(Ledger.percentOf(Long.MAX_VALUE, 100)).isEqualTo(Long.MAX_VALUE);
    assertThat(Ledger.percentOf(1_000, 30)).isEqualTo(300);
    assertThat(Ledger.percentOf(99, 10)).isEqualTo(9);
  }

  /** Forwards everything to another store. */
  private abstract static class DelegatingStore implements LedgerStore {
    private final LedgerStore d;

    DelegatingStore(LedgerStore d) {
      this.d = d;
    }

    @Override
    public java.util.OptionalLong balance(AccountId account) {
      return d.balance(account);
    }

    @Override
    public List<AccountBalance> leaderboard(String guild, int offset, int limit) {
      return d.leaderboard(guild, offset, limit);
    }

    @Override
    public List<AccountBalance> balances() {
      return d.balances();
    }

    @Override
    public List<Transfer> journal(AccountId account, java.time.Instant from, java.time.Instant to) {
      return d.journal(account, from, to);
    }

    @Override
    public List<Transfer> journalAfter(long afterSequence, int limit) {
      return d.journalAfter(afterSequence, limit);
    }

    @Override
    public java.util.Optional<Receipt> receipt(String operationId) {
      return d.receipt(operationId);
    }

    @Override
    public java.util.Optional<Hold> hold(String holdId) {
      return d.hold(holdId);
    }

    @Override
    public List<Hold> holds(HoldState state) {
      return d.holds(state);
    }

    @Override
    public java.util.Optional<ShopItem> shopItem(String guild, String sku) {
      return d.shopItem(guild, sku);
    }

    @Override
    public long inventory(AccountId account, String sku) {
      return d.inventory(account, sku);
    }

    @Override
    public List<ChangeSet.Inventory> inventories() {
      return d.inventories();
    }
  }
}
