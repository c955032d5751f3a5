package dev.fragkit.adapters.jdbc.economy;

import dev.fragkit.adapters.jdbc.JdbcDatabase;
import dev.fragkit.economy.LedgerException;
import dev.fragkit.economy.ledger.AccountBalance;
import dev.fragkit.economy.ledger.AccountId;
import dev.fragkit.economy.ledger.ChangeSet;
import dev.fragkit.economy.ledger.Hold;
import dev.fragkit.economy.ledger.HoldState;
import dev.fragkit.economy.ledger.LedgerStore;
import dev.fragkit.economy.ledger.LedgerTransaction;
import dev.fragkit.economy.ledger.OperationKind;
import dev.fragkit.economy.ledger.Receipt;
import dev.fragkit.economy.ledger.ShopItem;
import dev.fragkit.economy.ledger.StoreException;
import dev.fragkit.economy.ledger.Transfer;
import dev.fragkit.economy.lock.LockTimeoutException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.LongConsumer;
import javax.sql.DataSource;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;
import org.jspecify.annotations.Nullable;

/**
 * {@link LedgerStore} on a {@link JdbcDatabase} (PostgreSQL or embedded H2), schema from the
 * {@code economy} Flyway migrations.
 *
 * <p>Each ledger transaction is one READ COMMITTED database transaction that first takes its lock
 * keys in a canonical order: on PostgreSQL transaction-scoped advisory locks
 * ({@code pg_advisory_xact_lock}) ordered by the keys' 64-bit hashes, so any number of JVMs share
 * one database safely with no lease; on H2 {@code SELECT … FOR UPDATE} on one row per key in
 * {@code economy_lock}, in ascending key order. Reads made after the locks see every commit of the
 * previous holders. Operation ids are also the primary key of {@code economy_operation}, a
 * second line of defence against applying one twice.
 *
 * <p>On PostgreSQL a transaction costs two round trips: locks and prefetch (with a reserved journal
 * sequence number for a fresh operation), then every write and {@code COMMIT}. Unless opened with
 * {@code batching = false}, account operations that arrive together share one database transaction
 * (group commit; see {@code TransactionBatcher}) with the same per-operation outcome as alone.
 *
 * <p>Lock waits are bounded ({@code lockTimeout}) and surface as {@link LockTimeoutException}; other
 * database failures as {@link StoreException} (retried by the ledger). Thread-safe. Closing the
 * store does not close the database.
 */
public final class JdbcLedgerStore implements LedgerStore {
  private final Jdbi jdbi;
  private final DataSource dataSource;
  private final JdbcDatabase.Dialect dialect;
  private final Duration lockTimeout;
  /**
   * PostgreSQL: the journal's identity sequence as a quoted SQL literal (resolved once at open), from
   * which a fresh operation reserves its first journal sequence number while it prefetches.
   */
  private final @Nullable String journalSequence;
  /** PostgreSQL: group commit of concurrent account operations; null on H2 or when disabled. */
  private final @Nullable TransactionBatcher batcher;
  /** H2 lock rows known to exist (rows are never deleted; bounded by accounts, items and holds). */
  private final Set<String> knownLockRows = ConcurrentHashMap.newKeySet();

  private JdbcLedgerStore(JdbcDatabase db, Duration lockTimeout, boolean batching) {
    this.jdbi = db.jdbi();
    this.dataSource = db.dataSource();
    this.dialect = db.dialect();
    this.lockTimeout = lockTimeout;
    this.journalSequence = dialect == JdbcDatabase.Dialect.POSTGRESQL ? jdbi.withHandle(h -> h.createQuery(
            "SELECT pg_get_serial_sequence('economy_transfer', 'seq')").mapTo(String.class).findOne()
        .map(name -> "'" + name.replace("'", "''") + "'").orElse(null)) : null;
    this.batcher = journalSequence == null || !batching ? null
        : new TransactionBatcher(dataSource, lockTimeout, journalSequence);
  }

  /** Migrates the {@code economy} schema (once, even with several instances) and opens the store. */
  public static JdbcLedgerStore open(JdbcDatabase db) {
    return open(db, Duration.ofSeconds(10));
  }

  public static JdbcLedgerStore open(JdbcDatabase db, Duration lockTimeout) {
    return open(db, lockTimeout, true);
  }

  /**
   * Opens the store; {@code batching} (the default) lets concurrent account operations on
   * PostgreSQL share one database transaction (group commit); without it every
   * operation is its own transaction (H2 never batches).
   */
  public static JdbcLedgerStore open(JdbcDatabase db, Duration lockTimeout, boolean batching) {
    Objects.requireNonNull(db, "db");
    Objects.requireNonNull(lockTimeout, "lockTimeout");
    if (lockTimeout.isNegative() || lockTimeout.isZero()) {
      throw new IllegalArgumentException("lockTimeout <= 0: " + lockTimeout);
    }
    db.migrate("economy");
    return new JdbcLedgerStore(db, lockTimeout, batching);
  }



  /**
   * On PostgreSQL, operations on accounts (transfers, credits, debits, …) that arrive together run
   * as one database transaction ({@link TransactionBatcher}); everything else, and everything on H2,
   * runs alone ({@link #solo}).
   */
  @Override
  public <T> T inTransaction(Set<String> lockKeys, Function<LedgerTransaction, T> work) {
    String[] keys = lockKeys.toArray(new String[0]);
    Arrays.sort(keys);
    if (batcher != null && TransactionBatcher.batchable(keys)) {
      return batcher.submit(keys, work, soloRunner);
    }
    return solo(keys, work);
  }

