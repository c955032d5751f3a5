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
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
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
 * <p>Lock waits are bounded ({@code lockTimeout}) and surface as {@link LockTimeoutException}; other
 * database failures as {@link StoreException} (retried by the ledger). Thread-safe. Closing the
 * store does not close the database.
 */
public final class JdbcLedgerStore implements LedgerStore {
  private final Jdbi jdbi;
  private final JdbcDatabase.Dialect dialect;
  private final Duration lockTimeout;
  /** H2 lock rows known to exist (rows are never deleted; bounded by accounts, items and holds). */
  private final Set<String> knownLockRows = ConcurrentHashMap.newKeySet();

  private JdbcLedgerStore(JdbcDatabase db, Duration lockTimeout) {
    this.jdbi = db.jdbi();
    this.dialect = db.dialect();
    this.lockTimeout = lockTimeout;
  }

  /** Migrates the {@code economy} schema (once, even with several instances) and opens the store. */
  public static JdbcLedgerStore open(JdbcDatabase db) {
    return open(db, Duration.ofSeconds(10));
  }

  public static JdbcLedgerStore open(JdbcDatabase db, Duration lockTimeout) {
    Objects.requireNonNull(db, "db");
    Objects.requireNonNull(lockTimeout, "lockTimeout");
    if (lockTimeout.isNegative() || lockTimeout.isZero()) {
      throw new IllegalArgumentException("lockTimeout <= 0: " + lockTimeout);
    }
    db.migrate("economy");
    return new JdbcLedgerStore(db, lockTimeout);
  }

  @Override
  public <T> T inTransaction(Set<String> lockKeys, Function<LedgerTransaction, T> work) {
    try {
      if (dialect == JdbcDatabase.Dialect.H2) {
        ensureLockRows(lockKeys);
      }
      return jdbi.inTransaction(TransactionIsolationLevel.READ_COMMITTED, h -> {
        lock(h, lockKeys);
        return work.apply(new Tx(h));
      });
    } catch (LedgerException e) {
      throw e;
    } catch (JdbiException e) {
      throw translate(e, String.join(",", new TreeSet<>(lockKeys)));
    }
  }

  private RuntimeException translate(JdbiException e) {
    return translate(e, "economy lock keys");
  }

