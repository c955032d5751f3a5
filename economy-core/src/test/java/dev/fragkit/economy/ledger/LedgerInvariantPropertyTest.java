package dev.fragkit.economy.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fragkit.economy.LedgerException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * jqwik: any sequence of transfers, admin debits and retries — including zero, negative and huge
 * amounts and self-transfers — conserves money, keeps every user balance non-negative, and applies
 * each operation id at most once.
 */
class LedgerInvariantPropertyTest {
  record Step(int kind, int from, int to, long amount, int retryOf) {}

  @Provide
  Arbitrary<List<Step>> steps() {
    Arbitrary<Long> amounts = Arbitraries.oneOf(Arbitraries.longs().between(-5, 300),
        Arbitraries.of(0L, Long.MAX_VALUE, Long.MIN_VALUE, Long.MAX_VALUE - 1));
    Arbitrary<Step> step = Combinators.combine(Arbitraries.integers().between(0, 9), Arbitraries.integers().between(0, 3),
        Arbitraries.integers().between(0, 3), amounts, Arbitraries.integers().between(0, 1_000))
        .as(Step::new);
    return step.list().ofMaxSize(60);
  }

  @Property(tries = 200)
  void moneyIsConservedAndNeverNegativeAndAppliedOnce(@ForAll("steps") List<Step> steps) {
    InMemoryLedgerStore store = InMemoryLedgerStore.create();
    Ledger ledger = Ledger.builder(store).clock(TestClock.fixed())
        .config(LedgerConfig.builder().startingBalance(100).build()).build();
    List<AccountId> accounts = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      ledger.openAccount("open" + i, "g", "u" + i);
      accounts.add(AccountId.user("g", "u" + i));
    }
    List<Runnable> done = new ArrayList<>();
    for (int i = 0; i < steps.size(); i++) {
      Step s = steps.get(i);
      String id = "op" + i;
      AccountId from = accounts.get(s.from());
      AccountId to = accounts.get(s.to());
      Runnable call;
      if (s.kind() < 6) {
        call = () -> ledger.transfer(id, from, to, s.amount());
      } else if (s.kind() < 8) {
        call = () -> ledger.debit(id, from, s.amount(), false);
      } else if (s.kind() < 9) {
        call = () -> ledger.credit(id, to, s.amount());
      } else {
        call = done.isEmpty() ? () -> { } : done.get(s.retryOf() % done.size());
      }
      try {
        call.run();
        done.add(call);
      } catch (LedgerException expected) {
        // rejected: must have changed nothing, which the audit below verifies
      }
    }
    new LedgerAudit(store).checkAll("g", Set.of());
    for (AccountId a : accounts) {
      assertThat(ledger.balance(a)).isNotNegative();
    }
  }
}