  /** The batcher's counters (tests); empty when this store does not batch. */
  Optional<TransactionBatcher.Stats> batchStats() {
    return batcher == null ? Optional.empty() : Optional.of(batcher.stats());
  }

  private final TransactionBatcher.Solo soloRunner = new TransactionBatcher.Solo() {
    @Override
    public <T> T run(String[] sortedKeys, Function<LedgerTransaction, T> work) {
      return solo(sortedKeys, work);
    }
  };

  /**
   * One database transaction on a pooled connection with plain JDBC (no per-call isolation-level
   * round trips): lock, prefetch, run {@code work}, flush the staged writes, commit.
   */
  private <T> T solo(String[] keys, Function<LedgerTransaction, T> work) {
    try {
      if (dialect == JdbcDatabase.Dialect.H2) {
        ensureLockRows(keys);
      }
      try (Connection c = dataSource.getConnection()) {
        c.setAutoCommit(false);
        try {
          Tx tx = new Tx(c, dialect, journalSequence);
          if (dialect == JdbcDatabase.Dialect.POSTGRESQL) {
            tx.lockAndPrefetch(keys, lockTimeout);
          } else {
            lock(c, keys);
            tx.prefetch(keys);
          }
          T result = work.apply(tx);
          tx.flushAndCommit();
          c.commit();
          return result;
        } catch (Throwable t) {
          rollback(c, t);
          throw t;
        } finally {
          c.setAutoCommit(true);
        }
      }
    } catch (LedgerException e) {
      throw e;
    } catch (SQLException | SqlFailure e) {
      throw translate(e, String.join(",", keys));
    } catch (JdbiException e) {
      throw translate(e, String.join(",", keys));
    }
  }

