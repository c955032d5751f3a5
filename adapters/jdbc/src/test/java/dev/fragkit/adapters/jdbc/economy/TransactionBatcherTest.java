package dev.fragkit.adapters.jdbc.economy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fragkit.adapters.jdbc.JdbcDatabase;
import dev.fragkit.adapters.jdbc.TestDatabases;
import dev.fragkit.economy.ledger.AccountId;
import dev.fragkit.economy.ledger.IdempotencyConflictException;
import dev.fragkit.economy.ledger.InsufficientFundsException;
import dev.fragkit.economy.ledger.Ledger;
import dev.fragkit.economy.ledger.LedgerConfig;
import dev.fragkit.economy.ledger.LockKeys;
import dev.fragkit.economy.ledger.Receipt;
import dev.fragkit.economy.lock.LockTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;

/**
 * Group commit of concurrent PostgreSQL transactions ({@link TransactionBatcher}) under real
 * contention: per-operation all-or-nothing, idempotency and typed errors are those of single
 * transactions, and a batch that fails is rerun request by request.
 */
class TransactionBatcherTest {
  private static final int THREADS = 16;
  private static final int OPS_PER_THREAD = 150;
  private static final int USERS = 6;

  /** What one thread did: applied transfers (op id → receipt) and ids that must have left no trace. */
  private record Outcome(Map<String, Receipt> applied, List<String> rejected, long[] delta) {}

