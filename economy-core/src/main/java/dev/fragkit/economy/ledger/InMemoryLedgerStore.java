package dev.fragkit.economy.ledger;

import dev.fragkit.economy.lock.KeyedLockManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A {@link LedgerStore} in memory. Transactions hold their lock keys in a {@link KeyedLockManager}
 * (sorted acquisition, timeout), stage their writes privately and publish them at commit; an
 * exception discards the staged writes.
 *
 * <p>Optionally each commit's {@link ChangeSet} is first handed to a {@link CommitLog} (still under
 * the transaction's locks, so per-key order is preserved); if the log throws, nothing is published.
 * The file store uses this as its write-ahead journal.
 *
 * <p>Reads outside a transaction see committed values of single keys; they are not a cross-key
 * snapshot while writers are running. Thread-safe.
 */
public final class InMemoryLedgerStore implements LedgerStore {
  /** Durability hook, called with each commit's changes before they are published. */
  public interface CommitLog {
    CommitLog NONE = changes -> {};

    /** Persists {@code changes}; throws (e.g. {@link StoreException}) to abort the commit. */
    void append(ChangeSet changes);
  }

  private final KeyedLockManager<String> locks;
  private final CommitLog log;
  private final ConcurrentHashMap<AccountId, Long> balances = new ConcurrentHashMap<>();
  private final ConcurrentSkipListMap<Long, Transfer> journal = new ConcurrentSkipListMap<>();
  private final ConcurrentHashMap<AccountId, ConcurrentLinkedQueue<Transfer>> byAccount = new ConcurrentHashMap<>();
  /** Idempotency records with their journal entries (one map entry per applied operation). */
  private final ConcurrentHashMap<String, Applied> operations = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, Instant> markers = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, ShopItem> items = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, Long> inventory = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, Hold> holds = new ConcurrentHashMap<>();
  private final AtomicLong sequence = new AtomicLong(1);

  private InMemoryLedgerStore(KeyedLockManager<String> locks, CommitLog log) {
    this.locks = locks;
    this.log = log;
  }

  /** An empty store with a 10 s lock timeout and no commit log. */
  public static InMemoryLedgerStore create() {
    return create(KeyedLockManager.create(Duration.ofSeconds(10)), CommitLog.NONE);
  }

  public static InMemoryLedgerStore create(KeyedLockManager<String> locks, CommitLog log) {
    return new InMemoryLedgerStore(Objects.requireNonNull(locks, "locks"), Objects.requireNonNull(log, "log"));
  }

  /** The lock manager (for diagnostics). */
  public KeyedLockManager<String> locks() {
    return locks;
  }

  /** An applied operation: its idempotency record and the journal entries it made. */
  private record Applied(OperationRecord record, List<Transfer> transfers) {}

  @Override
  public <T> T inTransaction(Set<String> lockKeys, Function<LedgerTransaction, T> work) {
    try (KeyedLockManager.Held ignored = locks.acquire(lockKeys)) {
      Tx tx = new Tx(lockKeys);
      T result = work.apply(tx);
      if (!tx.isEmpty()) {
        if (log == CommitLog.NONE) {
          tx.publish();
        } else {
          ChangeSet changes = tx.changes();
          log.append(changes);
          apply(changes);
        }
      }
      return result;
    }
  }

  /**
   * Publishes {@code changes} without locking. For recovery (replaying a journal before the store is
   * shared) and for commits; callers other than recovery must hold the covering locks.
   */
  public void apply(ChangeSet changes) {
    for (AccountBalance b : changes.balances()) {
      balances.put(b.account(), b.balance());
    }
    publishTransfers(changes.transfers());
    for (ChangeSet.Marker m : changes.markers()) {
      markers.put(markerKey(m.account(), m.name()), m.at());
    }
    for (ShopItem i : changes.items()) {
      items.put(i.guild() + "/" + i.sku(), i);
    }
    for (ChangeSet.Inventory i : changes.inventory()) {
      inventory.put(inventoryKey(i.account(), i.sku()), i.quantity());
    }
    for (Hold h : changes.holds()) {
      holds.put(h.holdId(), h);
    }
    publishOperations(changes.operations(), changes.transfers());
  }

