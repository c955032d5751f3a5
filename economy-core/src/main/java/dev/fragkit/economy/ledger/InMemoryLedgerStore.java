package dev.fragkit.economy.ledger;

import dev.fragkit.economy.lock.KeyedLockManager;
import java.time.Duration;
import java.time.Instant;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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
 * <p>Retained layout (the store keeps every journal entry and receipt): one state object per
 * account (balance, lock key, and a growable array of the journal slots of its legs); a journal
 * indexed by sequence in chunks of parallel arrays ({@link LegJournal}: no object per leg); one
 * compact record per applied operation, which is also the shared origin (id, kind, time) of its
 * legs, whose {@link Transfer}s and {@link Receipt} are rebuilt when read. Journal sequences are
 * limited to {@link Integer#MAX_VALUE}.
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

  /** Largest journal sequence this store can hold. */
  static final long MAX_SEQUENCE = Integer.MAX_VALUE;

  private final KeyedLockManager<String> locks;
  private final CommitLog log;
  private final ConcurrentHashMap<AccountId, Account> accounts = new ConcurrentHashMap<>();
  /** Slot {@code sequence - 1} holds the leg with that sequence. */
  private final LegJournal<Origin, Account> journal = new LegJournal<>();
  /** Idempotency records (with the journal slots of their legs), published after their effects. */
  private final ConcurrentHashMap<String, Applied> operations = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, Instant> markers = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, ShopItem> items = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, Long> inventory = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, Hold> holds = new ConcurrentHashMap<>();
  /** The next sequence to hand out. */
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

  // ---------------------------------------------------------------- retained layout

  /**
   * One account: its balance (present once {@link #exists}), its lock key and the journal slots of
   * its legs in commit order. Written only under the account's lock (or during recovery).
   */
  private static final class Account {
    final AccountId id;
    final String lockKey;
    final SlotIndex legs = new SlotIndex();
    volatile long balance;
    /** Written after {@link #balance} when the account is created. */
    volatile boolean exists;

    Account(AccountId id) {
      this.id = id;
      this.lockKey = LockKeys.account(id);
    }
  }

  /** What the legs of one operation share. Immutable. */
  private static class Origin {
    final String operationId;
    final OperationKind kind;
    final long epochSecond;
    final int nano;

    Origin(String operationId, OperationKind kind, Instant at) {
      this.operationId = operationId;
      this.kind = kind;
      this.epochSecond = at.getEpochSecond();
      this.nano = at.getNano();
    }

    final Instant at() {
      return Instant.ofEpochSecond(epochSecond, nano);
    }

    final boolean matches(Transfer t) {
      Instant at = t.timestamp();
      return t.kind() == kind && at.getEpochSecond() == epochSecond && at.getNano() == nano
          && t.operationId().equals(operationId);
    }
  }

  /**
   * An applied operation: its idempotency record and the journal slots of its legs. It is the
   * {@link Origin} of those legs whose kind and time are its own (all of them, for the ledger's
   * operations). This compact form (40 bytes) is an operation with at most one leg whose request
   * is the canonical one of {@link Requests} (transfers, credits); {@link WideApplied} holds the
   * rest. Immutable.
   */
  private static class Applied extends Origin {
    final String outcome;
    /** Slot of the first leg, -1 when none. */
    final int firstSlot;

    Applied(OperationRecord op, int firstSlot) {
      super(op.operationId(), op.kind(), op.appliedAt());
      this.outcome = op.outcome();
      this.firstSlot = firstSlot;
    }

    /**
     * The record of {@code op} whose legs are in {@code slots[0..count)} ({@code only} is its leg
     * when it has exactly one).
     */
    static Applied of(OperationRecord op, int firstSlot, int @Nullable [] slots, int count, @Nullable Transfer only) {
      if (count <= 1 && only != null
          && Requests.isCanonical(op.request(), op.kind(), only.debit(), only.credit(), only.amount())) {
        return new Applied(op, firstSlot);
      }
      int[] more = count <= 1 || slots == null ? WideApplied.NO_SLOTS : Arrays.copyOfRange(slots, 1, count);
      return new WideApplied(op, count == 0 ? -1 : firstSlot, more);
    }

    /** Null when the request is the canonical one of the only leg. */
    @Nullable String request() {
      return null;
    }

    int legCount() {
      return firstSlot < 0 ? 0 : 1;
    }

    int slot(int i) {
      Objects.checkIndex(i, legCount());
      return firstSlot;
    }
  }

  /** An applied operation with its request text and any number of legs. Immutable. */
  private static final class WideApplied extends Applied {
    static final int[] NO_SLOTS = new int[0];

    private final String request;
    /** Slots of the legs after the first. */
    private final int[] moreSlots;

    WideApplied(OperationRecord op, int firstSlot, int[] moreSlots) {
      super(op, firstSlot);
      this.request = op.request();
      this.moreSlots = moreSlots;
    }

    @Override
    String request() {
      return request;
    }

    @Override
    int legCount() {
      return firstSlot < 0 ? 0 : 1 + moreSlots.length;
    }

    @Override
    int slot(int i) {
      Objects.checkIndex(i, legCount());
      return i == 0 ? firstSlot : moreSlots[i - 1];
    }
  }

  // ---------------------------------------------------------------- transactions and publication

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
   *
   * @throws StoreException when a transfer's sequence is outside 1..{@link Integer#MAX_VALUE}
   */
  public void apply(ChangeSet changes) {
    for (AccountBalance b : changes.balances()) {
      publishBalance(account(b.account()), b.balance());
    }
    Transfer[] transfers = changes.transfers().toArray(NO_LEGS);
    for (Transfer t : transfers) {
      if (t.sequence() < 1 || t.sequence() > MAX_SEQUENCE) {
        throw new StoreException("journal sequence " + t.sequence() + " of operation " + t.operationId()
            + " is outside 1.." + MAX_SEQUENCE, null);
      }
    }
    List<OperationRecord> ops = changes.operations();
    Applied[] applied = prepare(ops, transfers, transfers.length);
    publishLegs(transfers, transfers.length, applied);
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
    publishOperations(applied);
  }

  private Account account(AccountId id) {
    Account a = accounts.get(id);
    return a != null ? a : accounts.computeIfAbsent(id, Account::new);
  }

  private static void publishBalance(Account a, long balance) {
    a.balance = balance;
    if (!a.exists) {
      a.exists = true;
    }
  }

  /**
   * Builds the idempotency records of {@code ops}, each with the slots of the legs in {@code
   * transfers} carrying its operation id (in list order).
   */
  private static Applied[] prepare(List<OperationRecord> ops, Transfer[] transfers, int transferCount) {
    int n = ops.size();
    if (n == 0) {
      return NO_APPLIED;
    }
    Applied[] out = new Applied[n];
    if (n <= 4) {
      for (int o = 0; o < n; o++) {
        OperationRecord op = ops.get(o);
        int count = 0;
        int first = -1;
        int[] slots = null;
        Transfer only = null;
        for (int i = 0; i < transferCount; i++) {
          Transfer t = transfers[i];
          if (t.operationId().equals(op.operationId())) {
            int slot = (int) (t.sequence() - 1);
            if (count == 0) {
              first = slot;
              only = t;
            } else {
              if (slots == null) {
                slots = new int[transferCount];
                slots[0] = first;
              }
              slots[count] = slot;
            }
            count++;
          }
        }
        out[o] = Applied.of(op, first, slots, count, count == 1 ? only : null);
      }
      return out;
    }
    // many operations (a snapshot): group the legs by operation id first
    Map<String, List<Transfer>> byOperation = new HashMap<>();
    for (int i = 0; i < transferCount; i++) {
      Transfer t = transfers[i];
      byOperation.computeIfAbsent(t.operationId(), k -> new ArrayList<>(2)).add(t);
    }
    for (int o = 0; o < n; o++) {
      OperationRecord op = ops.get(o);
      List<Transfer> legs = byOperation.getOrDefault(op.operationId(), List.of());
      int[] slots = new int[legs.size()];
      for (int i = 0; i < slots.length; i++) {
        slots[i] = (int) (legs.get(i).sequence() - 1);
      }
      out[o] = Applied.of(op, slots.length == 0 ? -1 : slots[0], slots, slots.length,
          slots.length == 1 ? legs.get(0) : null);
    }
    return out;
  }

  private static final Applied[] NO_APPLIED = new Applied[0];

  /** Writes the legs to the journal and the account indexes. */
  private void publishLegs(Transfer[] transfers, int count, Applied[] applied) {
    Map<String, Applied> byId = null;
    if (applied.length > 4) {
      byId = new HashMap<>(applied.length * 2);
      for (Applied a : applied) {
        byId.put(a.operationId, a);
      }
    }
    long maxSequence = -1;
    for (int i = 0; i < count; i++) {
      Transfer t = transfers[i];
      Origin origin = null;
      if (byId != null) {
        Applied a = byId.get(t.operationId());
        if (a != null && a.matches(t)) {
          origin = a;
        }
      } else {
        for (Applied a : applied) {
          if (a.matches(t)) {
            origin = a;
            break;
          }
        }
      }
      if (origin == null) {
        origin = new Origin(t.operationId(), t.kind(), t.timestamp());
      }
      int slot = (int) (t.sequence() - 1);
      Account debit = account(t.debit());
      Account credit = account(t.credit());
      journal.put(slot, origin, debit, credit, t.amount());
      debit.legs.add(slot);
      credit.legs.add(slot);
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
  private void publishOperations(Applied[] applied) {
    for (Applied a : applied) {
      operations.put(a.operationId, a);
    }
  }

  /**
   * The whole state as one change set (journal, balances, operations, …). Only meaningful while no
   * transaction runs (start-up, shutdown, compaction).
   */
  public ChangeSet exportState() {
    List<AccountBalance> b = new ArrayList<>();
    accounts.forEach((k, v) -> {
      if (v.exists) {
        b.add(new AccountBalance(k, v.balance));
      }
    });
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
    operations.forEach((k, v) -> ops.add(new OperationRecord(v.operationId, v.kind, request(v), v.outcome, v.at())));
    List<Transfer> transfers = new ArrayList<>();
    journal.scan(0, (slot, origin, debit, credit, amount) -> transfers.add(transfer(slot, origin, debit, credit, amount)));
    return new ChangeSet(b, transfers, ops, m, List.copyOf(items.values()), inv, List.copyOf(holds.values()));
  }

  // ---------------------------------------------------------------- reads

  private static Transfer transfer(int slot, Origin origin, Account debit, Account credit, long amount) {
    return new Transfer(slot + 1L, origin.operationId, origin.kind, debit.id, credit.id, amount, origin.at());
  }

  private @Nullable Transfer transferAt(int slot) {
    Transfer[] out = new Transfer[1];
    journal.read(slot, (s, origin, debit, credit, amount) -> {
      out[0] = transfer(s, origin, debit, credit, amount);
      return true;
    });
    return out[0];
  }

  @Override
  public OptionalLong balance(AccountId account) {
    Account a = accounts.get(account);
    return a == null || !a.exists ? OptionalLong.empty() : OptionalLong.of(a.balance);
  }

  @Override
  public List<AccountBalance> leaderboard(String guild, int offset, int limit) {
    List<AccountBalance> rows = new ArrayList<>();
    accounts.forEach((k, v) -> {
      if (v.exists && k.guild().equals(guild) && !k.isSystem()) {
        rows.add(new AccountBalance(k, v.balance));
      }
    });
    return rows.stream()
        .sorted(Comparator.comparingLong(AccountBalance::balance).reversed()
            .thenComparing(AccountBalance::account))
        .skip(offset).limit(limit).toList();
  }

  @Override
  public List<AccountBalance> balances() {
    List<AccountBalance> out = new ArrayList<>();
    accounts.forEach((k, v) -> {
      if (v.exists) {
        out.add(new AccountBalance(k, v.balance));
      }
    });
    out.sort(Comparator.comparing(AccountBalance::account));
    return out;
  }

  @Override
  public List<Transfer> journal(AccountId account, Instant from, Instant to) {
    Account a = accounts.get(account);
    if (a == null) {
      return List.of();
    }
    int[] slots = a.legs.snapshot();
    List<Transfer> out = new ArrayList<>();
    int last = -1;
    boolean sorted = true;
    for (int slot : slots) {
      Transfer t = transferAt(slot);
      if (t != null && !t.timestamp().isBefore(from) && t.timestamp().isBefore(to)) {
        sorted &= slot > last;
        last = slot;
        out.add(t);
      }
    }
    if (!sorted) {
      out.sort(Comparator.comparingLong(Transfer::sequence));
    }
    return out;
  }

  @Override
  public List<Transfer> journalAfter(long afterSequence, int limit) {
    if (limit < 0) {
      throw new IllegalArgumentException("limit < 0: " + limit);
    }
    List<Transfer> out = new ArrayList<>(Math.min(limit, 1024));
    if (limit == 0 || afterSequence >= MAX_SEQUENCE) {
      return out;
    }
    // sequence s lives in slot s - 1, so the first slot after afterSequence is afterSequence itself
    journal.scan(Math.max(0, afterSequence), (slot, origin, debit, credit, amount) -> {
      out.add(transfer(slot, origin, debit, credit, amount));
      return out.size() < limit;
    });
    return out;
  }

  @Override
  public Optional<Receipt> receipt(String operationId) {
    Applied a = operations.get(operationId);
    return a == null ? Optional.empty() : Optional.of(receipt(a));
  }

  private Receipt receipt(Applied a) {
    int n = a.legCount();
    List<Transfer> legs;
    if (n == 0) {
      legs = List.of();
    } else if (n == 1) {
      legs = List.of(leg(a, a.firstSlot));
    } else {
      Transfer[] all = new Transfer[n];
      for (int i = 0; i < n; i++) {
        all[i] = leg(a, a.slot(i));
      }
      legs = List.of(all);
    }
    String request = a.request();
    if (request == null) {
      Transfer only = legs.get(0);
      request = Objects.requireNonNull(Requests.rebuild(a.kind, only.debit(), only.credit(), only.amount()));
    }
    return new Receipt(a.operationId, a.kind, request, a.outcome, a.at(), legs);
  }

  /** The request of {@code a} as recorded. */
  private String request(Applied a) {
    String request = a.request();
    if (request != null) {
      return request;
    }
    Transfer only = leg(a, a.firstSlot);
    return Objects.requireNonNull(Requests.rebuild(a.kind, only.debit(), only.credit(), only.amount()));
  }

  /** A leg of a published operation (published before the operation, so it is present). */
  private Transfer leg(Applied a, int slot) {
    Transfer t = transferAt(slot);
    if (t == null) {
      throw new IllegalStateException("journal slot " + slot + " of operation " + a.operationId + " is empty");
    }
    return t;
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

  private static String markerKey(AccountId account, String name) {
    return account.key() + "#" + name;
  }

  private static String inventoryKey(AccountId account, String sku) {
    return account.key() + "#" + sku;
  }

  /**
   * Staged writes of one transaction. Confined to the transaction's thread. The accounts it touches
   * (usually two) live in small parallel arrays (looked up, lock-checked and staged once each);
   * other maps are created on first use.
   */
  private final class Tx implements LedgerTransaction {
    private static final byte STAGED = 1;

    private final Set<String> keys;
    private AccountId[] ids = new AccountId[2];
    private @Nullable Account[] states = new Account[2];
    private long[] staged = new long[2];
    private byte[] flags = new byte[2];
    private int accountCount;
    /** The last operation id whose lock key was checked (compared by identity). */
    private @Nullable String guardedOperation;
    private Transfer[] legs = NO_LEGS;
    private int legCount;
    /** The first operation recorded; later ones (if any) go to {@link #moreOperations}. */
    private @Nullable OperationRecord stagedOperation;
    private @Nullable List<OperationRecord> moreOperations;
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

    private void guardOperation(String operationId) {
      if (operationId != guardedOperation) {
        guard(LockKeys.operation(operationId));
        guardedOperation = operationId;
      }
    }

    /** Index of {@code account} in the touched-accounts arrays; checks its lock key the first time. */
    private int slot(AccountId account) {
      int n = accountCount;
      for (int i = 0; i < n; i++) {
        if (ids[i] == account) {
          return i;
        }
      }
      for (int i = 0; i < n; i++) {
        if (ids[i].equals(account)) {
          return i;
        }
      }
      Account state = accounts.get(account);
      guard(state != null ? state.lockKey : LockKeys.account(account));
      if (n == ids.length) {
        ids = Arrays.copyOf(ids, n * 2);
        states = Arrays.copyOf(states, n * 2);
        staged = Arrays.copyOf(staged, n * 2);
        flags = Arrays.copyOf(flags, n * 2);
      }
      ids[n] = account;
      states[n] = state;
      accountCount = n + 1;
      return n;
    }

    private boolean exists(int i) {
      Account a = states[i];
      return (flags[i] & STAGED) != 0 || (a != null && a.exists);
    }

    @Override
    public Optional<Receipt> receipt(String operationId) {
      guardOperation(operationId);
      return InMemoryLedgerStore.this.receipt(operationId);
    }

    @Override
    public void recordOperation(String operationId, OperationKind kind, String request, String outcome, Instant at) {
      guardOperation(operationId);
      OperationRecord op = new OperationRecord(operationId, kind, request, outcome, at);
      if (stagedOperation == null) {
        stagedOperation = op;
      } else {
        if (moreOperations == null) {
          moreOperations = new ArrayList<>(2);
          moreOperations.add(stagedOperation);
        }
        moreOperations.add(op);
      }
    }

    @Override
    public OptionalLong balance(AccountId account) {
      int i = slot(account);
      if ((flags[i] & STAGED) != 0) {
        return OptionalLong.of(staged[i]);
      }
      Account a = states[i];
      return a == null || !a.exists ? OptionalLong.empty() : OptionalLong.of(a.balance);
    }

    @Override
    public void createAccount(AccountId account, Instant at) {
      int i = slot(account);
      if (exists(i)) {
        throw new IllegalStateException("account exists: " + account);
      }
      staged[i] = 0;
      flags[i] |= STAGED;
    }

    @Override
    public void setBalance(AccountId account, long balance) {
      int i = slot(account);
      if (!exists(i)) {
        throw new NoSuchAccountException(account);
      }
      staged[i] = balance;
      flags[i] |= STAGED;
    }

    @Override
    public Transfer append(String operationId, OperationKind kind, AccountId debit, AccountId credit, long amount,
        Instant at) {
      slot(debit);
      slot(credit);
      long seq = sequence.getAndIncrement();
      if (seq > MAX_SEQUENCE) {
        throw new IllegalStateException("in-memory journal is full: sequence " + seq + " > " + MAX_SEQUENCE);
      }
      Transfer t = new Transfer(seq, operationId, kind, debit, credit, amount, at);
      if (legCount == legs.length) {
        legs = Arrays.copyOf(legs, Math.max(2, legCount * 2));
      }
      legs[legCount++] = t;
      return t;
    }

    @Override
    public Optional<Instant> marker(AccountId account, String name) {
      slot(account);
      ChangeSet.Marker staged = stagedMarkers == null ? null : stagedMarkers.get(markerKey(account, name));
      return staged != null ? Optional.of(staged.at()) : Optional.ofNullable(markers.get(markerKey(account, name)));
    }

    @Override
    public void setMarker(AccountId account, String name, Instant at) {
      slot(account);
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
      slot(account);
      ChangeSet.Inventory staged = stagedInventory == null ? null : stagedInventory.get(inventoryKey(account, sku));
      return staged != null ? staged.quantity() : InMemoryLedgerStore.this.inventory(account, sku);
    }

    @Override
    public void setInventory(AccountId account, String sku, long quantity) {
      slot(account);
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

    private boolean hasStagedBalances() {
      for (int i = 0; i < accountCount; i++) {
        if ((flags[i] & STAGED) != 0) {
          return true;
        }
      }
      return false;
    }

    boolean isEmpty() {
      return !hasStagedBalances() && legCount == 0 && stagedOperation == null && stagedMarkers == null
          && stagedItems == null && stagedInventory == null && stagedHolds == null;
    }

    /**
     * Publishes the staged writes directly (no {@link ChangeSet} is built when there is no commit
     * log), in the same order as {@link #apply}.
     */
    void publish() {
      for (int i = 0; i < accountCount; i++) {
        if ((flags[i] & STAGED) != 0) {
          Account a = states[i];
          publishBalance(a != null ? a : account(ids[i]), staged[i]);
        }
      }
      Applied[] applied = prepare(operations(), legs, legCount);
      publishLegs(legs, legCount, applied);
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
      publishOperations(applied);
    }

    private List<OperationRecord> operations() {
      return moreOperations != null ? moreOperations : stagedOperation != null ? List.of(stagedOperation) : List.of();
    }

    ChangeSet changes() {
      List<AccountBalance> b = new ArrayList<>(accountCount);
      for (int i = 0; i < accountCount; i++) {
        if ((flags[i] & STAGED) != 0) {
          b.add(new AccountBalance(ids[i], staged[i]));
        }
      }
      return new ChangeSet(b, new LegList(legs, legCount), operations(), values(stagedMarkers),
          values(stagedItems), values(stagedInventory), values(stagedHolds));
    }
  }

  private static final Transfer[] NO_LEGS = new Transfer[0];

  /** A read-only view of the first {@code size} staged legs. */
  private static final class LegList extends AbstractList<Transfer> {
    private final Transfer[] legs;
    private final int size;

    LegList(Transfer[] legs, int size) {
      this.legs = legs;
      this.size = size;
    }

    @Override
    public Transfer get(int index) {
      Objects.checkIndex(index, size);
      return legs[index];
    }

    @Override
    public int size() {
      return size;
    }
  }

  private static <T> List<T> values(@Nullable Map<String, T> map) {
    return map == null ? List.of() : List.copyOf(map.values());
  }
}