  private static void rollback(Connection c, Throwable cause) {
    try {
      c.rollback();
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
  }

  private RuntimeException translate(JdbiException e) {
    return translate(e, "economy lock keys");
  }

  /** Lock waits beyond the timeout become {@link LockTimeoutException} naming {@code keys}. */
  private RuntimeException translate(Exception e, String keys) {
    SQLException sql = findSql(e);
    String state = sql == null ? null : sql.getSQLState();
    int code = sql == null ? 0 : sql.getErrorCode();
    if ("55P03".equals(state) || (dialect == JdbcDatabase.Dialect.H2 && code == 50200)) {
      return new LockTimeoutException(keys, lockTimeout, null);
    }
    return new StoreException("ledger store failure (SQLState " + state + "): " + e.getMessage(), e);
  }

  private static @Nullable SQLException findSql(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof SQLException s) {
        return s;
      }
    }
    return null;
  }

  /** H2: makes sure a lock row exists for every key (own transaction; duplicates are fine). */
  private void ensureLockRows(String[] lockKeys) {
    for (String key : lockKeys) {
      if (key.startsWith("o:") || knownLockRows.contains(key)) {
        continue;
      }
      jdbi.useHandle(h -> {
        int n = h.createQuery("SELECT count(*) FROM economy_lock WHERE lock_key = ?").bind(0, key)
            .mapTo(Integer.class).one();
        if (n == 0) {
          h.createUpdate("INSERT INTO economy_lock (lock_key) VALUES (?) ON CONFLICT DO NOTHING").bind(0, key)
              .execute();
        }
      });
      knownLockRows.add(key);
    }
  }

  /** H2: {@code SELECT … FOR UPDATE} per lock row in ascending key order. */
  private void lock(Connection c, String[] sortedKeys) throws SQLException {
    if (c.getTransactionIsolation() != Connection.TRANSACTION_READ_COMMITTED) {
      c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
    }
    try (Statement st = c.createStatement()) {
      st.execute("SET LOCK_TIMEOUT " + lockTimeout.toMillis());
    }
    try (PreparedStatement ps = c.prepareStatement("SELECT lock_key FROM economy_lock WHERE lock_key = ? FOR UPDATE")) {
      for (String key : sortedKeys) {
        if (!key.startsWith("o:")) {
          ps.setString(1, key);
          try (ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
              throw new IllegalStateException("no lock row for " + key);
            }
          }
        }
      }
    }
  }

  /** 64-bit FNV-1a of the UTF-8 bytes: a stable advisory-lock id per key. */
  static long fnv1a64(String key) {
    long hash = 0xcbf29ce484222325L;
    for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
      hash ^= b & 0xff;
      hash *= 0x100000001b3L;
    }
    return hash;
  }

  static long micros(Instant t) {
    return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1_000);
  }

  static Instant instant(long micros) {
    return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
  }

  // ------------------------------------------------------------------ reads

  @Override
  public OptionalLong balance(AccountId account) {
    return read(h -> balance(h, account));
  }

  private static OptionalLong balance(Handle h, AccountId account) {
    Optional<Long> b = h.createQuery("SELECT balance FROM economy_account WHERE account_key = ?")
        .bind(0, account.key()).mapTo(Long.class).findOne();
    return b.map(OptionalLong::of).orElse(OptionalLong.empty());
  }

  @Override
  public List<AccountBalance> leaderboard(String guild, int offset, int limit) {
    return read(h -> h.createQuery("SELECT account_key, balance FROM economy_account WHERE guild = ?"
            + " AND name NOT LIKE '$%' ORDER BY balance DESC, account_key LIMIT ? OFFSET ?")
        .bind(0, guild).bind(1, limit).bind(2, offset)
        .map((rs, ctx) -> new AccountBalance(AccountId.parse(rs.getString(1)), rs.getLong(2))).list());
  }

  @Override
  public List<AccountBalance> balances() {
    return read(h -> h.createQuery("SELECT account_key, balance FROM economy_account ORDER BY account_key")
        .map((rs, ctx) -> new AccountBalance(AccountId.parse(rs.getString(1)), rs.getLong(2))).list());
  }

  private static final String TRANSFER_COLUMNS = "seq, operation_id, kind, debit_key, credit_key, amount, at_us";

  private static Transfer transfer(ResultSet rs) throws SQLException {
    return new Transfer(rs.getLong(1), rs.getString(2), OperationKind.valueOf(rs.getString(3)),
        AccountId.parse(rs.getString(4)), AccountId.parse(rs.getString(5)), rs.getLong(6), instant(rs.getLong(7)));
  }

  @Override
  public List<Transfer> journal(AccountId account, Instant from, Instant to) {
    return read(h -> h.createQuery("SELECT " + TRANSFER_COLUMNS + " FROM economy_transfer"
            + " WHERE (debit_key = ? OR credit_key = ?) AND at_us >= ? AND at_us < ? ORDER BY seq")
        .bind(0, account.key()).bind(1, account.key()).bind(2, micros(from)).bind(3, micros(to))
        .map((rs, ctx) -> transfer(rs)).list());
  }

  @Override
  public List<Transfer> journalAfter(long afterSequence, int limit) {
    return read(h -> h.createQuery("SELECT " + TRANSFER_COLUMNS + " FROM economy_transfer WHERE seq > ?"
            + " ORDER BY seq LIMIT ?")
        .bind(0, afterSequence).bind(1, limit).map((rs, ctx) -> transfer(rs)).list());
  }

  @Override
  public Optional<Receipt> receipt(String operationId) {
    return read(h -> receipt(h, operationId));
  }

  private static Optional<Receipt> receipt(Handle h, String operationId) {
    return h.createQuery("SELECT kind, request, outcome, applied_us FROM economy_operation WHERE operation_id = ?")
        .bind(0, operationId)
        .map((rs, ctx) -> new Receipt(operationId, OperationKind.valueOf(rs.getString(1)), rs.getString(2),
            rs.getString(3), instant(rs.getLong(4)), List.of()))
        .findOne()
        .map(r -> new Receipt(r.operationId(), r.kind(), r.request(), r.outcome(), r.appliedAt(),
            h.createQuery("SELECT " + TRANSFER_COLUMNS + " FROM economy_transfer WHERE operation_id = ? ORDER BY seq")
                .bind(0, operationId).map((rs, ctx) -> transfer(rs)).list()));
  }

  private static final String HOLD_COLUMNS = "hold_id, account_key, amount, state, created_us, updated_us, payload";

  private static Hold hold(ResultSet rs) throws SQLException {
    return new Hold(rs.getString(1), AccountId.parse(rs.getString(2)), rs.getLong(3),
        HoldState.valueOf(rs.getString(4)), instant(rs.getLong(5)), instant(rs.getLong(6)), rs.getString(7));
  }

  @Override
  public Optional<Hold> hold(String holdId) {
    return read(h -> hold(h, holdId));
  }

  private static Optional<Hold> hold(Handle h, String holdId) {
    return h.createQuery("SELECT " + HOLD_COLUMNS + " FROM economy_hold WHERE hold_id = ?").bind(0, holdId)
        .map((rs, ctx) -> hold(rs)).findOne();
  }

  @Override
  public List<Hold> holds(HoldState state) {
    return read(h -> h.createQuery("SELECT " + HOLD_COLUMNS + " FROM economy_hold WHERE state = ?"
            + " ORDER BY created_us, hold_id")
        .bind(0, state.name()).map((rs, ctx) -> hold(rs)).list());
  }

  @Override
  public Optional<ShopItem> shopItem(String guild, String sku) {
    return read(h -> shopItem(h, guild, sku));
  }

  private static Optional<ShopItem> shopItem(Handle h, String guild, String sku) {
    return h.createQuery("SELECT name, price, stock FROM economy_item WHERE guild = ? AND sku = ?")
        .bind(0, guild).bind(1, sku)
        .map((rs, ctx) -> new ShopItem(guild, sku, rs.getString(1), rs.getLong(2), rs.getLong(3))).findOne();
  }

  @Override
  public long inventory(AccountId account, String sku) {
    return read(h -> inventory(h, account, sku));
  }

  private static long inventory(Handle h, AccountId account, String sku) {
    return h.createQuery("SELECT quantity FROM economy_inventory WHERE account_key = ? AND sku = ?")
        .bind(0, account.key()).bind(1, sku).mapTo(Long.class).findOne().orElse(0L);
  }

  @Override
  public List<ChangeSet.Inventory> inventories() {
    return read(h -> h.createQuery("SELECT account_key, sku, quantity FROM economy_inventory WHERE quantity > 0"
            + " ORDER BY account_key, sku")
        .map((rs, ctx) -> new ChangeSet.Inventory(AccountId.parse(rs.getString(1)), rs.getString(2), rs.getLong(3)))
        .list());
  }

  private <T> T read(Function<Handle, T> query) {
    try {
      return jdbi.withHandle(query::apply);
    } catch (JdbiException e) {
      throw translate(e);
    }
  }

  // ------------------------------------------------------------------ writes

  /**
   * Reads a prefetch result (columns: row kind, key, operation kind, request, outcome, number): kind
   * 0 is an applied operation's row, 1 an account balance, anything else a journal sequence number
   * reserved for a fresh operation. Shared by single transactions and {@link TransactionBatcher}.
   */
  static void readPrefetch(ResultSet rs, Map<String, Optional<OperationRow>> operations,
      Map<String, OptionalLong> balances, LongConsumer reservedSequences) throws SQLException {
    while (rs.next()) {
      int kind = rs.getInt(1);
      if (kind == 0) {
        OperationRow op = OperationRow.fromPrefetch(rs);
        operations.put(op.operationId(), Optional.of(op));
      } else if (kind == 1) {
        balances.put(rs.getString(2), OptionalLong.of(rs.getLong(6)));
      } else {
        reservedSequences.accept(rs.getLong(6));
      }
    }
  }
  /**
   * The work of one open database transaction. Confined to its thread.
   *
   * <p>To keep round trips (and lock hold times) low: right after locking, one query fetches the
   * operation records and balances the lock keys cover; balances are then served from that cache
   * (the locks are held, so nobody else can change them), new balances are staged and written
   * together with the journal entry that moves them (on PostgreSQL one statement per leg), and the
   * operation record is inserted at commit. Every other read first flushes staged writes.
   */
  private static final class Tx implements LedgerTransaction {
    private static final String TRANSFER_INSERT =
        "INSERT INTO economy_transfer (operation_id, kind, debit_key, credit_key, amount, at_us)";
    private static final String TRANSFER_INSERT_WITH_SEQ =
        "INSERT INTO economy_transfer (seq, operation_id, kind, debit_key, credit_key, amount, at_us)";

    private final Connection c;
    private final JdbcDatabase.Dialect dialect;
    /** Balances read or written in this transaction; empty for accounts known not to exist. */
    private final Map<String, OptionalLong> balances = new HashMap<>(8);
    /** Operation ids prefetched: present = applied (its row), absent from the map = not prefetched. */
    private final Map<String, Optional<OperationRow>> operations = new HashMap<>(2);
    /** Staged new balances by account key, in order of first change. */
    private final Map<String, Long> pendingBalances = new LinkedHashMap<>(4);
    private final List<OperationRow> pendingOperations = new ArrayList<>(1);
    /** Journal entries whose sequence number was reserved in advance, written at the next flush. */
    private final List<Transfer> pendingLegs = new ArrayList<>(2);
    private final @Nullable String journalSequence;
    /** A journal sequence number reserved while prefetching (PostgreSQL) and not used yet. */
    private long reservedSequence;
    private boolean hasReservedSequence;


    Tx(Connection c, JdbcDatabase.Dialect dialect, @Nullable String journalSequence) {
      this.c = c;
      this.dialect = dialect;
      this.journalSequence = journalSequence;
    }

    private final List<String> prefetchOps = new ArrayList<>(1);
    private final List<String> prefetchAccounts = new ArrayList<>(4);

    /** The query for the operation records and balances the lock keys cover (empty if none). */
    private String prefetchSql(String[] sortedKeys) {
      for (String k : sortedKeys) {
        if (k.startsWith("o:")) {
          prefetchOps.add(k.substring(2));
        } else if (k.startsWith("a:")) {
          prefetchAccounts.add(k.substring(2));
        }
      }
      StringBuilder sql = new StringBuilder(256);
      if (!prefetchOps.isEmpty()) {
        sql.append("SELECT 0, operation_id, kind, request, outcome, applied_us FROM economy_operation")
            .append(" WHERE operation_id IN (").append(placeholders(prefetchOps.size())).append(')');
      }
      if (!prefetchAccounts.isEmpty()) {
        if (!prefetchOps.isEmpty()) {
          sql.append(" UNION ALL ");
        }
        sql.append("SELECT 1, account_key, NULL, NULL, NULL, balance FROM economy_account")
            .append(" WHERE account_key IN (").append(placeholders(prefetchAccounts.size())).append(')');
      }
      if (reserveSequence()) {
        // a fresh operation (the usual case) takes its first journal sequence number now, so that its
        // entry can be written together with the operation record and COMMIT in one round trip
        sql.append(" UNION ALL SELECT 2, NULL, NULL, NULL, NULL, nextval(").append(journalSequence)
            .append(") WHERE NOT EXISTS (SELECT 1 FROM economy_operation WHERE operation_id = ?)");
      }
      for (String a : prefetchAccounts) {
        balances.put(a, OptionalLong.empty());
      }
      for (String o : prefetchOps) {
        operations.put(o, Optional.empty());
      }
      return sql.toString();
    }

    /** Whether the pipelined prefetch reserves a journal sequence number (one operation key). */
    private boolean reserveSequence() {
      return journalSequence != null && prefetchOps.size() == 1;
    }

    private int bindPrefetch(PreparedStatement ps, int first) throws SQLException {
      int i = first;
      for (String o : prefetchOps) {
        ps.setString(i++, o);
      }
      for (String a : prefetchAccounts) {
        ps.setString(i++, a);
      }
      if (reserveSequence()) {
        ps.setString(i++, prefetchOps.get(0));
      }
      return i;
    }

    private void readPrefetch(ResultSet rs) throws SQLException {
      JdbcLedgerStore.readPrefetch(rs, operations, balances, sequence -> {
        reservedSequence = sequence;
        hasReservedSequence = true;
      });
    }

    /** H2: the prefetch as its own query, after the locks. */
    void prefetch(String[] sortedKeys) throws SQLException {
      String sql = prefetchSql(sortedKeys);
      if (sql.isEmpty()) {
        return;
      }
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        bindPrefetch(ps, 1);
        try (ResultSet rs = ps.executeQuery()) {
          readPrefetch(rs);
        }
      }
    }

    /**
     * PostgreSQL: isolation level, then one statement setting the lock timeout and taking one
     * {@code pg_advisory_xact_lock} per key (ascending hash order; a target list is evaluated left to
     * right), then the prefetch query, pipelined as one multi-statement round trip. The statements run
     * in order; under READ COMMITTED the prefetch takes its snapshot after the last lock is granted,
     * so it sees every commit of the previous holders. A lock timeout aborts the rest.
     */
    void lockAndPrefetch(String[] sortedKeys, Duration lockTimeout) throws SQLException {
      long[] hashes = new long[sortedKeys.length];
      for (int i = 0; i < sortedKeys.length; i++) {
        hashes[i] = fnv1a64(sortedKeys[i]);
      }
      Arrays.sort(hashes);
      StringBuilder sql = new StringBuilder(256 + 40 * hashes.length)
          .append("SET TRANSACTION ISOLATION LEVEL READ COMMITTED; SELECT set_config('lock_timeout', '")
          .append(lockTimeout.toMillis()).append("ms', true)");
      int locks = 0;
      for (int i = 0; i < hashes.length; i++) {
        if (i == 0 || hashes[i] != hashes[i - 1]) {
          hashes[locks++] = hashes[i];
          sql.append(", pg_advisory_xact_lock(?)");
        }
      }
      String prefetch = prefetchSql(sortedKeys);
      if (!prefetch.isEmpty()) {
        sql.append("; ").append(prefetch);
      }
      try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
        int p = 1;
        for (int i = 0; i < locks; i++) {
          ps.setLong(p++, hashes[i]);
        }
        bindPrefetch(ps, p);
        boolean isResultSet = ps.execute();
        int resultSets = 0;
        while (true) {
          if (isResultSet) {
            try (ResultSet rs = ps.getResultSet()) {
              // the first result set is the locks' row, the second (if any) the prefetch
              if (++resultSets == 2) {
                readPrefetch(rs);
              }
            }
          } else if (ps.getUpdateCount() == -1) {
            break;
          }
          isResultSet = ps.getMoreResults();
        }
      }
    }

    private static String placeholders(int n) {
      return n == 1 ? "?" : "?" + ", ?".repeat(n - 1);
    }

    /** Writes every staged change (before any uncached read, and at commit). */
    void flush() throws SQLException {
      flushBalances();
      flushLegs();
      if (!pendingOperations.isEmpty()) {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO economy_operation"
            + " (operation_id, kind, request, outcome, applied_us) VALUES (?, ?, ?, ?, ?)")) {
          for (OperationRow op : pendingOperations) {
            ps.setString(1, op.operationId());
            ps.setString(2, op.kind().name());
            ps.setString(3, op.request());
            ps.setString(4, op.outcome());
            ps.setLong(5, op.appliedMicros());
            ps.addBatch();
          }
          ps.executeBatch();
        }
        for (OperationRow op : pendingOperations) {
          operations.put(op.operationId(), Optional.of(op));
        }
        pendingOperations.clear();
      }
    }

    /**
     * Writes the staged changes before the caller commits. On PostgreSQL, when one operation record
     * is staged (the usual case), its staged balances, its journal entries with reserved sequence
     * numbers and the record itself go in one statement (data-modifying CTEs), pipelined with
     * {@code COMMIT}: one round trip. The record's timestamp is bound only if every balance update
     * found its row; otherwise it is NULL, the NOT NULL constraint fails the statement and the
     * transaction never commits. The caller's {@code commit()} then finds the transaction closed.
     */
    void flushAndCommit() throws SQLException {
      if (dialect != JdbcDatabase.Dialect.POSTGRESQL || pendingOperations.size() != 1) {
        flush();
        return;
      }
      OperationRow op = pendingOperations.get(0);
      int n = pendingBalances.size();
      int legs = pendingLegs.size();
      StringBuilder sql = new StringBuilder(300 + 90 * n + 40 * legs);
      String separator = "WITH ";
      for (int i = 0; i < n; i++) {
        sql.append(separator).append('u').append(i)
            .append(" AS (UPDATE economy_account SET balance = ? WHERE account_key = ? RETURNING 1)");
        separator = ", ";
      }
      if (legs > 0) {
        sql.append(separator).append("j AS (").append(TRANSFER_INSERT_WITH_SEQ).append(" VALUES ");
        for (int i = 0; i < legs; i++) {
          sql.append(i == 0 ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?)");
        }
        sql.append(')');
      }
      sql.append(" INSERT INTO economy_operation (operation_id, kind, request, outcome, applied_us) SELECT ?, ?, ?, ?, ");
      if (n == 0) {
        sql.append('?');
      } else {
        sql.append("CASE WHEN ");
        for (int i = 0; i < n; i++) {
          sql.append(i == 0 ? "" : " + ").append("(SELECT count(*) FROM u").append(i).append(')');
        }
        sql.append(" = ").append(n).append(" THEN ? END");
      }
      sql.append("; COMMIT");
      try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
        int p = 1;
        for (Map.Entry<String, Long> e : pendingBalances.entrySet()) {
          ps.setLong(p++, e.getValue());
          ps.setString(p++, e.getKey());
        }
        for (Transfer t : pendingLegs) {
          ps.setLong(p++, t.sequence());
          bindTransfer(ps, p, t.operationId(), t.kind(), t.debit(), t.credit(), t.amount(), micros(t.timestamp()));
          p += 6;
        }
        ps.setString(p++, op.operationId());
        ps.setString(p++, op.kind().name());
        ps.setString(p++, op.request());
        ps.setString(p++, op.outcome());
        ps.setLong(p, op.appliedMicros());
        ps.execute();
      } catch (SQLException e) {
        if (n > 0 && "23502".equals(e.getSQLState())) {
          throw new IllegalStateException("setBalance of missing account among " + pendingBalances.keySet(), e);
        }
        throw e;
      }
      pendingBalances.clear();
      pendingLegs.clear();
      pendingOperations.clear();
    }

    private void flushLegs() throws SQLException {
      if (pendingLegs.isEmpty()) {
        return;
      }
      try (PreparedStatement ps = c.prepareStatement(TRANSFER_INSERT_WITH_SEQ + " VALUES (?, ?, ?, ?, ?, ?, ?)")) {
        for (Transfer t : pendingLegs) {
          ps.setLong(1, t.sequence());
          bindTransfer(ps, 2, t.operationId(), t.kind(), t.debit(), t.credit(), t.amount(), micros(t.timestamp()));
          ps.addBatch();
        }
        ps.executeBatch();
      }
      pendingLegs.clear();
    }

    private void flushBalances() throws SQLException {
      if (pendingBalances.isEmpty()) {
        return;
      }
      try (PreparedStatement ps = c.prepareStatement("UPDATE economy_account SET balance = ? WHERE account_key = ?")) {
        for (Map.Entry<String, Long> e : pendingBalances.entrySet()) {
          ps.setLong(1, e.getValue());
          ps.setString(2, e.getKey());
          ps.addBatch();
        }
        int[] counts = ps.executeBatch();
        for (int n : counts) {
          if (n != 1 && n != Statement.SUCCESS_NO_INFO) {
            throw new IllegalStateException("setBalance of missing account among " + pendingBalances.keySet());
          }
        }
      }
      pendingBalances.clear();
    }

    private void flushUnchecked() {
      try {
        flush();
      } catch (SQLException e) {
        throw new SqlFailure(e);
      }
    }

    @Override
    public Optional<Receipt> receipt(String operationId) {
      try {
        Optional<OperationRow> known = operations.get(operationId);
        if (known == null) {
          flush();
          known = queryOperation(operationId);
        } else if (known.isPresent() && !pendingOperations.isEmpty()) {
          flush();
        }
        if (known.isEmpty()) {
          return Optional.empty();
        }
        OperationRow op = known.get();
        return Optional.of(new Receipt(op.operationId(), op.kind(), op.request(), op.outcome(),
            instant(op.appliedMicros()), transfersOf(operationId)));
      } catch (SQLException e) {
        throw new SqlFailure(e);
      }
    }

    private Optional<OperationRow> queryOperation(String operationId) throws SQLException {
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT kind, request, outcome, applied_us FROM economy_operation WHERE operation_id = ?")) {
        ps.setString(1, operationId);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? Optional.of(new OperationRow(operationId, OperationKind.valueOf(rs.getString(1)),
              rs.getString(2), rs.getString(3), rs.getLong(4))) : Optional.empty();
        }
      }
    }

    private List<Transfer> transfersOf(String operationId) throws SQLException {
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT " + TRANSFER_COLUMNS + " FROM economy_transfer WHERE operation_id = ? ORDER BY seq")) {
        ps.setString(1, operationId);
        try (ResultSet rs = ps.executeQuery()) {
          List<Transfer> out = new ArrayList<>();
          while (rs.next()) {
            out.add(transfer(rs));
          }
          return out;
        }
      }
    }

    @Override
    public void recordOperation(String operationId, OperationKind kind, String request, String outcome, Instant at) {
      // a duplicate id still fails on the primary key of economy_operation when flushed
      pendingOperations.add(new OperationRow(operationId, kind, request, outcome, micros(at)));
    }

    @Override
    public OptionalLong balance(AccountId account) {
      String key = account.key();
      OptionalLong cached = balances.get(key);
      if (cached == null) {
        try (PreparedStatement ps = c.prepareStatement("SELECT balance FROM economy_account WHERE account_key = ?")) {
          ps.setString(1, key);
          try (ResultSet rs = ps.executeQuery()) {
            cached = rs.next() ? OptionalLong.of(rs.getLong(1)) : OptionalLong.empty();
          }
        } catch (SQLException e) {
          throw new SqlFailure(e);
        }
        balances.put(key, cached);
      }
      return cached;
    }

    @Override
    public void createAccount(AccountId account, Instant at) {
      try (PreparedStatement ps = c.prepareStatement(
          "INSERT INTO economy_account (account_key, guild, name, balance, created_us) VALUES (?, ?, ?, 0, ?)")) {
        ps.setString(1, account.key());
        ps.setString(2, account.guild());
        ps.setString(3, account.name());
        ps.setLong(4, micros(at));
        ps.executeUpdate();
      } catch (SQLException e) {
        throw new SqlFailure(e);
      }
      balances.put(account.key(), OptionalLong.of(0));
    }

    @Override
    public void setBalance(AccountId account, long balance) {
      if (balance(account).isEmpty()) {
        throw new IllegalStateException("setBalance of missing account " + account);
      }
      String key = account.key();
      balances.put(key, OptionalLong.of(balance));
      pendingBalances.put(key, balance);
    }

    @Override
    public Transfer append(String operationId, OperationKind kind, AccountId debit, AccountId credit, long amount,
        Instant at) {
      if (hasReservedSequence) {
        // written with the next flush (usually together with the operation record and COMMIT)
        hasReservedSequence = false;
        Transfer t = new Transfer(reservedSequence, operationId, kind, debit, credit, amount, at);
        pendingLegs.add(t);
        return t;
      }
      long micros = micros(at);
      try {
        long seq = dialect == JdbcDatabase.Dialect.POSTGRESQL
            ? appendWithBalances(operationId, kind, debit, credit, amount, micros)
            : appendAfterFlush(operationId, kind, debit, credit, amount, micros);
        return new Transfer(seq, operationId, kind, debit, credit, amount, at);
      } catch (SQLException e) {
        throw new SqlFailure(e);
      }
    }

    /**
     * PostgreSQL: the staged balances and the journal entry in one statement (data-modifying CTEs);
     * the entry is only inserted if every balance update found its row.
     */
    private long appendWithBalances(String operationId, OperationKind kind, AccountId debit, AccountId credit,
        long amount, long micros) throws SQLException {
      int n = pendingBalances.size();
      StringBuilder sql = new StringBuilder(200 + 90 * n);
      if (n > 0) {
        sql.append("WITH ");
        for (int i = 0; i < n; i++) {
          sql.append(i == 0 ? "" : ", ").append('u').append(i)
              .append(" AS (UPDATE economy_account SET balance = ? WHERE account_key = ? RETURNING 1)");
        }
        sql.append(' ');
      }
      sql.append(TRANSFER_INSERT).append(" SELECT ?, ?, ?, ?, ?, ?");
      if (n > 0) {
        sql.append(" WHERE (");
        for (int i = 0; i < n; i++) {
          sql.append(i == 0 ? "" : " + ").append("(SELECT count(*) FROM u").append(i).append(')');
        }
        sql.append(") = ").append(n);
      }
      sql.append(" RETURNING seq");
      try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
        int p = 1;
        for (Map.Entry<String, Long> e : pendingBalances.entrySet()) {
          ps.setLong(p++, e.getValue());
          ps.setString(p++, e.getKey());
        }
        bindTransfer(ps, p, operationId, kind, debit, credit, amount, micros);
        try (ResultSet rs = ps.executeQuery()) {
          if (!rs.next()) {
            throw new IllegalStateException("setBalance of missing account among " + pendingBalances.keySet());
          }
          pendingBalances.clear();
          return rs.getLong(1);
        }
      }
    }

    private long appendAfterFlush(String operationId, OperationKind kind, AccountId debit, AccountId credit,
        long amount, long micros) throws SQLException {
      flushBalances();
      try (PreparedStatement ps = c.prepareStatement(TRANSFER_INSERT + " VALUES (?, ?, ?, ?, ?, ?)",
          new String[] {"seq"})) {
        bindTransfer(ps, 1, operationId, kind, debit, credit, amount, micros);
        ps.executeUpdate();
        try (ResultSet rs = ps.getGeneratedKeys()) {
          if (!rs.next()) {
            throw new IllegalStateException("no sequence generated for a journal entry of " + operationId);
          }
          return rs.getLong(1);
        }
      }
    }

    private static void bindTransfer(PreparedStatement ps, int p, String operationId, OperationKind kind,
        AccountId debit, AccountId credit, long amount, long micros) throws SQLException {
      ps.setString(p, operationId);
      ps.setString(p + 1, kind.name());
      ps.setString(p + 2, debit.key());
      ps.setString(p + 3, credit.key());
      ps.setLong(p + 4, amount);
      ps.setLong(p + 5, micros);
    }

    @Override
    public Optional<Instant> marker(AccountId account, String name) {
      flushUnchecked();
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT at_us FROM economy_marker WHERE account_key = ? AND name = ?")) {
        ps.setString(1, account.key());
        ps.setString(2, name);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? Optional.of(instant(rs.getLong(1))) : Optional.empty();
        }
      } catch (SQLException e) {
        throw new SqlFailure(e);
      }
    }

    @Override
    public void setMarker(AccountId account, String name, Instant at) {
      // update-then-insert is safe: the account's lock key is held
      long micros = micros(at);
      if (dialect == JdbcDatabase.Dialect.POSTGRESQL) {
        update("INSERT INTO economy_marker (account_key, name, at_us) VALUES (?, ?, ?)"
            + " ON CONFLICT (account_key, name) DO UPDATE SET at_us = EXCLUDED.at_us", account.key(), name, micros);
        return;
      }
      if (update("UPDATE economy_marker SET at_us = ? WHERE account_key = ? AND name = ?",
          micros, account.key(), name) == 0) {
        update("INSERT INTO economy_marker (account_key, name, at_us) VALUES (?, ?, ?)", account.key(), name, micros);
      }
    }

    @Override
    public Optional<ShopItem> shopItem(String guild, String sku) {
      flushUnchecked();
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT name, price, stock FROM economy_item WHERE guild = ? AND sku = ?")) {
        ps.setString(1, guild);
        ps.setString(2, sku);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? Optional.of(new ShopItem(guild, sku, rs.getString(1), rs.getLong(2), rs.getLong(3)))
              : Optional.empty();
        }
      } catch (SQLException e) {
        throw new SqlFailure(e);
      }
    }

    @Override
    public void putShopItem(ShopItem item) {
      if (dialect == JdbcDatabase.Dialect.POSTGRESQL) {
        update("INSERT INTO economy_item (guild, sku, name, price, stock) VALUES (?, ?, ?, ?, ?) ON CONFLICT (guild, sku)"
            + " DO UPDATE SET name = EXCLUDED.name, price = EXCLUDED.price, stock = EXCLUDED.stock",
            item.guild(), item.sku(), item.name(), item.price(), item.stock());
        return;
      }
      if (update("UPDATE economy_item SET name = ?, price = ?, stock = ? WHERE guild = ? AND sku = ?",
          item.name(), item.price(), item.stock(), item.guild(), item.sku()) == 0) {
        update("INSERT INTO economy_item (guild, sku, name, price, stock) VALUES (?, ?, ?, ?, ?)",
            item.guild(), item.sku(), item.name(), item.price(), item.stock());
      }
    }

    @Override
    public long inventory(AccountId account, String sku) {
      flushUnchecked();
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT quantity FROM economy_inventory WHERE account_key = ? AND sku = ?")) {
        ps.setString(1, account.key());
        ps.setString(2, sku);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? rs.getLong(1) : 0L;
        }
      } catch (SQLException e) {
        throw new SqlFailure(e);
      }
    }

    @Override
    public void setInventory(AccountId account, String sku, long quantity) {
      if (dialect == JdbcDatabase.Dialect.POSTGRESQL) {
        update("INSERT INTO economy_inventory (account_key, sku, quantity) VALUES (?, ?, ?)"
            + " ON CONFLICT (account_key, sku) DO UPDATE SET quantity = EXCLUDED.quantity", account.key(), sku, quantity);
        return;
      }
      if (update("UPDATE economy_inventory SET quantity = ? WHERE account_key = ? AND sku = ?",
          quantity, account.key(), sku) == 0) {
        update("INSERT INTO economy_inventory (account_key, sku, quantity) VALUES (?, ?, ?)",
            account.key(), sku, quantity);
      }
    }

    @Override
    public Optional<Hold> hold(String holdId) {
      flushUnchecked();
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT " + HOLD_COLUMNS + " FROM economy_hold WHERE hold_id = ?")) {
        ps.setString(1, holdId);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? Optional.of(JdbcLedgerStore.hold(rs)) : Optional.empty();
        }
      } catch (SQLException e) {
        throw new SqlFailure(e);
      }
    }

    @Override
    public void putHold(Hold hold) {
      if (dialect == JdbcDatabase.Dialect.POSTGRESQL) {
        // one statement; account_key and created_us never change after creation
        update("INSERT INTO economy_hold (" + HOLD_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (hold_id)"
            + " DO UPDATE SET amount = EXCLUDED.amount, state = EXCLUDED.state, updated_us = EXCLUDED.updated_us,"
            + " payload = EXCLUDED.payload",
            hold.holdId(), hold.account().key(), hold.amount(), hold.state().name(), micros(hold.createdAt()),
            micros(hold.updatedAt()), hold.payload());
        return;
      }
      if (update("UPDATE economy_hold SET amount = ?, state = ?, updated_us = ?, payload = ? WHERE hold_id = ?",
          hold.amount(), hold.state().name(), micros(hold.updatedAt()), hold.payload(), hold.holdId()) == 0) {
        update("INSERT INTO economy_hold (" + HOLD_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)",
            hold.holdId(), hold.account().key(), hold.amount(), hold.state().name(), micros(hold.createdAt()),
            micros(hold.updatedAt()), hold.payload());
      }
    }

    /** One update with String/Long parameters; returns the row count. */
    private int update(String sql, Object... params) {
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        for (int i = 0; i < params.length; i++) {
          if (params[i] instanceof Long l) {
            ps.setLong(i + 1, l);
          } else {
            ps.setString(i + 1, (String) params[i]);
          }
        }
        return ps.executeUpdate();
      } catch (SQLException e) {
        throw new SqlFailure(e);
      }
    }
  }

  /**
   * An {@link SQLException} inside a transaction callback, carried unchecked out of the ledger's
   * code and translated (lock timeout or {@link StoreException}) by {@link #inTransaction}.
   */
  private static final class SqlFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    SqlFailure(SQLException cause) {
      super(cause.getMessage(), cause);
    }
  }
}