  private void publishTransfers(List<Transfer> transfers) {
    long maxSequence = -1;
    for (Transfer t : transfers) {
      journal.put(t.sequence(), t);
      byAccount.computeIfAbsent(t.debit(), k -> new ConcurrentLinkedQueue<>()).add(t);
      byAccount.computeIfAbsent(t.credit(), k -> new ConcurrentLinkedQueue<>()).add(t);
      maxSequence = Math.max(maxSequence, t.sequence());
    }
    if (maxSequence >= 0) {
      long next = maxSequence + 1;
      long current;
      while ((current = sequence.get()) < next && !sequence.compareAndSet(current, next)) {
        Thread.onSpinWait();
      }
    }
  }

  /** Idempotency records last: a receipt is only visible once its effects are. */
  private void publishOperations(List<OperationRecord> ops, List<Transfer> transfers) {
    for (OperationRecord op : ops) {
      List<Transfer> legs;
      if (ops.size() == 1 && allOf(transfers, op.operationId())) {
        legs = List.copyOf(transfers);
      } else {
        List<Transfer> mine = new ArrayList<>();
        for (Transfer t : transfers) {
          if (t.operationId().equals(op.operationId())) {
            mine.add(t);
          }
        }
        legs = List.copyOf(mine);
      }
      operations.put(op.operationId(), new Applied(op, legs));
    }
  }

  private static boolean allOf(List<Transfer> transfers, String operationId) {
    for (Transfer t : transfers) {
      if (!t.operationId().equals(operationId)) {
        return false;
      }
    }
    return true;
  }

  /**
   * The whole state as one change set (journal, balances, operations, …). Only meaningful while no
   * transaction runs (start-up, shutdown, compaction).
   */
  public ChangeSet exportState() {
    List<AccountBalance> b = new ArrayList<>();
    balances.forEach((k, v) -> b.add(new AccountBalance(k, v)));
    List<ChangeSet.Marker> m = new ArrayList<>();
    markers.forEach((k, v) -> {
      int hash = k.indexOf('#');
      m.add(new ChangeSet.Marker(AccountId.parse(k.substring(0, hash)), k.substring(hash + 1), v));
    });
    List<ChangeSet.Inventory> inv = new ArrayList<>();
    inventory.forEach((k, v) -> {
      int hash = k.indexOf('#');
      inv.add(new ChangeSet.Inventory(AccountId.parse(k.substring(0, hash)), k.substring(hash + 1), v));
    });
    List<OperationRecord> ops = new ArrayList<>(operations.size());
    operations.forEach((k, v) -> ops.add(v.record()));
    return new ChangeSet(b, List.copyOf(journal.values()), ops, m,
        List.copyOf(items.values()), inv, List.copyOf(holds.values()));
  }

  @Override
  public OptionalLong balance(AccountId account) {
    Long b = balances.get(account);
    return b == null ? OptionalLong.empty() : OptionalLong.of(b);
  }

  @Override
  public List<AccountBalance> leaderboard(String guild, int offset, int limit) {
    return balances.entrySet().stream()
        .filter(e -> e.getKey().guild().equals(guild) && !e.getKey().isSystem())
        .map(e -> new AccountBalance(e.getKey(), e.getValue()))
        .sorted(Comparator.comparingLong(AccountBalance::balance).reversed()
            .thenComparing(AccountBalance::account))
        .skip(offset).limit(limit).toList();
  }

  @Override
  public List<AccountBalance> balances() {
    List<AccountBalance> out = new ArrayList<>();
    balances.forEach((k, v) -> out.add(new AccountBalance(k, v)));
    out.sort(Comparator.comparing(AccountBalance::account));
    return out;
  }

  @Override
  public List<Transfer> journal(AccountId account, Instant from, Instant to) {
    ConcurrentLinkedQueue<Transfer> q = byAccount.get(account);
    if (q == null) {
      return List.of();
    }
    return q.stream()
        .filter(t -> !t.timestamp().isBefore(from) && t.timestamp().isBefore(to))
        .sorted(Comparator.comparingLong(Transfer::sequence)).toList();
  }

  @Override
  public List<Transfer> journalAfter(long afterSequence, int limit) {
    return journal.tailMap(afterSequence, false).values().stream().limit(limit).toList();
  }

  @Override
  public Optional<Receipt> receipt(String operationId) {
    Applied applied = operations.get(operationId);
    if (applied == null) {
      return Optional.empty();
    }
    return Optional.of(toReceipt(applied.record(), applied.transfers()));
  }

  @Override
  public Optional<Hold> hold(String holdId) {
    return Optional.ofNullable(holds.get(holdId));
  }

