package dev.fragkit.economy.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Invariant checker for a quiescent store (test fixture): double entry, balances equal the
 * journal, no negative user balance, escrow equals the pending holds, every operation applied once.
 */
public final class LedgerAudit {
  private final LedgerStore store;
  private final List<Transfer> journal;
  private final Map<AccountId, Long> balances = new HashMap<>();
  private final Map<String, Long> entriesByOperation = new HashMap<>();

  public LedgerAudit(LedgerStore store) {
    this.store = store;
    this.journal = readJournal(store);
    for (Transfer t : journal) {
      entriesByOperation.merge(t.operationId(), 1L, Long::sum);
    }
    for (AccountBalance b : store.balances()) {
      balances.put(b.account(), b.balance());
    }
  }

  public static List<Transfer> readJournal(LedgerStore store) {
    List<Transfer> all = new ArrayList<>();
    long after = 0;
    while (true) {
      List<Transfer> page = store.journalAfter(after, 5000);
      if (page.isEmpty()) {
        return all;
      }
      all.addAll(page);
      after = page.get(page.size() - 1).sequence();
    }
  }

  public List<Transfer> journal() {
    return journal;
  }

  /** Money created minus money destroyed, from the journal. */
  public BigInteger mintedMinusBurned(String guild) {
    AccountId mint = AccountId.system(guild, SystemAccount.MINT);
    BigInteger net = BigInteger.ZERO;
    for (Transfer t : journal) {
      if (t.debit().equals(mint)) {
        net = net.add(BigInteger.valueOf(t.amount()));
      }
      if (t.credit().equals(mint)) {
        net = net.subtract(BigInteger.valueOf(t.amount()));
      }
    }
    return net;
  }

  /**
   * Checks every invariant; {@code mayBeNegative} are the accounts an admin debited with
   * allowNegative.
   */
  public LedgerAudit checkAll(String guild, Set<AccountId> mayBeNegative) {
    // 1. balances are the fold of the journal (the journal is the source of truth)
    Map<AccountId, Long> folded = new HashMap<>();
    for (Transfer t : journal) {
      folded.merge(t.debit(), -t.amount(), Math::addExact);
      folded.merge(t.credit(), t.amount(), Math::addExact);
    }
    for (Map.Entry<AccountId, Long> e : balances.entrySet()) {
      assertThat(e.getValue()).as("balance of %s equals its journal", e.getKey())
          .isEqualTo(folded.getOrDefault(e.getKey(), 0L));
    }
    assertThat(balances.keySet()).as("every journal account exists").containsAll(folded.keySet());
    // 2. conservation: sum of all non-mint balances (users + escrow + house + shop) = minted - burned
    BigInteger sum = BigInteger.ZERO;
    for (Map.Entry<AccountId, Long> e : balances.entrySet()) {
      if (e.getKey().guild().equals(guild) && !e.getKey().equals(AccountId.system(guild, SystemAccount.MINT))) {
        sum = sum.add(BigInteger.valueOf(e.getValue()));
      }
    }
    assertThat(sum).as("sum of balances + escrow = minted - burned").isEqualTo(mintedMinusBurned(guild));
    // 3. no negative balance without allowNegative
    for (Map.Entry<AccountId, Long> e : balances.entrySet()) {
      boolean allowed = mayBeNegative.contains(e.getKey())
          || e.getKey().systemAccount().map(SystemAccount::mayGoNegative).orElse(false);
      if (!allowed) {
        assertThat(e.getValue()).as("balance of %s", e.getKey()).isGreaterThanOrEqualTo(0);
      }
    }
    // 4. escrow holds exactly the pending bets
    long pending = store.holds(HoldState.PENDING).stream()
        .filter(h -> h.account().guild().equals(guild)).mapToLong(Hold::amount).sum();
    assertThat(balances.getOrDefault(AccountId.system(guild, SystemAccount.ESCROW), 0L))
        .as("escrow balance = sum of pending holds").isEqualTo(pending);
    // 5. every journal entry belongs to a recorded operation whose receipt lists it (applied once)
    Map<String, List<Transfer>> byOp = new HashMap<>();
    for (Transfer t : journal) {
      byOp.computeIfAbsent(t.operationId(), k -> new ArrayList<>()).add(t);
    }
    for (Map.Entry<String, List<Transfer>> e : byOp.entrySet()) {
      Receipt r = store.receipt(e.getKey()).orElseThrow(
          () -> new AssertionError("journal entries without an operation record: " + e.getKey()));
      assertThat(r.transfers()).as("transfers of %s", e.getKey()).isEqualTo(e.getValue());
    }
    return this;
  }

  /** Journal entries made by {@code operationId}. */
  public long entriesOf(String operationId) {
    return entriesByOperation.getOrDefault(operationId, 0L);
  }
}