  @Test
  void concurrentOperationsShareTransactionsAndEachIsAllOrNothing() throws Exception {
    try (JdbcDatabase db = TestDatabases.fresh(TestDatabases.Engine.POSTGRESQL)) {
      JdbcLedgerStore store = JdbcLedgerStore.open(db);
      Ledger ledger = Ledger.builder(store).config(LedgerConfig.builder().startingBalance(1_000).build()).build();
      AccountId[] users = new AccountId[USERS];
      for (int i = 0; i < USERS; i++) {
        ledger.openAccount("open-" + i, "g1", "u" + i);
        users[i] = AccountId.user("g1", "u" + i);
      }
      ledger.openAccount("open-empty", "g1", "empty");
      AccountId empty = AccountId.user("g1", "empty");
      ledger.debit("drain-empty", empty, 1_000, false);

      ExecutorService pool = Executors.newFixedThreadPool(THREADS);
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Outcome>> futures = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        futures.add(pool.submit(() -> {
          Random random = new Random(20261122L + thread);
          Map<String, Receipt> applied = new ConcurrentHashMap<>();
          List<String> rejected = new ArrayList<>();
          List<String> appliedIds = new ArrayList<>();
          long[] delta = new long[USERS];
          start.await();
          for (int i = 0; i < OPS_PER_THREAD; i++) {
            String id = "t" + thread + "-" + i;
            int kind = random.nextInt(10);
            if (kind == 0) {
              // from an empty account: rejected, must leave nothing behind
              AccountId to = users[random.nextInt(USERS)];
              assertThatThrownBy(() -> ledger.transfer(id, empty, to, 1))
                  .isInstanceOf(InsufficientFundsException.class);
              rejected.add(id);
            } else if (kind == 1 && !appliedIds.isEmpty()) {
              // a retry returns the original receipt
              String old = appliedIds.get(random.nextInt(appliedIds.size()));
              Receipt original = applied.get(old);
              assertThat(ledger.transfer(old, original.transfers().get(0).debit(),
                  original.transfers().get(0).credit(), original.transfers().get(0).amount())).isEqualTo(original);
            } else if (kind == 2 && !appliedIds.isEmpty()) {
              // the same id for a different request is a conflict
              String old = appliedIds.get(random.nextInt(appliedIds.size()));
              Receipt original = applied.get(old);
              assertThatThrownBy(() -> ledger.transfer(old, original.transfers().get(0).debit(),
                  original.transfers().get(0).credit(), original.transfers().get(0).amount() + 1))
                  .isInstanceOf(IdempotencyConflictException.class);
            } else {
              int from = random.nextInt(USERS);
              int to = (from + 1 + random.nextInt(USERS - 1)) % USERS;
              long amount = 1 + random.nextInt(3);
              Receipt r = ledger.transfer(id, users[from], users[to], amount);
              assertThat(r.transfers()).singleElement().satisfies(tr -> {
                assertThat(tr.operationId()).isEqualTo(id);
                assertThat(tr.amount()).isEqualTo(amount);
              });
              applied.put(id, r);
              appliedIds.add(id);
              delta[from] -= amount;
              delta[to] += amount;
            }
          }
          return new Outcome(applied, rejected, delta);
        }));
      }
      start.countDown();
      long[] expected = new long[USERS];
      java.util.Arrays.fill(expected, 1_000);
      List<Outcome> outcomes = new ArrayList<>();
      for (Future<Outcome> f : futures) {
        Outcome o = f.get(120, TimeUnit.SECONDS);
        outcomes.add(o);
        for (int i = 0; i < USERS; i++) {
          expected[i] += o.delta()[i];
        }
      }
      pool.shutdown();

      for (int i = 0; i < USERS; i++) {
        assertThat(ledger.balance(users[i])).as("balance of %s", users[i]).isEqualTo(expected[i]);
      }
      assertThat(ledger.balance(empty)).isZero();
      long appliedCount = 0;
      for (Outcome o : outcomes) {
        for (Map.Entry<String, Receipt> e : o.applied().entrySet()) {
          assertThat(store.receipt(e.getKey())).as("stored receipt of %s", e.getKey()).contains(e.getValue());
          appliedCount++;
        }
        for (String id : o.rejected()) {
          assertThat(store.receipt(id)).as("rejected %s", id).isEmpty();
        }
      }
      // every applied transfer has exactly one journal entry, in sequence order with no duplicates
      List<dev.fragkit.economy.ledger.Transfer> journal = store.journalAfter(0, 1_000_000);
      assertThat(journal.stream().filter(t -> t.operationId().startsWith("t")).count()).isEqualTo(appliedCount);
      assertThat(journal.stream().map(dev.fragkit.economy.ledger.Transfer::sequence).distinct().count())
          .isEqualTo(journal.size());

      TransactionBatcher.Stats stats = store.batchStats().orElseThrow();
      assertThat(stats.largestBatch()).as("batches of more than one operation formed").isGreaterThan(1);
      assertThat(stats.committedBatches()).isPositive();
    }
  }

  @Test
  void aBatchThatTimesOutIsRerunRequestByRequest() throws Exception {
    try (JdbcDatabase db = TestDatabases.fresh(TestDatabases.Engine.POSTGRESQL)) {
      JdbcLedgerStore store = JdbcLedgerStore.open(db, Duration.ofMillis(300));
      Ledger ledger = Ledger.builder(store).config(LedgerConfig.builder().startingBalance(100).build()).build();
      for (String name : List.of("a", "b", "c", "d")) {
        ledger.openAccount("open-" + name, "g1", name);
      }
      AccountId a = AccountId.user("g1", "a");
      AccountId b = AccountId.user("g1", "b");
      AccountId c = AccountId.user("g1", "c");
      AccountId d = AccountId.user("g1", "d");
      long rolledBackBefore = store.batchStats().orElseThrow().rolledBackBatches();
      try (Handle other = db.jdbi().open()) {
        other.begin();
        other.createQuery("SELECT pg_advisory_xact_lock(?)").bind(0, JdbcLedgerStore.fnv1a64(LockKeys.account(a)))
            .mapTo(String.class).one();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        Future<?> blocked = pool.submit(() -> {
          start.await();
          return ledger.transfer("blocked", a, b, 5);
        });
        List<Future<Receipt>> free = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
          String id = "free-" + i;
          free.add(pool.submit(() -> {
            start.await();
            return ledger.transfer(id, c, d, 1);
          }));
        }
        start.countDown();
        for (Future<Receipt> f : free) {
          assertThat(f.get(30, TimeUnit.SECONDS).transfers()).hasSize(1);
        }
        assertThatThrownBy(() -> blocked.get(30, TimeUnit.SECONDS))
            .hasCauseInstanceOf(LockTimeoutException.class)
            .cause().hasMessage("lock a:g1/a,a:g1/b,o:blocked not acquired within 300 ms");
        pool.shutdown();
        other.rollback();
      }
      assertThat(store.batchStats().orElseThrow().rolledBackBatches()).isGreaterThan(rolledBackBefore);
      assertThat(ledger.balance(a)).isEqualTo(100);
      assertThat(ledger.balance(c)).isEqualTo(93);
      assertThat(ledger.balance(d)).isEqualTo(107);
      assertThat(store.receipt("blocked")).isEmpty();
      assertThat(ledger.transfer("blocked", a, b, 5).transfers()).hasSize(1);
      assertThat(ledger.balance(b)).isEqualTo(105);
    }
  }

  /**
   * Works that stage balances, a journal entry and an operation record and then throw (straight
   * through the store SPI, with no ledger checks in front) run in batches next to works that
   * succeed: nothing of the failed ones is written or seen by the next work in the batch.
   */
  @Test
  void aWorkThatThrowsAfterStagingLeavesNoTraceInItsBatch() throws Exception {
    try (JdbcDatabase db = TestDatabases.fresh(TestDatabases.Engine.POSTGRESQL)) {
      JdbcLedgerStore store = JdbcLedgerStore.open(db);
      Ledger ledger = Ledger.builder(store).config(LedgerConfig.builder().startingBalance(1_000).build()).build();
      AccountId[] users = new AccountId[USERS];
      for (int i = 0; i < USERS; i++) {
        ledger.openAccount("open-" + i, "g1", "u" + i);
        users[i] = AccountId.user("g1", "u" + i);
      }
      ExecutorService pool = Executors.newFixedThreadPool(THREADS);
      CountDownLatch start = new CountDownLatch(1);
      List<Future<long[]>> futures = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        futures.add(pool.submit(() -> {
          Random random = new Random(7L * thread + 1);
          long[] delta = new long[USERS];
          start.await();
          for (int i = 0; i < OPS_PER_THREAD; i++) {
            String id = "w" + thread + "-" + i;
            int from = random.nextInt(USERS);
            int to = (from + 1 + random.nextInt(USERS - 1)) % USERS;
            long amount = 1 + random.nextInt(5);
            boolean fail = random.nextInt(3) == 0;
            java.util.Set<String> keys = java.util.Set.of(LockKeys.account(users[from]), LockKeys.account(users[to]),
                LockKeys.operation(id));
            java.util.function.Function<dev.fragkit.economy.ledger.LedgerTransaction, String> work = tx -> {
              assertThat(tx.receipt(id)).isEmpty();
              long a = tx.balance(users[from]).orElseThrow();
              long b = tx.balance(users[to]).orElseThrow();
              java.time.Instant now = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
              tx.setBalance(users[from], a - amount);
              tx.setBalance(users[to], b + amount);
              tx.append(id, dev.fragkit.economy.ledger.OperationKind.TRANSFER, users[from], users[to], amount, now);
              tx.recordOperation(id, dev.fragkit.economy.ledger.OperationKind.TRANSFER, "w " + id, "ok", now);
              if (fail) {
                throw new IllegalStateException("boom " + id);
              }
              return id;
            };
            if (fail) {
              assertThatThrownBy(() -> store.inTransaction(keys, work)).isInstanceOf(IllegalStateException.class)
                  .hasMessage("boom " + id);
              assertThat(store.receipt(id)).isEmpty();
            } else {
              assertThat(store.inTransaction(keys, work)).isEqualTo(id);
              delta[from] -= amount;
              delta[to] += amount;
            }
          }
          return delta;
        }));
      }
      start.countDown();
      long[] expected = new long[USERS];
      java.util.Arrays.fill(expected, 1_000);
      for (Future<long[]> f : futures) {
        long[] d = f.get(120, TimeUnit.SECONDS);
        for (int i = 0; i < USERS; i++) {
          expected[i] += d[i];
        }
      }
      pool.shutdown();
      for (int i = 0; i < USERS; i++) {
        assertThat(ledger.balance(users[i])).as("balance of %s", users[i]).isEqualTo(expected[i]);
      }
      assertThat(store.batchStats().orElseThrow().largestBatch()).isGreaterThan(1);
    }
  }

}
