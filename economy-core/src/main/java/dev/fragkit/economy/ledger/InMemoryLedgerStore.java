package dev.fragkit.economy.ledger;

import dev.fragkit.economy.lock.KeyedLockManager;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
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
 * indexed by sequence in chunks of parallel arrays ({@link LegJournal}: no object per leg). The
 * common operation, one leg with the canonical request and outcome {@code "ok"} (every ledger
 * transfer and credit), is stored <em>compactly</em>: its leg is its record (kind and time in the
 * leg's journal columns, the id's bytes in an {@link IdArena}, the request rebuilt from the leg on
 * read), and the idempotency index ({@link OpenTable}) maps its id to the leg's slot. Other
 * operations keep a {@link WideApplied} object. A ledger transfer thus retains about 80 bytes in
 * arrays and no object of its own, so young collections neither copy nor trace anything per
 * transfer. {@link Transfer}s and {@link Receipt}s are rebuilt when read. Journal sequences are
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
  /** Ids of the compact operations. */
  private final IdArena ids = new IdArena();
  private final Origin compactOrigin = new CompactOrigin();
  private final WideRecords wides = new WideRecords();
  /**
   * The idempotency index, operation id → handle ({@link #compactHandle}, {@link #wideHandle}),
   * published after the operation's effects.
   */
  private final OpenTable operations = new OpenTable(this::hasKey);
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

  /**
   * What the legs of one operation share: id, kind, time. Given the leg's slot, because the legs of
   * compact operations keep theirs in the journal's stamp and tag ({@link CompactOrigin}).
   */
  private abstract static class Origin {
    abstract String operationId(int slot);

    abstract OperationKind kind(int slot);

    abstract Instant at(int slot);
  }

  /**
   * An origin that holds its own id, kind and time: a {@link WideApplied}, or (made by {@link #of})
   * the origin of a leg that belongs to no operation record of its commit (not made by the ledger).
   * Immutable.
   */
  private static class FixedOrigin extends Origin {
    final String operationId;
    final OperationKind kind;
    final Instant at;

    FixedOrigin(String operationId, OperationKind kind, Instant at) {
      this.operationId = operationId;
      this.kind = kind;
      this.at = at;
    }

    static FixedOrigin of(Transfer t) {
      return new FixedOrigin(t.operationId(), t.kind(), t.timestamp());
    }

    @Override
    final String operationId(int slot) {
      return operationId;
    }

    @Override
    final OperationKind kind(int slot) {
      return kind;
    }

    @Override
    final Instant at(int slot) {
      return at;
    }
  }

  /**
   * The origin of every compact leg: the leg of a compact operation, whose record is the leg itself
   * (see {@link #compactLeg}). Its id is in {@link #ids}, at the address in the upper bits of the
   * leg's journal tag (kind ordinal in the low byte); its time, in epoch microseconds, is the
   * leg's stamp.
   */
  private final class CompactOrigin extends Origin {
    @Override
    String operationId(int slot) {
      return ids.get(journal.tag(slot) >>> 8);
    }

    @Override
    OperationKind kind(int slot) {
      return KINDS[(int) journal.tag(slot) & 0xFF];
    }

    @Override
    Instant at(int slot) {
      long micros = journal.stamp(slot);
      return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000), Math.floorMod(micros, 1_000_000) * 1000L);
    }
  }

  private static final OperationKind[] KINDS = OperationKind.values();
  private static final String OK = "ok";
  /** Epoch seconds whose microseconds fit a {@code long}. */
  private static final long MAX_MICROS_SECOND = Long.MAX_VALUE / 1_000_000 - 1;

  /**
   * The leg that makes an operation compact, or null when it is stored as a {@link WideApplied}.
   * Compact (every ledger transfer and credit): exactly one leg of the commit carries its id, with
   * its kind and time; the request is the canonical text of that leg ({@link Requests}, rebuilt on
   * read); the outcome is {@code "ok"}; the time is a whole microsecond; the id fits the {@link
   * IdArena}. A compact operation retains no object: its leg in the journal is its record.
   */
  private static @Nullable Transfer compactLeg(String operationId, OperationKind kind, String request, String outcome,
      Instant at, Legs legs) {
    long second = at.getEpochSecond();
    if (!outcome.equals(OK) || at.getNano() % 1000 != 0 || second <= -MAX_MICROS_SECOND
        || second >= MAX_MICROS_SECOND || !IdArena.fits(operationId)) {
      return null;
    }
    Transfer only = null;
    for (int i = 0, n = legs.legCount(); i < n; i++) {
      Transfer t = legs.leg(i);
      if (t.operationId().equals(operationId)) {
        if (only != null) {
          return null;
        }
        only = t;
      }
    }
    return only != null && only.kind() == kind && only.timestamp().equals(at)
        && Requests.isCanonical(request, kind, only.debit(), only.credit(), only.amount()) ? only : null;
  }

  /**
   * Any other applied operation: its idempotency record with request text, outcome and time, the
   * journal slots of its legs (those of its commit carrying its id), and the origin of those legs
   * whose kind and time are its own. Immutable.
   */
  private static final class WideApplied extends FixedOrigin {
    private static final int[] NO_SLOTS = new int[0];
    private final String request;
    private final String outcome;
    /** Slot of the first leg, -1 when none. */
    private final int firstSlot;
    /** Slots of the legs after the first. */
    private final int[] moreSlots;

    private WideApplied(OperationRecord op, int firstSlot, int[] moreSlots) {
      super(op.operationId(), op.kind(), op.appliedAt());
      this.request = op.request();
      this.outcome = op.outcome();
      this.firstSlot = firstSlot;
      this.moreSlots = moreSlots;
    }

    /** The record of {@code op}, whose legs are those of {@code legs} carrying its id. */
    static WideApplied of(OperationRecord op, Legs legs) {
      int n = legs.legCount();
      int count = 0;
      int first = -1;
      int[] slots = null;
      for (int i = 0; i < n; i++) {
        Transfer t = legs.leg(i);
        if (t.operationId().equals(op.operationId())) {
          int slot = (int) (t.sequence() - 1);
          if (count == 0) {
            first = slot;
          } else {
            if (slots == null) {
              slots = new int[n];
            }
            slots[count - 1] = slot;
          }
          count++;
        }
      }
      return new WideApplied(op, first, count <= 1 ? NO_SLOTS : Arrays.copyOf(slots, count - 1));
    }

    OperationRecord record() {
      return new OperationRecord(operationId, kind, request, outcome, at);
    }

    boolean hasKey(String key) {
      return operationId.equals(key);
    }

    /** True when {@code t} carries this operation's id, kind and time. */
    boolean matches(Transfer t) {
      return t.kind() == kind && t.timestamp().equals(at) && operationId.equals(t.operationId());
    }

    int legCount() {
      return firstSlot < 0 ? 0 : 1 + moreSlots.length;
    }

    int slot(int i) {
      Objects.checkIndex(i, legCount());
      return i == 0 ? firstSlot : moreSlots[i - 1];
    }
  }

  /**
   * The wide records, by index, for handles of the idempotency table. Appends are serialised (wide
   * records are the rarer kind); reads take no lock: an element is written with release semantics
   * before its index is handed out, and the array is republished (volatile) when it grows.
   */
  private static final class WideRecords {
    private static final VarHandle ELEMENT = MethodHandles.arrayElementVarHandle(Object[].class);
    private volatile Object[] records = new Object[16];
    private int count;

    synchronized int add(WideApplied record) {
      Object[] r = records;
      if (count == r.length) {
        if (count == Integer.MAX_VALUE - 8) {
          throw new IllegalStateException("wide records full: " + count);
        }
        r = Arrays.copyOf(r, (int) Math.min(Integer.MAX_VALUE - 8, count * 2L));
        records = r;
      }
      ELEMENT.setRelease(r, count, record);
      return count++;
    }

    WideApplied get(int index) {
      return (WideApplied) Objects.requireNonNull(ELEMENT.getAcquire(records, index), "wide record");
    }
  }

  /** Idempotency-table handle of a compact operation: its leg's journal slot + 1 (positive). */
  private static int compactHandle(Transfer leg) {
    return (int) leg.sequence();
  }

  /** Idempotency-table handle of the wide record with index {@code index}: negative. */
  private static int wideHandle(int index) {
    return -(index + 1);
  }

  private boolean hasKey(int handle, String key) {
    return handle > 0 ? ids.matches(journal.tag(handle - 1) >>> 8, key) : wides.get(-handle - 1).hasKey(key);
  }

  /** Random access to the legs of one commit. */
  private interface Legs {
    int legCount();

    Transfer leg(int i);
  }

  private static Legs legsOf(List<Transfer> list) {
    return new Legs() {
      @Override
      public int legCount() {
        return list.size();
      }

      @Override
      public Transfer leg(int i) {
        return list.get(i);
      }
    };
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
    List<Transfer> transfers = changes.transfers();
    for (Transfer t : transfers) {
      if (t.sequence() < 1 || t.sequence() > MAX_SEQUENCE) {
        throw new StoreException("journal sequence " + t.sequence() + " of operation " + t.operationId()
            + " is outside 1.." + MAX_SEQUENCE, null);
      }
    }
    Legs legs = legsOf(transfers);
    Plan[] plans = prepare(changes.operations(), transfers, legs);
    publishLegs(legs, plans);
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
    publishOperations(plans);
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

  /** How one operation is published: on its compact leg (see {@link #compactLeg}), or as a wide record. */
  private record Plan(String operationId, @Nullable Transfer compactLeg, @Nullable WideApplied wide) {
    static Plan of(OperationRecord op, Legs legs) {
      Transfer compact = InMemoryLedgerStore.compactLeg(op.operationId(), op.kind(), op.request(), op.outcome(),
          op.appliedAt(), legs);
      return new Plan(op.operationId(), compact, compact != null ? null : WideApplied.of(op, legs));
    }

    /** The origin of {@code t} if it is a leg of this operation's wide record, else null. */
    @Nullable Origin wideOrigin(Transfer t) {
      return wide != null && wide.matches(t) ? wide : null;
    }
  }

  /**
   * Plans the publication of {@code ops}, each with the legs in {@code transfers} carrying its
   * operation id (in list order); {@code legs} are those transfers.
   */
  private static Plan[] prepare(List<OperationRecord> ops, List<Transfer> transfers, Legs legs) {
    int n = ops.size();
    Plan[] out = new Plan[n];
    if (n <= 4) {
      for (int o = 0; o < n; o++) {
        out[o] = Plan.of(ops.get(o), legs);
      }
      return out;
    }
    // many operations (a snapshot): group the legs by operation id first
    Map<String, List<Transfer>> byOperation = new HashMap<>();
    for (Transfer t : transfers) {
      byOperation.computeIfAbsent(t.operationId(), k -> new ArrayList<>(2)).add(t);
    }
    for (int o = 0; o < n; o++) {
      OperationRecord op = ops.get(o);
      out[o] = Plan.of(op, legsOf(byOperation.getOrDefault(op.operationId(), List.of())));
    }
    return out;
  }

  /** Writes the legs to the journal and the account indexes, each with its operation as origin. */
  private void publishLegs(Legs legs, Plan[] plans) {
    Map<String, Plan> byId = null;
    if (plans.length > 4) {
      byId = new HashMap<>(plans.length * 2);
      for (Plan p : plans) {
        byId.put(p.operationId(), p);
      }
    }
    long maxSequence = -1;
    int n = legs.legCount();
    for (int i = 0; i < n; i++) {
      Transfer t = legs.leg(i);
      Plan plan = null;
      if (byId != null) {
        plan = byId.get(t.operationId());
      } else {
        for (Plan p : plans) {
          if (p.operationId().equals(t.operationId())) {
            plan = p;
            break;
          }
        }
      }
      Account debit = account(t.debit());
      Account credit = account(t.credit());
      if (plan != null && plan.compactLeg() == t) {
        publishCompactLeg(t, debit, credit);
      } else {
        Origin wide = plan == null ? null : plan.wideOrigin(t);
        publishLeg(t, wide != null ? wide : FixedOrigin.of(t), debit, credit);
      }
      maxSequence = Math.max(maxSequence, t.sequence());
    }
    advanceSequence(maxSequence);
  }

  private void publishLeg(Transfer t, Origin origin, Account debit, Account credit) {
    int slot = (int) (t.sequence() - 1);
    journal.put(slot, origin, debit, credit, t.amount());
    debit.legs.add(slot);
    credit.legs.add(slot);
  }

  /** Publishes the leg of a compact operation: its id to the arena, its kind and time to the journal. */
  private void publishCompactLeg(Transfer t, Account debit, Account credit) {
    int slot = (int) (t.sequence() - 1);
    Instant at = t.timestamp();
    long micros = at.getEpochSecond() * 1_000_000 + at.getNano() / 1000;
    journal.put(slot, compactOrigin, debit, credit, t.amount(), micros, ids.add(t.operationId()) << 8 | t.kind().ordinal());
    debit.legs.add(slot);
    credit.legs.add(slot);
  }

  /** Makes sure the next sequence handed out is above {@code maxSequence}. */
  private void advanceSequence(long maxSequence) {
    if (maxSequence >= 0) {
      long next = maxSequence + 1;
      long current;
      while ((current = sequence.get()) < next && !sequence.compareAndSet(current, next)) {
        Thread.onSpinWait();
      }
    }
  }

  /** Idempotency records last: a receipt is only visible once its effects are. */
  private void publishOperations(Plan[] plans) {
    for (Plan p : plans) {
      WideApplied wide = p.wide();
      operations.put(p.operationId(), wide == null ? compactHandle(Objects.requireNonNull(p.compactLeg()))
          : wideHandle(wides.add(wide)));
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
    operations.forEach(handle -> ops.add(record(handle)));
    List<Transfer> transfers = new ArrayList<>();
    journal.scan(0, (slot, origin, debit, credit, amount) -> transfers.add(transfer(slot, origin, debit, credit, amount)));
    return new ChangeSet(b, transfers, ops, m, List.copyOf(items.values()), inv, List.copyOf(holds.values()));
  }

  // ---------------------------------------------------------------- reads

  private static Transfer transfer(int slot, Origin origin, Account debit, Account credit, long amount) {
    return new Transfer(slot + 1L, origin.operationId(slot), origin.kind(slot), debit.id, credit.id, amount,
        origin.at(slot));
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
    int handle = operations.get(operationId);
    return handle == OpenTable.NONE ? Optional.empty() : Optional.of(receipt(handle));
  }

  private Receipt receipt(int handle) {
    if (handle > 0) {
      Transfer only = leg(handle - 1);
      return new Receipt(only.operationId(), only.kind(), canonicalRequest(only), OK, only.timestamp(), List.of(only));
    }
    WideApplied a = wides.get(-handle - 1);
    int n = a.legCount();
    List<Transfer> legs;
    if (n == 0) {
      legs = List.of();
    } else if (n == 1) {
      legs = List.of(leg(a.slot(0)));
    } else {
      Transfer[] all = new Transfer[n];
      for (int i = 0; i < n; i++) {
        all[i] = leg(a.slot(i));
      }
      legs = List.of(all);
    }
    return new Receipt(a.operationId, a.kind, a.request, a.outcome, a.at, legs);
  }

  /** The idempotency record that {@code handle} names. */
  private OperationRecord record(int handle) {
    if (handle > 0) {
      Transfer only = leg(handle - 1);
      return new OperationRecord(only.operationId(), only.kind(), canonicalRequest(only), OK, only.timestamp());
    }
    return wides.get(-handle - 1).record();
  }

  private static String canonicalRequest(Transfer only) {
    return Objects.requireNonNull(Requests.rebuild(only.kind(), only.debit(), only.credit(), only.amount()));
  }

  /** The leg in {@code slot} of a published operation (published before the operation, so it is present). */
  private Transfer leg(int slot) {
    Transfer t = transferAt(slot);
    if (t == null) {
      throw new IllegalStateException("journal slot " + slot + " of a published operation is empty");
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
   * are looked up, lock-checked and staged once each; the first two (all of them, for a transfer)
   * live in fields, more in arrays. The first operation record and leg are fields too; other
   * staging maps are created on first use.
   */
  private final class Tx implements LedgerTransaction, Legs {
    private final Set<String> keys;
    private int accountCount;
    private @Nullable AccountId id0;
    private @Nullable AccountId id1;
    private @Nullable Account state0;
    private @Nullable Account state1;
    private long staged0;
    private long staged1;
    private boolean isStaged0;
    private boolean isStaged1;
    /** Accounts 2.. (rare: holds touch three). */
    private AccountId @Nullable [] moreIds;
    private @Nullable Account @Nullable [] moreStates;
    private long @Nullable [] moreStaged;
    private boolean @Nullable [] moreIsStaged;
    /** The last operation id whose lock key was checked (compared by identity). */
    private @Nullable String guardedOperation;
    private int legCount;
    private @Nullable Transfer leg0;
    private Transfer @Nullable [] moreLegs;
    /** The first operation recorded (fields, not a record); later ones go to {@link #moreOperations}. */
    private @Nullable String opId;
    private @Nullable OperationKind opKind;
    private @Nullable String opRequest;
    private @Nullable String opOutcome;
    private @Nullable Instant opAt;
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

    // -------------------------------------------------------------- touched accounts

    private AccountId idAt(int i) {
      return Objects.requireNonNull(i == 0 ? id0 : i == 1 ? id1 : Objects.requireNonNull(moreIds)[i - 2]);
    }

    private @Nullable Account stateAt(int i) {
      return i == 0 ? state0 : i == 1 ? state1 : Objects.requireNonNull(moreStates)[i - 2];
    }

    private boolean isStaged(int i) {
      return i == 0 ? isStaged0 : i == 1 ? isStaged1 : Objects.requireNonNull(moreIsStaged)[i - 2];
    }

    private long stagedAt(int i) {
      return i == 0 ? staged0 : i == 1 ? staged1 : Objects.requireNonNull(moreStaged)[i - 2];
    }

    private void stage(int i, long balance) {
      if (i == 0) {
        staged0 = balance;
        isStaged0 = true;
      } else if (i == 1) {
        staged1 = balance;
        isStaged1 = true;
      } else {
        Objects.requireNonNull(moreStaged)[i - 2] = balance;
        Objects.requireNonNull(moreIsStaged)[i - 2] = true;
      }
    }

    /** Index of {@code account} among the touched accounts; checks its lock key the first time. */
    private int slot(AccountId account) {
      int n = accountCount;
      if (n > 0 && id0 == account) {
        return 0;
      }
      if (n > 1 && id1 == account) {
        return 1;
      }
      for (int i = 0; i < n; i++) {
        if (idAt(i).equals(account)) {
          return i;
        }
      }
      Account state = accounts.get(account);
      guard(state != null ? state.lockKey : LockKeys.account(account));
      if (n == 0) {
        id0 = account;
        state0 = state;
      } else if (n == 1) {
        id1 = account;
        state1 = state;
      } else {
        int j = n - 2;
        if (moreIds == null || j == moreIds.length) {
          int size = moreIds == null ? 2 : moreIds.length * 2;
          moreIds = moreIds == null ? new AccountId[size] : Arrays.copyOf(moreIds, size);
          moreStates = moreStates == null ? new Account[size] : Arrays.copyOf(moreStates, size);
          moreStaged = moreStaged == null ? new long[size] : Arrays.copyOf(moreStaged, size);
          moreIsStaged = moreIsStaged == null ? new boolean[size] : Arrays.copyOf(moreIsStaged, size);
        }
        moreIds[j] = account;
        Objects.requireNonNull(moreStates)[j] = state;
      }
      accountCount = n + 1;
      return n;
    }

    /** The state object of touched account {@code i}, created (without a balance) if it has none yet. */
    private Account resolved(int i) {
      Account a = stateAt(i);
      if (a == null) {
        a = account(idAt(i));
        if (i == 0) {
          state0 = a;
        } else if (i == 1) {
          state1 = a;
        } else {
          Objects.requireNonNull(moreStates)[i - 2] = a;
        }
      }
      return a;
    }

    private boolean exists(int i) {
      if (isStaged(i)) {
        return true;
      }
      Account a = stateAt(i);
      return a != null && a.exists;
    }

    // -------------------------------------------------------------- LedgerTransaction

    @Override
    public Optional<Receipt> receipt(String operationId) {
      guardOperation(operationId);
      return InMemoryLedgerStore.this.receipt(operationId);
    }

    @Override
    public void recordOperation(String operationId, OperationKind kind, String request, String outcome, Instant at) {
      guardOperation(operationId);
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(request, "request");
      Objects.requireNonNull(outcome, "outcome");
      Objects.requireNonNull(at, "at");
      if (opId == null && moreOperations == null) {
        opId = operationId;
        opKind = kind;
        opRequest = request;
        opOutcome = outcome;
        opAt = at;
        return;
      }
      if (moreOperations == null) {
        moreOperations = new ArrayList<>(4);
        moreOperations.add(firstOperation());
        opId = null;
      }
      moreOperations.add(new OperationRecord(operationId, kind, request, outcome, at));
    }

    private OperationRecord firstOperation() {
      return new OperationRecord(Objects.requireNonNull(opId), Objects.requireNonNull(opKind),
          Objects.requireNonNull(opRequest), Objects.requireNonNull(opOutcome), Objects.requireNonNull(opAt));
    }

    private List<OperationRecord> operations() {
      return moreOperations != null ? moreOperations : opId != null ? List.of(firstOperation()) : List.of();
    }

    @Override
    public OptionalLong balance(AccountId account) {
      int i = slot(account);
      if (isStaged(i)) {
        return OptionalLong.of(stagedAt(i));
      }
      Account a = stateAt(i);
      return a == null || !a.exists ? OptionalLong.empty() : OptionalLong.of(a.balance);
    }

    @Override
    public void createAccount(AccountId account, Instant at) {
      int i = slot(account);
      if (exists(i)) {
        throw new IllegalStateException("account exists: " + account);
      }
      stage(i, 0);
    }

    @Override
    public void setBalance(AccountId account, long balance) {
      int i = slot(account);
      if (!exists(i)) {
        throw new NoSuchAccountException(account);
      }
      stage(i, balance);
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
      if (legCount == 0) {
        leg0 = t;
      } else {
        int j = legCount - 1;
        if (moreLegs == null || j == moreLegs.length) {
          moreLegs = moreLegs == null ? new Transfer[2] : Arrays.copyOf(moreLegs, moreLegs.length * 2);
        }
        moreLegs[j] = t;
      }
      legCount++;
      return t;
    }

    @Override
    public int legCount() {
      return legCount;
    }

    @Override
    public Transfer leg(int i) {
      Objects.checkIndex(i, legCount);
      return Objects.requireNonNull(i == 0 ? leg0 : Objects.requireNonNull(moreLegs)[i - 1]);
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

    // -------------------------------------------------------------- commit

    private boolean hasStagedBalances() {
      for (int i = 0; i < accountCount; i++) {
        if (isStaged(i)) {
          return true;
        }
      }
      return false;
    }

    boolean isEmpty() {
      return !hasStagedBalances() && legCount == 0 && opId == null && moreOperations == null
          && stagedMarkers == null && stagedItems == null && stagedInventory == null && stagedHolds == null;
    }

    /**
     * Publishes the staged writes directly (no {@link ChangeSet} is built when there is no commit
     * log), in the same order as {@link #apply}.
     */
    void publish() {
      for (int i = 0; i < accountCount; i++) {
        if (isStaged(i)) {
          publishBalance(resolved(i), stagedAt(i));
        }
      }
      Plan[] many = null;
      Transfer compact = null;
      WideApplied wide = null;
      if (moreOperations != null) {
        many = prepare(moreOperations, new LegList(this), this);
        publishLegs(this, many);
      } else {
        if (opId != null) {
          compact = compactLeg(opId, Objects.requireNonNull(opKind), Objects.requireNonNull(opRequest),
              Objects.requireNonNull(opOutcome), Objects.requireNonNull(opAt), this);
          if (compact == null) {
            wide = WideApplied.of(firstOperation(), this);
          }
        }
        long maxSequence = -1;
        for (int i = 0; i < legCount; i++) {
          Transfer t = leg(i);
          Account debit = resolved(slot(t.debit()));
          Account credit = resolved(slot(t.credit()));
          if (t == compact) {
            publishCompactLeg(t, debit, credit);
          } else {
            publishLeg(t, wide != null && wide.matches(t) ? wide : FixedOrigin.of(t), debit, credit);
          }
          maxSequence = Math.max(maxSequence, t.sequence());
        }
        advanceSequence(maxSequence);
      }
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
      if (many != null) {
        publishOperations(many);
      } else if (compact != null) {
        operations.put(Objects.requireNonNull(opId), compactHandle(compact));
      } else if (wide != null) {
        operations.put(Objects.requireNonNull(opId), wideHandle(wides.add(wide)));
      }
    }

    ChangeSet changes() {
      List<AccountBalance> b = new ArrayList<>(accountCount);
      for (int i = 0; i < accountCount; i++) {
        if (isStaged(i)) {
          b.add(new AccountBalance(idAt(i), stagedAt(i)));
        }
      }
      return new ChangeSet(b, new LegList(this), operations(), values(stagedMarkers),
          values(stagedItems), values(stagedInventory), values(stagedHolds));
    }
  }

  /** A read-only list view of a commit's legs. */
  private static final class LegList extends AbstractList<Transfer> {
    private final Legs legs;

    LegList(Legs legs) {
      this.legs = legs;
    }

    @Override
    public Transfer get(int index) {
      return legs.leg(index);
    }

    @Override
    public int size() {
      return legs.legCount();
    }
  }

  private static <T> List<T> values(@Nullable Map<String, T> map) {
    return map == null ? List.of() : List.copyOf(map.values());
  }
}