  /** Lock waits beyond the timeout become {@link LockTimeoutException} naming {@code keys}. */
  private RuntimeException translate(JdbiException e, String keys) {
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
  private void ensureLockRows(Set<String> lockKeys) {
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

  private void lock(Handle h, Set<String> lockKeys) {
    if (dialect == JdbcDatabase.Dialect.POSTGRESQL) {
      h.execute("SET LOCAL lock_timeout = '" + lockTimeout.toMillis() + "ms'");
      TreeSet<Long> hashes = new TreeSet<>();
      for (String key : lockKeys) {
        hashes.add(fnv1a64(key));
      }
      for (long hash : hashes) {
        h.createQuery("SELECT pg_advisory_xact_lock(?)").bind(0, hash).mapTo(String.class).one();
      }
    } else {
      h.execute("SET LOCK_TIMEOUT " + lockTimeout.toMillis());
      for (String key : new TreeSet<>(lockKeys)) {
        if (!key.startsWith("o:")) {
          h.createQuery("SELECT lock_key FROM economy_lock WHERE lock_key = ? FOR UPDATE").bind(0, key)
              .mapTo(String.class).one();
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

  /** Writes straight into the open database transaction. Confined to its thread. */
  private static final class Tx implements LedgerTransaction {
    private final Handle h;

    Tx(Handle h) {
      this.h = h;
    }

    @Override
    public Optional<Receipt> receipt(String operationId) {
      return JdbcLedgerStore.receipt(h, operationId);
    }

    @Override
    public void recordOperation(String operationId, OperationKind kind, String request, String outcome, Instant at) {
      h.createUpdate("INSERT INTO economy_operation (operation_id, kind, request, outcome, applied_us)"
              + " VALUES (?, ?, ?, ?, ?)")
          .bind(0, operationId).bind(1, kind.name()).bind(2, request).bind(3, outcome).bind(4, micros(at)).execute();
    }

    @Override
    public OptionalLong balance(AccountId account) {
      return JdbcLedgerStore.balance(h, account);
    }

    @Override
    public void createAccount(AccountId account, Instant at) {
      h.createUpdate("INSERT INTO economy_account (account_key, guild, name, balance, created_us) VALUES (?, ?, ?, 0, ?)")
          .bind(0, account.key()).bind(1, account.guild()).bind(2, account.name()).bind(3, micros(at)).execute();
    }

    @Override
    public void setBalance(AccountId account, long balance) {
      int n = h.createUpdate("UPDATE economy_account SET balance = ? WHERE account_key = ?")
          .bind(0, balance).bind(1, account.key()).execute();
      if (n != 1) {
        throw new IllegalStateException("setBalance of missing account " + account);
      }
    }

    @Override
    public Transfer append(String operationId, OperationKind kind, AccountId debit, AccountId credit, long amount,
        Instant at) {
      long seq = h.createUpdate("INSERT INTO economy_transfer (operation_id, kind, debit_key, credit_key, amount, at_us)"
              + " VALUES (?, ?, ?, ?, ?, ?)")
          .bind(0, operationId).bind(1, kind.name()).bind(2, debit.key()).bind(3, credit.key()).bind(4, amount)
          .bind(5, micros(at))
          .executeAndReturnGeneratedKeys("seq").mapTo(Long.class).one();
      return new Transfer(seq, operationId, kind, debit, credit, amount, at);
    }

    @Override
    public Optional<Instant> marker(AccountId account, String name) {
      return h.createQuery("SELECT at_us FROM economy_marker WHERE account_key = ? AND name = ?")
          .bind(0, account.key()).bind(1, name).mapTo(Long.class).findOne().map(JdbcLedgerStore::instant);
    }

    @Override
    public void setMarker(AccountId account, String name, Instant at) {
      // update-then-insert is safe: the account's lock key is held
      int n = h.createUpdate("UPDATE economy_marker SET at_us = ? WHERE account_key = ? AND name = ?")
          .bind(0, micros(at)).bind(1, account.key()).bind(2, name).execute();
      if (n == 0) {
        h.createUpdate("INSERT INTO economy_marker (account_key, name, at_us) VALUES (?, ?, ?)")
            .bind(0, account.key()).bind(1, name).bind(2, micros(at)).execute();
      }
    }

    @Override
    public Optional<ShopItem> shopItem(String guild, String sku) {
      return JdbcLedgerStore.shopItem(h, guild, sku);
    }

    @Override
    public void putShopItem(ShopItem item) {
      int n = h.createUpdate("UPDATE economy_item SET name = ?, price = ?, stock = ? WHERE guild = ? AND sku = ?")
          .bind(0, item.name()).bind(1, item.price()).bind(2, item.stock()).bind(3, item.guild()).bind(4, item.sku())
          .execute();
      if (n == 0) {
        h.createUpdate("INSERT INTO economy_item (guild, sku, name, price, stock) VALUES (?, ?, ?, ?, ?)")
            .bind(0, item.guild()).bind(1, item.sku()).bind(2, item.name()).bind(3, item.price())
            .bind(4, item.stock()).execute();
      }
    }

    @Override
    public long inventory(AccountId account, String sku) {
      return JdbcLedgerStore.inventory(h, account, sku);
    }

    @Override
    public void setInventory(AccountId account, String sku, long quantity) {
      int n = h.createUpdate("UPDATE economy_inventory SET quantity = ? WHERE account_key = ? AND sku = ?")
          .bind(0, quantity).bind(1, account.key()).bind(2, sku).execute();
      if (n == 0) {
        h.createUpdate("INSERT INTO economy_inventory (account_key, sku, quantity) VALUES (?, ?, ?)")
            .bind(0, account.key()).bind(1, sku).bind(2, quantity).execute();
      }
    }

    @Override
    public Optional<Hold> hold(String holdId) {
      return JdbcLedgerStore.hold(h, holdId);
    }

    @Override
    public void putHold(Hold hold) {
      int n = h.createUpdate("UPDATE economy_hold SET amount = ?, state = ?, updated_us = ?, payload = ?"
              + " WHERE hold_id = ?")
          .bind(0, hold.amount()).bind(1, hold.state().name()).bind(2, micros(hold.updatedAt()))
          .bind(3, hold.payload()).bind(4, hold.holdId()).execute();
      if (n == 0) {
        h.createUpdate("INSERT INTO economy_hold (" + HOLD_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)")
            .bind(0, hold.holdId()).bind(1, hold.account().key()).bind(2, hold.amount()).bind(3, hold.state().name())
            .bind(4, micros(hold.createdAt())).bind(5, micros(hold.updatedAt())).bind(6, hold.payload()).execute();
      }
    }
  }
}
