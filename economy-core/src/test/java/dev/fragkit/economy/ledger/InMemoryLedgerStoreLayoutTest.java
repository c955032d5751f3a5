package dev.fragkit.economy.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * What the compact retained layout of {@link InMemoryLedgerStore} must still answer exactly: the
 * journal across chunk boundaries (1,024 slots) and around gaps, per-account histories with many
 * legs, receipts rebuilt from the journal (canonical requests not kept as text), the state round
 * trip through {@link InMemoryLedgerStore#exportState()} and readers running while writers commit.
 */
class InMemoryLedgerStoreLayoutTest {
  private static final String G = "g";
  private final InMemoryLedgerStore store = InMemoryLedgerStore.create();
  private final TestClock clock = TestClock.fixed();
  private final Ledger ledger = Ledger.builder(store)
      .config(LedgerConfig.builder().startingBalance(1_000_000).storeRetryWait(Duration.ZERO).build())
      .clock(clock).build();

  private AccountId open(String user) {
    ledger.openAccount("open-" + user, G, user);
    return AccountId.user(G, user);
  }

  private List<Transfer> allByPages(int pageSize) {
    List<Transfer> all = new ArrayList<>();
    long after = 0;
    while (true) {
      List<Transfer> page = store.journalAfter(after, pageSize);
      if (page.isEmpty()) {
        return all;
      }
      all.addAll(page);
      after = page.get(page.size() - 1).sequence();
    }
  }

  @Test
  void journalAfterPagesAcrossChunkBoundariesInSequenceOrder() {
    AccountId a = open("a");
    AccountId b = open("b");
    for (int i = 0; i < 2_500; i++) {
      ledger.transfer("t" + i, i % 2 == 0 ? a : b, i % 2 == 0 ? b : a, 1 + i % 7);
    }
    int legs = 2 + 2_500;
    for (int pageSize : new int[] {1, 7, 1_000, 1_024, 5_000}) {
      List<Transfer> all = allByPages(pageSize);
      assertThat(all).as("page size %d", pageSize).hasSize(legs);
      assertThat(all).extracting(Transfer::sequence).isSorted().doesNotHaveDuplicates();
    }
    for (long after : new long[] {1_022, 1_023, 1_024, 1_025, 2_047, 2_048}) {
      assertThat(store.journalAfter(after, 2)).extracting(Transfer::sequence).containsExactly(after + 1, after + 2);
    }
    assertThat(store.journalAfter(legs, 10)).isEmpty();
    assertThat(store.journalAfter(legs - 1, 10)).extracting(Transfer::sequence).containsExactly((long) legs);
    assertThat(store.journalAfter(-10, 1)).extracting(Transfer::sequence).containsExactly(1L);
    assertThat(store.journalAfter(Long.MAX_VALUE, 10)).isEmpty();
    assertThat(store.journalAfter(0, 0)).isEmpty();
    Transfer t = store.journalAfter(1_500, 1).get(0);
    Receipt r = store.receipt(t.operationId()).orElseThrow();
    assertThat(r.transfers()).containsExactly(t);
  }

  @Test
  void rolledBackSequencesAreGapsThatReadsSkip() {
    AccountId a = open("a");
    AccountId b = open("b");
    ledger.transfer("t1", a, b, 5);
    RuntimeException boom = new IllegalStateException("boom");
    assertThatThrownBy(() -> store.inTransaction(Set.of(LockKeys.account(a), LockKeys.account(b)), tx -> {
      tx.append("x", OperationKind.TRANSFER, a, b, 9, clock.instant());
      tx.append("x", OperationKind.TRANSFER, b, a, 9, clock.instant());
      throw boom;
    })).isSameAs(boom);
    ledger.transfer("t2", a, b, 6);
    List<Transfer> all = allByPages(2);
    assertThat(all).extracting(Transfer::operationId).containsExactly("open-a", "open-b", "t1", "t2");
    assertThat(all).extracting(Transfer::sequence).containsExactly(1L, 2L, 3L, 6L);
    assertThat(store.journalAfter(3, 1)).extracting(Transfer::sequence).containsExactly(6L);
    assertThat(store.balance(a)).hasValue(1_000_000 - 11);
  }

  @Test
  void anAccountWithManyLegsHasItsWholeHistoryByTime() {
    AccountId hub = open("hub");
    List<AccountId> others = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      others.add(open("o" + i));
    }
    Instant start = clock.instant();
    for (int i = 0; i < 5_000; i++) {
      AccountId other = others.get(i % others.size());
      ledger.transfer("t" + i, i % 3 == 0 ? hub : other, i % 3 == 0 ? other : hub, 1);
      if (i % 1_000 == 999) {
        clock.advance(Duration.ofMinutes(1));
      }
    }
    List<Transfer> history = store.journal(hub, start, start.plus(Duration.ofDays(1)));
    assertThat(history).hasSize(1 + 5_000);
    assertThat(history).extracting(Transfer::sequence).isSorted();
    assertThat(history).allMatch(t -> t.debit().equals(hub) || t.credit().equals(hub));
    long net = history.stream().mapToLong(t -> t.credit().equals(hub) ? t.amount() : -t.amount()).sum();
    assertThat(store.balance(hub)).hasValue(net);
    // minute 2 holds transfers 2000..2999 exactly
    Instant m2 = start.plus(Duration.ofMinutes(2));
    assertThat(store.journal(hub, m2, m2.plus(Duration.ofMinutes(1)))).extracting(Transfer::operationId)
        .hasSize(1_000).first().isEqualTo("t2000");
    assertThat(store.journal(others.get(3), start, start.plus(Duration.ofDays(1)))).hasSize(1 + 5_000 / 20);
    assertThat(store.journal(AccountId.user(G, "nobody"), start, start.plusSeconds(1))).isEmpty();
  }

  @Test
  void receiptsAreRebuiltWithTheirExactRequestsAndLegs() {
    AccountId a = open("a");
    AccountId b = open("b");
    Receipt transfer = ledger.transfer("t1", a, b, 42);
    Receipt credit = ledger.credit("c1", a, 9);
    Receipt debit = ledger.debit("d1", a, 3, false);
    ledger.hold("h1", "game", a, 100, "{}");
    Receipt post = ledger.postHold("p1", "game", 150, "{}"); // two legs: escrow→a, house→a
    assertThat(post.transfers()).hasSize(2);
    for (Receipt r : List.of(transfer, credit, debit, post)) {
      assertThat(store.receipt(r.operationId())).hasValue(r);
    }
    assertThat(store.receipt("t1").orElseThrow().request()).isEqualTo("transfer g/a g/b 42");
    // a TRANSFER whose request is not the canonical text keeps its own text
    AccountId c = open("c");
    store.inTransaction(Set.of(LockKeys.account(a), LockKeys.account(c), LockKeys.operation("odd")), tx -> {
      tx.append("odd", OperationKind.TRANSFER, a, c, 5, clock.instant());
      tx.recordOperation("odd", OperationKind.TRANSFER, "transfer g/a g/c 50", "ok", clock.instant());
      return null;
    });
    Receipt odd = store.receipt("odd").orElseThrow();
    assertThat(odd.request()).isEqualTo("transfer g/a g/c 50");
    assertThat(odd.transfers()).singleElement().extracting(Transfer::amount).isEqualTo(5L);
    // an operation without legs
    store.inTransaction(Set.of(LockKeys.operation("none")), tx -> {
      tx.recordOperation("none", OperationKind.TRANSFER, "transfer g/a g/b 1", "refused", clock.instant());
      return null;
    });
    assertThat(store.receipt("none").orElseThrow().transfers()).isEmpty();
    assertThat(store.receipt("none").orElseThrow().request()).isEqualTo("transfer g/a g/b 1");
    // retry through the ledger still compares against the rebuilt text
    assertThat(ledger.transfer("t1", a, b, 42)).isEqualTo(transfer);
    assertThatThrownBy(() -> ledger.transfer("t1", a, b, 43)).isInstanceOf(IdempotencyConflictException.class);
  }

  /**
   * Operations that are almost compact (one canonical leg, outcome ok) but differ in one respect the
   * compact form cannot hold are kept whole: their receipts, the journal and an exported copy
   * return exactly what was recorded.
   */
  @Test
  void operationsThatCannotBeStoredCompactlyKeepEverythingTheyRecorded() {
    AccountId a = open("a");
    AccountId b = open("b");
    Instant t = clock.instant();
    record Case(String id, OperationKind legKind, Instant legAt, Instant recordAt) {}
    List<Case> cases = List.of(
        new Case("ascii-control", OperationKind.TRANSFER, t, t), // compact (the control case)
        new Case("id-\u20ac", OperationKind.TRANSFER, t, t), // id beyond ISO-8859-1
        new Case("x".repeat(IdArena.MAX_LENGTH + 1), OperationKind.TRANSFER, t, t), // id too long
        new Case("nanos", OperationKind.TRANSFER, t.plusNanos(1), t.plusNanos(1)), // not a whole microsecond
        new Case("leg-earlier", OperationKind.TRANSFER, t.minusSeconds(5), t), // leg time differs
        new Case("leg-kind", OperationKind.CREDIT, t, t)); // leg kind differs
    List<Receipt> expected = new ArrayList<>();
    for (Case c : cases) {
      Transfer[] leg = new Transfer[1];
      store.inTransaction(Set.of(LockKeys.account(a), LockKeys.account(b), LockKeys.operation(c.id())), tx -> {
        leg[0] = tx.append(c.id(), c.legKind(), a, b, 3, c.legAt());
        tx.recordOperation(c.id(), OperationKind.TRANSFER, "transfer g/a g/b 3", "ok", c.recordAt());
        return null;
      });
      expected.add(new Receipt(c.id(), OperationKind.TRANSFER, "transfer g/a g/b 3", "ok", c.recordAt(),
          List.of(leg[0])));
    }
    InMemoryLedgerStore copy = InMemoryLedgerStore.create();
    copy.apply(store.exportState());
    for (Receipt r : expected) {
      assertThat(store.receipt(r.operationId())).as(r.operationId()).hasValue(r);
      assertThat(copy.receipt(r.operationId())).as("copy of %s", r.operationId()).hasValue(r);
    }
    assertThat(copy.journalAfter(0, 100)).isEqualTo(store.journalAfter(0, 100))
        .extracting(Transfer::operationId).containsSubsequence(cases.stream().map(Case::id).toList());
  }

  @Test
  void exportedStateRebuildsAnEqualStore() {
    AccountId a = open("a");
    AccountId b = open("b");
    for (int i = 0; i < 3_000; i++) {
      ledger.transfer("t" + i, i % 2 == 0 ? a : b, i % 2 == 0 ? b : a, 1 + i % 5);
    }
    ledger.credit("c", a, 7);
    ledger.hold("h", "game", a, 10, "{}");
    ledger.voidHold("v", "game", "{}");
    ChangeSet state = store.exportState();
    InMemoryLedgerStore copy = InMemoryLedgerStore.create();
    copy.apply(state);
    ChangeSet again = copy.exportState();
    Comparator<OperationRecord> byId = Comparator.comparing(OperationRecord::operationId);
    assertThat(again.transfers()).isEqualTo(state.transfers());
    assertThat(again.balances()).containsExactlyInAnyOrderElementsOf(state.balances());
    assertThat(again.operations().stream().sorted(byId).toList())
        .isEqualTo(state.operations().stream().sorted(byId).toList());
    for (String id : List.of("t0", "t1500", "t2999", "c", "h", "v", "open-a")) {
      assertThat(copy.receipt(id)).isEqualTo(store.receipt(id));
    }
    assertThat(copy.journalAfter(0, 10_000)).isEqualTo(store.journalAfter(0, 10_000));
    Instant now = clock.instant();
    assertThat(copy.journal(a, now, now.plusSeconds(1))).isEqualTo(store.journal(a, now, now.plusSeconds(1)));
    // the copy continues the sequence after the imported journal
    Ledger other = Ledger.builder(copy).clock(clock).build();
    Receipt next = other.transfer("next", a, b, 1);
    assertThat(next.transfers().get(0).sequence()).isGreaterThan(state.transfers().get(state.transfers().size() - 1).sequence());
  }

  @Test
  void applyingASequenceOutsideTheJournalRangeIsATypedFailure() {
    AccountId a = AccountId.user(G, "a");
    AccountId b = AccountId.user(G, "b");
    for (long bad : new long[] {0, -1, (long) Integer.MAX_VALUE + 1}) {
      Transfer t = new Transfer(bad, "x", OperationKind.TRANSFER, a, b, 1, clock.instant());
      ChangeSet cs = new ChangeSet(List.of(), List.of(t), List.of(), List.of(), List.of(), List.of(), List.of());
      assertThatThrownBy(() -> store.apply(cs)).isInstanceOf(StoreException.class)
          .hasMessage("journal sequence " + bad + " of operation x is outside 1..2147483647");
    }
    assertThat(store.journalAfter(0, 10)).isEmpty();
  }

  /**
   * Four threads transfer while two readers page the journal and read receipts: pages are always in
   * sequence order, and a visible receipt always has its legs (published before it).
   */
  @Test
  void readersSeeConsistentJournalAndReceiptsWhileWritersCommit() throws Exception {
    int writers = 4;
    int perWriter = 3_000;
    List<AccountId> accounts = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      accounts.add(open("u" + i));
    }
    ExecutorService pool = Executors.newFixedThreadPool(writers + 2);
    try {
      CountDownLatch start = new CountDownLatch(1);
      AtomicBoolean done = new AtomicBoolean();
      List<Future<?>> writes = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        int id = w;
        writes.add(pool.submit(() -> {
          start.await();
          for (int i = 0; i < perWriter; i++) {
            AccountId from = accounts.get((id + i) % 8);
            AccountId to = accounts.get((id + i + 1 + i % 6) % 8);
            ledger.transfer("w" + id + "-" + i, from, to, 1);
          }
          return null;
        }));
      }
      List<Future<Integer>> reads = new ArrayList<>();
      for (int r = 0; r < 2; r++) {
        int id = r;
        reads.add(pool.submit(() -> {
          start.await();
          int receipts = 0;
          do {
            List<Transfer> page = store.journalAfter(0, 100_000);
            assertThat(page).extracting(Transfer::sequence).isSorted().doesNotHaveDuplicates();
            for (int i = 0; i < perWriter; i += 97) {
              var receipt = store.receipt("w" + id + "-" + i);
              if (receipt.isPresent()) {
                assertThat(receipt.get().transfers()).singleElement().extracting(Transfer::amount).isEqualTo(1L);
                assertThat(receipt.get().request()).startsWith("transfer g/u");
                receipts++;
              }
            }
          } while (!done.get());
          return receipts;
        }));
      }
      start.countDown();
      for (Future<?> f : writes) {
        f.get(60, TimeUnit.SECONDS);
      }
      done.set(true);
      for (Future<Integer> f : reads) {
        assertThat(f.get(60, TimeUnit.SECONDS)).isNotNegative();
      }
      assertThat(allByPages(1_000)).hasSize(8 + writers * perWriter);
      new LedgerAudit(store).checkAll(G, Set.of());
    } finally {
      pool.shutdownNow();
    }
  }
}