  @Override
  public List<Hold> holds(HoldState state) {
    return holds.values().stream().filter(h -> h.state() == state)
        .sorted(Comparator.comparing(Hold::createdAt).thenComparing(Hold::holdId)).toList();
  }

  @Override
  public Optional<ShopItem> shopItem(String guild, String sku) {
    return Optional.ofNullable(items.get(guild + "/" + sku));
  }

  @Override
  public long inventory(AccountId account, String sku) {
    return inventory.getOrDefault(inventoryKey(account, sku), 0L);
  }

  @Override
  public List<ChangeSet.Inventory> inventories() {
    List<ChangeSet.Inventory> out = new ArrayList<>();
    inventory.forEach((k, v) -> {
      if (v > 0) {
        int hash = k.indexOf('#');
        out.add(new ChangeSet.Inventory(AccountId.parse(k.substring(0, hash)), k.substring(hash + 1), v));
      }
    });
    return out;
  }

  static Receipt toReceipt(OperationRecord op, List<Transfer> transfers) {
    return new Receipt(op.operationId(), op.kind(), op.request(), op.outcome(), op.appliedAt(), transfers);
  }

  private static String markerKey(AccountId account, String name) {
    return account.key() + "#" + name;
  }

  private static String inventoryKey(AccountId account, String sku) {
    return account.key() + "#" + sku;
  }

  /**
   * Staged writes of one transaction. Confined to the transaction's thread. Maps are created on
   * first use (a transfer stages only balances, two journal entries and one operation record).
   */
  private final class Tx implements LedgerTransaction {
    private final Set<String> keys;
    /** Accounts whose lock key was already found in {@link #keys} (compared by identity). */
    private final AccountId[] guarded = new AccountId[4];
    private int guardedCount;
    private @Nullable Map<AccountId, Long> stagedBalances;
    private @Nullable List<Transfer> stagedTransfers;
    private @Nullable List<OperationRecord> stagedOperations;
    private @Nullable Map<String, ChangeSet.Marker> stagedMarkers;
    private @Nullable Map<String, ShopItem> stagedItems;
    private @Nullable Map<String, ChangeSet.Inventory> stagedInventory;
    private @Nullable Map<String, Hold> stagedHolds;

    Tx(Set<String> keys) {
      this.keys = keys;
    }

    private void guard(String key) {
      if (!keys.contains(key)) {
        throw new IllegalStateException("transaction touches " + key + " without holding its lock");
      }
    }

    /** {@code guard(LockKeys.account(account))}, remembering accounts already checked. */
    private void guard(AccountId account) {
      for (int i = 0; i < guardedCount; i++) {
        if (guarded[i] == account) {
          return;
        }
      }
      guard(LockKeys.account(account));
      if (guardedCount < guarded.length) {
        guarded[guardedCount++] = account;
      }
    }

    @Override
    public Optional<Receipt> receipt(String operationId) {
      guard(LockKeys.operation(operationId));
      return InMemoryLedgerStore.this.receipt(operationId);
    }

    @Override
    public void recordOperation(String operationId, OperationKind kind, String request, String outcome, Instant at) {
      guard(LockKeys.operation(operationId));
      if (stagedOperations == null) {
        stagedOperations = new ArrayList<>(1);
      }
      stagedOperations.add(new OperationRecord(operationId, kind, request, outcome, at));
    }

    @Override
    public OptionalLong balance(AccountId account) {
      guard(account);
      Long staged = stagedBalances == null ? null : stagedBalances.get(account);
      return staged != null ? OptionalLong.of(staged) : InMemoryLedgerStore.this.balance(account);
    }

    private Map<AccountId, Long> balancesToStage() {
      if (stagedBalances == null) {
        stagedBalances = new LinkedHashMap<>(8);
      }
      return stagedBalances;
    }

    @Override
    public void createAccount(AccountId account, Instant at) {
      guard(account);
      if (balance(account).isPresent()) {
        throw new IllegalStateException("account exists: " + account);
      }
      balancesToStage().put(account, 0L);
    }

    @Override
    public void setBalance(AccountId account, long balance) {
      guard(account);
      if (balance(account).isEmpty()) {
        throw new NoSuchAccountException(account);
      }
      balancesToStage().put(account, balance);
    }

    @Override
    public Transfer append(String operationId, OperationKind kind, AccountId debit, AccountId credit, long amount,
        Instant at) {
      guard(debit);
      guard(credit);
      Transfer t = new Transfer(sequence.getAndIncrement(), operationId, kind, debit, credit, amount, at);
      if (stagedTransfers == null) {
        stagedTransfers = new ArrayList<>(4);
      }
      stagedTransfers.add(t);
      return t;
    }

