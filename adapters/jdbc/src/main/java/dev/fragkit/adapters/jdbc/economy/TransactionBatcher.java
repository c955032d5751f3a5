package dev.fragkit.adapters.jdbc.economy;

import dev.fragkit.economy.ledger.AccountId;
import dev.fragkit.economy.ledger.Hold;
import dev.fragkit.economy.ledger.LedgerTransaction;
import dev.fragkit.economy.ledger.OperationKind;
import dev.fragkit.economy.ledger.Receipt;
import dev.fragkit.economy.ledger.ShopItem;
import dev.fragkit.economy.ledger.Transfer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PostgreSQL: runs ledger transactions that arrive together as one database transaction (group
 * commit), so that N concurrent operations cost two round trips and a handful of statements
 * instead of 2N round trips and ~6N statements.
 *
 * <p>A caller queues its request; up to {@link #COMBINERS} callers at a time take whatever is
 * queued (at most {@link #MAX_BATCH}) and run it as one batch: one round trip takes the union of
 * the lock keys (the same advisory locks, in the same ascending hash order, as a single
 * transaction) and prefetches every covered operation record and balance plus one journal
 * sequence number per fresh operation; then each request's work runs, one after the other, on a
 * {@link LedgerTransaction} served from that cache (so each sees the writes of those before it, as
 * if they had run one after the other); a second round trip writes every staged balance, journal
 * entry and operation record in one statement pipelined with {@code COMMIT}. Results are handed out
 * only after that commit.
 *
 * <p>Per-request all-or-nothing: a work that throws has its staged changes undone before the next
 * one runs, and its exception goes to its caller once the batch has committed. A work that needs
 * anything the cache cannot serve (holds, markers, items, inventory, a new system account, the
 * receipt of an already applied operation, a second journal entry beyond the reserved numbers, or
 * keys other than accounts and operations) is undone and handed back to its caller, which then runs
 * it alone as a single transaction. If the batch itself fails (lock timeout, database error, a
 * balance row missing), it is rolled back and every request in it is handed back the same way, so
 * errors, lock timeouts and retries are exactly those of single transactions (a request whose
 * batch timed out waits up to the lock timeout once more alone before it fails).
 *
 * <p>Journal sequence numbers reserved for operations that then fail or run alone are not used
 * (gaps, as after a rollback); the others are handed out in the order the works run, so within a
 * batch sequence order is application order.
 *
 * <p>Thread-safe.
 */
final class TransactionBatcher {
  private static final Logger LOG = LoggerFactory.getLogger(TransactionBatcher.class);
  /** Most requests in one batch. */
  static final int MAX_BATCH = 32;
  /**
   * Most batches in flight at once (each holds one pooled connection while it runs). Two: one batch
   * is prepared or applied while the other waits for its round trip (measured on 2 cores: 1, 2 and 4
   * combiners gave 3,911, 7,761 and 4,467 transfers/s).
   */
  static final int COMBINERS = 2;

  /** Runs a request alone (the single-transaction path). */
  interface Solo {
    <T> T run(String[] sortedKeys, Function<LedgerTransaction, T> work);
  }

  private enum State { QUEUED, DONE, SOLO }

  private static final class Request<T> {
    final String[] keys;
    final Function<LedgerTransaction, T> work;
    /** Written by the combiner, read by the owner, both under {@link #lock}. */
    State state = State.QUEUED;
    @Nullable T result;
    @Nullable Throwable failure;
    /** Combiner-local outcome until the batch commits. */
    @Nullable T pendingResult;
    @Nullable Throwable pendingFailure;
    boolean needsSolo;

    Request(String[] keys, Function<LedgerTransaction, T> work) {
      this.keys = keys;
      this.work = work;
    }

    void run(BatchTx tx) {
      tx.begin();
      try {
        pendingResult = work.apply(tx);
        tx.keep();
      } catch (NeedsSolo e) {
        tx.undo();
        needsSolo = true;
      } catch (RuntimeException | Error e) {
        tx.undo();
        pendingFailure = e;
      }
    }

    /** Called under {@link #lock}. */
    void complete(boolean committed) {
      if (!committed || needsSolo) {
        state = State.SOLO;
        return;
      }
      result = pendingResult;
      failure = pendingFailure;
      state = State.DONE;
    }
  }

  private final DataSource dataSource;
  private final Duration lockTimeout;
  private final String journalSequence;
  private final ConcurrentLinkedQueue<Request<?>> queue = new ConcurrentLinkedQueue<>();
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  /** Guarded by {@link #lock}. */
  private int combining;
  private final AtomicLong committedBatches = new AtomicLong();
  private final AtomicLong rolledBackBatches = new AtomicLong();
  private final AtomicLong soloRequests = new AtomicLong();
  private final LongAccumulator largestBatch = new LongAccumulator(Math::max, 0);

  TransactionBatcher(DataSource dataSource, Duration lockTimeout, String journalSequence) {
    this.dataSource = dataSource;
    this.lockTimeout = lockTimeout;
    this.journalSequence = journalSequence;
  }

  /** Counters since start: committed and rolled-back batches, requests handed back, largest batch. */
  record Stats(long committedBatches, long rolledBackBatches, long soloRequests, long largestBatch) {}

  Stats stats() {
    return new Stats(committedBatches.get(), rolledBackBatches.get(), soloRequests.get(), largestBatch.get());
  }

  /** Whether a request with these keys may join a batch (only account and operation keys). */
  static boolean batchable(String[] sortedKeys) {
    for (String k : sortedKeys) {
      if (!k.startsWith("a:") && !k.startsWith("o:")) {
        return false;
      }
    }
    return true;
  }

  <T> T submit(String[] sortedKeys, Function<LedgerTransaction, T> work, Solo solo) {
    Request<T> request = new Request<>(sortedKeys, work);
    queue.add(request);
    lock.lock();
    try {
      while (request.state == State.QUEUED) {
        if (combining < COMBINERS && !queue.isEmpty()) {
          combining++;
          lock.unlock();
          try {
            combine();
          } finally {
            lock.lock();
            combining--;
            changed.signalAll();
          }
        } else {
          changed.awaitUninterruptibly();
        }
      }
    } finally {
      lock.unlock();
    }
    if (request.state == State.SOLO) {
      soloRequests.incrementAndGet();
      return solo.run(sortedKeys, work);
    }
    Throwable failure = request.failure;
    if (failure instanceof RuntimeException e) {
      throw e;
    }
    if (failure instanceof Error e) {
      throw e;
    }
    return request.result;
  }

  /** Takes what is queued and runs it as one batch; never throws (failures become SOLO). */
  private void combine() {
    List<Request<?>> batch = new ArrayList<>();
    Request<?> r;
    while (batch.size() < MAX_BATCH && (r = queue.poll()) != null) {
      batch.add(r);
    }
    if (batch.isEmpty()) {
      return;
    }
    boolean committed = false;
    try {
      committed = runBatch(batch);
      (committed ? committedBatches : rolledBackBatches).incrementAndGet();
      largestBatch.accumulate(batch.size());
    } catch (SQLException | RuntimeException | Error e) {
      // handed back: each request reruns alone and meets (or not) the failure itself
      LOG.debug("batch of {} rolled back; its requests rerun alone", batch.size(), e);
      rolledBackBatches.incrementAndGet();
      committed = false;
    } finally {
      lock.lock();
      try {
        for (Request<?> q : batch) {
          q.complete(committed);
        }
        changed.signalAll();
      } finally {
        lock.unlock();
      }
    }
  }

  /** Returns whether the batch committed (false: nothing of it was written). */
  private boolean runBatch(List<Request<?>> batch) throws SQLException {
    TreeSet<String> ops = new TreeSet<>();
    TreeSet<String> accounts = new TreeSet<>();
    TreeSet<Long> hashes = new TreeSet<>();
    for (Request<?> q : batch) {
      for (String k : q.keys) {
        hashes.add(JdbcLedgerStore.fnv1a64(k));
        if (k.startsWith("o:")) {
          ops.add(k.substring(2));
        } else {
          accounts.add(k.substring(2));
        }
      }
    }
    BatchTx tx = new BatchTx();
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        lockAndPrefetch(c, hashes, ops, accounts, tx);
        for (Request<?> q : batch) {
          q.run(tx);
        }
        boolean committed = tx.writeAndCommit(c);
        if (!committed) {
          c.rollback();
        } else {
          c.commit(); // no round trip: the transaction is already closed
        }
        return committed;
      } catch (Throwable t) {
        try {
          c.rollback();
        } catch (SQLException e) {
          t.addSuppressed(e);
        }
        throw t;
      } finally {
        c.setAutoCommit(true);
      }
    }
  }

  private void lockAndPrefetch(Connection c, TreeSet<Long> hashes, TreeSet<String> ops, TreeSet<String> accounts,
      BatchTx tx) throws SQLException {
    long[] lockIds = new long[hashes.size()];
    int i = 0;
    for (long h : hashes) {
      lockIds[i++] = h;
    }
    Arrays.sort(lockIds); // signed ascending, the order single transactions use
    String[] opIds = ops.toArray(new String[0]);
    String[] accountKeys = accounts.toArray(new String[0]);
    // enable_seqscan off: these statements are prepared once per connection and their generic plans
    // cached; planned while the tables were still small, "= ANY(array)" would keep a sequential scan
    String sql = "SET TRANSACTION ISOLATION LEVEL READ COMMITTED; SELECT set_config('lock_timeout', '"
        + lockTimeout.toMillis() + "ms', true), set_config('enable_seqscan', 'off', true);"
        + " SELECT count(pg_advisory_xact_lock(h)) FROM unnest(?::bigint[]) AS h;"
        + " SELECT 0, operation_id, kind, request, outcome, applied_us FROM economy_operation"
        + " WHERE operation_id = ANY(?::text[])"
        + " UNION ALL SELECT 1, account_key, NULL, NULL, NULL, balance FROM economy_account"
        + " WHERE account_key = ANY(?::text[])"
        + " UNION ALL SELECT 2, NULL, NULL, NULL, NULL, nextval(" + journalSequence + ") FROM generate_series(1,"
        + " ? - (SELECT count(*)::int FROM economy_operation WHERE operation_id = ANY(?::text[])))";
    for (String a : accountKeys) {
      tx.balances.put(a, OptionalLong.empty());
    }
    for (String o : opIds) {
      tx.operations.put(o, Optional.empty());
    }
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setObject(1, lockIds);
      ps.setArray(2, c.createArrayOf("text", opIds));
      ps.setArray(3, c.createArrayOf("text", accountKeys));
      ps.setInt(4, opIds.length);
      ps.setArray(5, c.createArrayOf("text", opIds));
      boolean isResultSet = ps.execute();
      int resultSets = 0;
      while (true) {
        if (isResultSet) {
          try (ResultSet rs = ps.getResultSet()) {
            if (++resultSets == 3) {
              tx.readPrefetch(rs);
            }
          }
        } else if (ps.getUpdateCount() == -1) {
          break;
        }
        isResultSet = ps.getMoreResults();
      }
    }
    tx.sortSequences();
  }

  /** Thrown inside a batched work that needs what the batch cannot serve; the work reruns alone. */
  private static final class NeedsSolo extends RuntimeException {
    private static final long serialVersionUID = 1L;
    static final NeedsSolo INSTANCE = new NeedsSolo();

    private NeedsSolo() {
      super("needs a single transaction", null, false, false);
    }
  }


  /** The cache-served transaction shared by the works of one batch. Confined to the combiner. */
  private static final class BatchTx implements LedgerTransaction {
    final Map<String, OptionalLong> balances = new HashMap<>();
    final Map<String, Optional<OperationRow>> operations = new HashMap<>();
    private final List<Long> sequences = new ArrayList<>();
    private int nextSequence;
    private final Map<String, Long> pendingBalances = new LinkedHashMap<>();
    private final List<Transfer> pendingLegs = new ArrayList<>();
    private final List<OperationRow> pendingOperations = new ArrayList<>();
    /** Undo log of the running work: previous cache and staged values. */
    private final List<Runnable> undo = new ArrayList<>();
    private int legsAtBegin;
    private int operationsAtBegin;
    private int sequenceAtBegin;

    void readPrefetch(ResultSet rs) throws SQLException {
      JdbcLedgerStore.readPrefetch(rs, operations, balances, sequences::add);
    }

    void sortSequences() {
      sequences.sort(null);
    }

    void begin() {
      undo.clear();
      legsAtBegin = pendingLegs.size();
      operationsAtBegin = pendingOperations.size();
      sequenceAtBegin = nextSequence;
    }

    void keep() {
      undo.clear();
    }

    void undo() {
      for (int i = undo.size() - 1; i >= 0; i--) {
        undo.get(i).run();
      }
      undo.clear();
      pendingLegs.subList(legsAtBegin, pendingLegs.size()).clear();
      pendingOperations.subList(operationsAtBegin, pendingOperations.size()).clear();
      nextSequence = sequenceAtBegin;
    }

    private <K, V> void put(Map<K, V> map, K key, V value) {
      boolean had = map.containsKey(key);
      V previous = map.put(key, value);
      undo.add(had ? () -> map.put(key, previous) : () -> map.remove(key));
    }

    /**
     * Writes every staged change and commits in one round trip. Returns false (nothing written) when
     * the staged changes cannot be guarded (balances without an operation record); the caller then
     * rolls back and every request reruns alone.
     */
    boolean writeAndCommit(Connection c) throws SQLException {
      if (pendingOperations.isEmpty()) {
        if (!pendingBalances.isEmpty() || !pendingLegs.isEmpty()) {
          return false;
        }
        c.commit();
        return true;
      }
      int n = pendingBalances.size();
      String[] keys = pendingBalances.keySet().toArray(new String[0]);
      long[] values = new long[n];
      int i = 0;
      for (long v : pendingBalances.values()) {
        values[i++] = v;
      }
      int legs = pendingLegs.size();
      long[] seq = new long[legs];
      String[] legOp = new String[legs];
      String[] legKind = new String[legs];
      String[] debit = new String[legs];
      String[] credit = new String[legs];
      long[] amount = new long[legs];
      long[] at = new long[legs];
      for (i = 0; i < legs; i++) {
        Transfer t = pendingLegs.get(i);
        seq[i] = t.sequence();
        legOp[i] = t.operationId();
        legKind[i] = t.kind().name();
        debit[i] = t.debit().key();
        credit[i] = t.credit().key();
        amount[i] = t.amount();
        at[i] = JdbcLedgerStore.micros(t.timestamp());
      }
      int m = pendingOperations.size();
      String[] opId = new String[m];
      String[] opKind = new String[m];
      String[] request = new String[m];
      String[] outcome = new String[m];
      long[] applied = new long[m];
      for (i = 0; i < m; i++) {
        OperationRow op = pendingOperations.get(i);
        opId[i] = op.operationId();
        opKind[i] = op.kind().name();
        request[i] = op.request();
        outcome[i] = op.outcome();
        applied[i] = op.appliedMicros();
      }
      // The operation records' timestamps are NULL (a NOT NULL violation: nothing commits) unless
      // every staged balance update found its row.
      String sql = "WITH u AS (UPDATE economy_account AS a SET balance = v.balance"
          + " FROM unnest(?::text[], ?::bigint[]) AS v(account_key, balance)"
          + " WHERE a.account_key = v.account_key RETURNING 1),"
          + " j AS (INSERT INTO economy_transfer (seq, operation_id, kind, debit_key, credit_key, amount, at_us)"
          + " SELECT * FROM unnest(?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[], ?::bigint[],"
          + " ?::bigint[]))"
          + " INSERT INTO economy_operation (operation_id, kind, request, outcome, applied_us)"
          + " SELECT o.operation_id, o.kind, o.request, o.outcome,"
          + " CASE WHEN (SELECT count(*) FROM u) = ? THEN o.applied_us END"
          + " FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::bigint[])"
          + " AS o(operation_id, kind, request, outcome, applied_us); COMMIT";
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        ps.setArray(1, c.createArrayOf("text", keys));
        ps.setObject(2, values);
        ps.setObject(3, seq);
        ps.setArray(4, c.createArrayOf("text", legOp));
        ps.setArray(5, c.createArrayOf("text", legKind));
        ps.setArray(6, c.createArrayOf("text", debit));
        ps.setArray(7, c.createArrayOf("text", credit));
        ps.setObject(8, amount);
        ps.setObject(9, at);
        ps.setInt(10, n);
        ps.setArray(11, c.createArrayOf("text", opId));
        ps.setArray(12, c.createArrayOf("text", opKind));
        ps.setArray(13, c.createArrayOf("text", request));
        ps.setArray(14, c.createArrayOf("text", outcome));
        ps.setObject(15, applied);
        ps.execute();
      }
      return true;
    }

    @Override
    public Optional<Receipt> receipt(String operationId) {
      Optional<OperationRow> known = operations.get(operationId);
      if (known == null || known.isPresent()) {
        throw NeedsSolo.INSTANCE; // not prefetched, or applied: its journal entries are needed
      }
      return Optional.empty();
    }

    @Override
    public void recordOperation(String operationId, OperationKind kind, String request, String outcome, Instant at) {
      OperationRow row = new OperationRow(operationId, kind, request, outcome, JdbcLedgerStore.micros(at));
      pendingOperations.add(row);
      put(operations, operationId, Optional.of(row));
    }

    @Override
    public OptionalLong balance(AccountId account) {
      OptionalLong cached = balances.get(account.key());
      if (cached == null) {
        throw NeedsSolo.INSTANCE;
      }
      return cached;
    }

    @Override
    public void createAccount(AccountId account, Instant at) {
      throw NeedsSolo.INSTANCE;
    }

    @Override
    public void setBalance(AccountId account, long balance) {
      if (balance(account).isEmpty()) {
        throw new IllegalStateException("setBalance of missing account " + account);
      }
      put(balances, account.key(), OptionalLong.of(balance));
      put(pendingBalances, account.key(), balance);
    }

    @Override
    public Transfer append(String operationId, OperationKind kind, AccountId debit, AccountId credit, long amount,
        Instant at) {
      if (nextSequence >= sequences.size()) {
        throw NeedsSolo.INSTANCE;
      }
      Transfer t = new Transfer(sequences.get(nextSequence++), operationId, kind, debit, credit, amount, at);
      pendingLegs.add(t);
      return t;
    }

    @Override
    public Optional<Instant> marker(AccountId account, String name) {
      throw NeedsSolo.INSTANCE;
    }

    @Override
    public void setMarker(AccountId account, String name, Instant at) {
      throw NeedsSolo.INSTANCE;
    }

    @Override
    public Optional<ShopItem> shopItem(String guild, String sku) {
      throw NeedsSolo.INSTANCE;
    }

    @Override
    public void putShopItem(ShopItem item) {
      throw NeedsSolo.INSTANCE;
    }

    @Override
    public long inventory(AccountId account, String sku) {
      throw NeedsSolo.INSTANCE;
    }

    @Override
    public void setInventory(AccountId account, String sku, long quantity) {
      throw NeedsSolo.INSTANCE;
    }

    @Override
    public Optional<Hold> hold(String holdId) {
      throw NeedsSolo.INSTANCE;
    }

    @Override
    public void putHold(Hold hold) {
      throw NeedsSolo.INSTANCE;
    }
  }
}
