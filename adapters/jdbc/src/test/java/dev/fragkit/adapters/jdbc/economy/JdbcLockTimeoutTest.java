package dev.fragkit.adapters.jdbc.economy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fragkit.adapters.jdbc.JdbcDatabase;
import dev.fragkit.adapters.jdbc.TestDatabases;
import dev.fragkit.economy.ledger.AccountId;
import dev.fragkit.economy.ledger.Ledger;
import dev.fragkit.economy.ledger.LedgerConfig;
import dev.fragkit.economy.ledger.LockKeys;
import dev.fragkit.economy.lock.LockTimeoutException;
import java.time.Duration;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A lock key held by another transaction makes an operation fail with a typed timeout, changing nothing. */
class JdbcLockTimeoutTest {
  @ParameterizedTest
  @EnumSource(TestDatabases.Engine.class)
  void heldAccountLockTimesOutTyped(TestDatabases.Engine engine) {
    try (JdbcDatabase db = TestDatabases.fresh(engine)) {
      JdbcLedgerStore store = JdbcLedgerStore.open(db, Duration.ofMillis(300));
      Ledger ledger = Ledger.builder(store).config(LedgerConfig.builder().startingBalance(10).build()).build();
      ledger.openAccount("oa", "g1", "a");
      ledger.openAccount("ob", "g1", "b");
      AccountId a = AccountId.user("g1", "a");
      String key = LockKeys.account(a);
      try (Handle other = db.jdbi().open()) {
        other.begin();
        if (engine == TestDatabases.Engine.POSTGRESQL) {
          other.createQuery("SELECT pg_advisory_xact_lock(?)").bind(0, JdbcLedgerStore.fnv1a64(key))
              .mapTo(String.class).one();
        } else {
          other.createQuery("SELECT lock_key FROM economy_lock WHERE lock_key = ? FOR UPDATE").bind(0, key)
              .mapTo(String.class).one();
        }
        assertThatThrownBy(() -> ledger.transfer("t1", a, AccountId.user("g1", "b"), 5))
            .isInstanceOf(LockTimeoutException.class)
            .hasMessage("lock a:g1/a,a:g1/b,o:t1 not acquired within 300 ms");
        other.rollback();
      }
      assertThat(ledger.balance(a)).isEqualTo(10);
      assertThat(ledger.transfer("t1", a, AccountId.user("g1", "b"), 5).transfers()).hasSize(1);
    }
  }
}