    @Override
    public Optional<Instant> marker(AccountId account, String name) {
      guard(account);
      ChangeSet.Marker staged = stagedMarkers == null ? null : stagedMarkers.get(markerKey(account, name));
      return staged != null ? Optional.of(staged.at()) : Optional.ofNullable(markers.get(markerKey(account, name)));
    }

    @Override
    public void setMarker(AccountId account, String name, Instant at) {
      guard(account);
      if (stagedMarkers == null) {
        stagedMarkers = new HashMap<>();
      }
      stagedMarkers.put(markerKey(account, name), new ChangeSet.Marker(account, name, at));
    }

    @Override
    public Optional<ShopItem> shopItem(String guild, String sku) {
      guard(LockKeys.item(guild, sku));
      ShopItem staged = stagedItems == null ? null : stagedItems.get(guild + "/" + sku);
      return staged != null ? Optional.of(staged) : InMemoryLedgerStore.this.shopItem(guild, sku);
    }

    @Override
    public void putShopItem(ShopItem item) {
      guard(LockKeys.item(item.guild(), item.sku()));
      if (stagedItems == null) {
        stagedItems = new HashMap<>();
      }
      stagedItems.put(item.guild() + "/" + item.sku(), item);
    }

    @Override
    public long inventory(AccountId account, String sku) {
      guard(account);
      ChangeSet.Inventory staged = stagedInventory == null ? null : stagedInventory.get(inventoryKey(account, sku));
      return staged != null ? staged.quantity() : InMemoryLedgerStore.this.inventory(account, sku);
    }

    @Override
    public void setInventory(AccountId account, String sku, long quantity) {
      guard(account);
      if (stagedInventory == null) {
        stagedInventory = new HashMap<>();
      }
      stagedInventory.put(inventoryKey(account, sku), new ChangeSet.Inventory(account, sku, quantity));
    }

    @Override
    public Optional<Hold> hold(String holdId) {
      guard(LockKeys.hold(holdId));
      Hold staged = stagedHolds == null ? null : stagedHolds.get(holdId);
      return staged != null ? Optional.of(staged) : InMemoryLedgerStore.this.hold(holdId);
    }

    @Override
    public void putHold(Hold hold) {
      guard(LockKeys.hold(hold.holdId()));
      if (stagedHolds == null) {
        stagedHolds = new HashMap<>();
      }
      stagedHolds.put(hold.holdId(), hold);
    }

    boolean isEmpty() {
      return stagedBalances == null && stagedTransfers == null && stagedOperations == null && stagedMarkers == null
          && stagedItems == null && stagedInventory == null && stagedHolds == null;
    }

    /**
     * Publishes the staged writes directly (no {@link ChangeSet} is built when there is no commit
     * log), in the same order as {@link #apply}.
     */
    void publish() {
      if (stagedBalances != null) {
        balances.putAll(stagedBalances);
      }
      List<Transfer> transfers = stagedTransfers == null ? List.of() : stagedTransfers;
      publishTransfers(transfers);
      if (stagedMarkers != null) {
        stagedMarkers.forEach((k, m) -> markers.put(k, m.at()));
      }
      if (stagedItems != null) {
        items.putAll(stagedItems);
      }
      if (stagedInventory != null) {
        stagedInventory.forEach((k, i) -> inventory.put(k, i.quantity()));
      }
      if (stagedHolds != null) {
        holds.putAll(stagedHolds);
      }
      if (stagedOperations != null) {
        publishOperations(stagedOperations, transfers);
      }
    }

    ChangeSet changes() {
      List<AccountBalance> b = new ArrayList<>(stagedBalances == null ? 0 : stagedBalances.size());
      if (stagedBalances != null) {
        stagedBalances.forEach((k, v) -> b.add(new AccountBalance(k, v)));
      }
      return new ChangeSet(b, orEmpty(stagedTransfers), orEmpty(stagedOperations), values(stagedMarkers),
          values(stagedItems), values(stagedInventory), values(stagedHolds));
    }
  }

  private static <T> List<T> orEmpty(@Nullable List<T> list) {
    return list == null ? List.of() : list;
  }

  private static <T> List<T> values(@Nullable Map<String, T> map) {
    return map == null ? List.of() : List.copyOf(map.values());
  }
}
