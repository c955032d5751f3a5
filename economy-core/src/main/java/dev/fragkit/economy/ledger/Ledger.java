package dev.fragkit.economy.ledger;

import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ledger: every money movement of a guild economy, as idempotent operations on a {@link
 * LedgerStore}.
 *
 * <ul>
 *   <li>Every operation takes a caller-supplied operation id (1–128 printable ASCII characters).
 *       Retrying with the same id and request returns the original {@link Receipt} and changes
 *       nothing; the same id with a different request throws {@link IdempotencyConflictException}.
 *       A rejected operation (insufficient funds, cooldown, …) records nothing, so its id may be
 *       retried later.
 *   <li>Each operation runs as one store transaction over sorted lock keys: its checks (balance,
 *       stock, cooldown, hold state) and all its journal entries commit together or not at all.
 *   <li>No user account goes below zero unless an admin {@link #debit} passes {@code
 *       allowNegative}. Money only enters through the mint (opening balance, credit, daily reward)
 *       and leaves through it (debit); everything else moves it between accounts.
 *   <li>Store failures ({@link StoreException}) are retried through resilience4j ({@link
 *       LedgerConfig#storeRetries()}, exponential waits); when retries run out the failure is
 *       logged at error level and rethrown.
 * </ul>
 *
 * <p>Thread-safe. The {@link LedgerListener} is called after commit with no lock held.
 */
public final class Ledger {
  private static final Logger LOG = LoggerFactory.getLogger(Ledger.class);
  /** Largest page size of {@link #leaderboard}. */
  public static final int MAX_PAGE_SIZE = 100;
  /** Largest quantity of one purchase. */
  public static final long MAX_PURCHASE_QUANTITY = 1_000_000;

  private final LedgerStore store;
  private final LedgerConfig config;
  private final Clock clock;
  private final RandomGenerator random;
  private final LedgerListener listener;
  private final Retry retry;
  /** See {@link #lockKey}. */
  private final ConcurrentHashMap<AccountId, String> accountLockKeys = new ConcurrentHashMap<>();
  static final int MAX_CACHED_LOCK_KEYS = 65_536;

  private Ledger(Builder b) {
    this.store = b.store;
    this.config = b.config;
    this.clock = b.clock;
    this.random = b.random;
    this.listener = b.listener;
    long waitMillis = config.storeRetryWait().toMillis();
    IntervalFunction backoff = attempt -> waitMillis << Math.min(20, Math.max(0, attempt - 1));
    this.retry = Retry.of("fragkit-ledger-store", RetryConfig.custom()
        .maxAttempts(config.storeRetries() + 1)
        .intervalFunction(backoff)
        .retryExceptions(StoreException.class)
        .build());
  }

  public static Builder builder(LedgerStore store) {
    return new Builder(store);
  }

  public LedgerConfig config() {
    return config;
  }

  public LedgerStore store() {
    return store;
  }

  // ---------------------------------------------------------------- accounts

  /**
   * Opens {@code guild/user} with {@link LedgerConfig#startingBalance()} minted into it. Opening an
   * existing account changes nothing (outcome {@code "exists"}).
   */
  public Receipt openAccount(String operationId, String guild, String user) {
    AccountId account = AccountId.user(guild, user);
    AccountId mint = AccountId.system(guild, SystemAccount.MINT);
    return run(operationId, OperationKind.OPEN, "open " + account, keys(account, mint), op -> {
      if (op.tx.balance(account).isPresent()) {
        return "exists";
      }
      op.tx.createAccount(account, op.now);
      if (config.startingBalance() > 0) {
        op.move(mint, account, config.startingBalance(), false);
      }
      return "opened";
    });
  }

  /** Admin: mints {@code amount} into an existing account. */
  public Receipt credit(String operationId, AccountId account, long amount) {
    positive("amount", amount);
    AccountId mint = AccountId.system(account.guild(), SystemAccount.MINT);
    return run(operationId, OperationKind.CREDIT, Requests.credit(account, amount), keys(account, mint), op -> {
      op.requireAccount(account);
      op.move(mint, account, amount, false);
      return "ok";
    });
  }

  /**
   * Admin: burns {@code amount} from an account. Fails with {@link InsufficientFundsException}
   * unless the balance covers it or {@code allowNegative} is set.
   */
  public Receipt debit(String operationId, AccountId account, long amount, boolean allowNegative) {
    positive("amount", amount);
    AccountId mint = AccountId.system(account.guild(), SystemAccount.MINT);
    return run(operationId, OperationKind.DEBIT, "debit " + account + " " + amount + " allowNegative=" + allowNegative,
        keys(account, mint), op -> {
          op.requireAccount(account);
          op.move(account, mint, amount, allowNegative);
          return "ok";
        });
  }

  /** Moves {@code amount} between two user accounts of one guild. */
  public Receipt transfer(String operationId, AccountId from, AccountId to, long amount) {
    positive("amount", amount);
    pair(from, to);
    return run(operationId, OperationKind.TRANSFER, Requests.transfer(from, to, amount), keys(from, to),
        op -> {
          op.requireAccount(from);
          op.requireAccount(to);
          op.move(from, to, amount, false);
          return "ok";
        });
  }

  /**
   * Mints {@link LedgerConfig#dailyReward()} into the account, at most once per {@link
   * LedgerConfig#dailyCooldown()}.
   */
  public Receipt daily(String operationId, AccountId account) {
    userAccount(account);
    AccountId mint = AccountId.system(account.guild(), SystemAccount.MINT);
    return run(operationId, OperationKind.DAILY, "daily " + account, keys(account, mint), op -> {
      op.requireAccount(account);
      op.checkCooldown(account, "daily", config.dailyCooldown());
      op.tx.setMarker(account, "daily", op.now);
      if (config.dailyReward() > 0) {
        op.move(mint, account, config.dailyReward(), false);
      }
      return "ok";
    });
  }

  /**
   * The robber tries to steal from the target. Needs {@link LedgerConfig#robMinimumBalance()};
   * the robber may try once per {@link LedgerConfig#robCooldown()}, and a robbed target is immune
   * for {@link LedgerConfig#robTargetCooldown()}. With {@link LedgerConfig#robSuccessPercent()}
   * chance the robber takes 1..max(1, robMaxStealPercent of the target's balance) (outcome {@code
   * "success"}), otherwise pays a fine of max(1, robFinePercent of the robber's balance) to the
   * target (outcome {@code "caught"}). Randomness comes from the injected generator.
   */
  public Receipt rob(String operationId, AccountId robber, AccountId target) {
    pair(robber, target);
    return run(operationId, OperationKind.ROB, "rob " + robber + " " + target, keys(robber, target), op -> {
      long robberBalance = op.requireAccount(robber);
      long targetBalance = op.requireAccount(target);
      if (robberBalance < config.robMinimumBalance()) {
        throw new InsufficientFundsException(robber, robberBalance, config.robMinimumBalance());
      }
      op.checkCooldown(robber, "rob", config.robCooldown());
      op.checkCooldown(target, "robbed", config.robTargetCooldown());
      if (targetBalance < 1) {
        throw new InsufficientFundsException(target, targetBalance, 1);
      }
      op.tx.setMarker(robber, "rob", op.now);
      if (random.nextInt(100) < config.robSuccessPercent()) {
        long max = Math.max(1, percentOf(targetBalance, config.robMaxStealPercent()));
        long amount = Math.min(targetBalance, 1 + random.nextLong(max));
        op.move(target, robber, amount, false);
        op.tx.setMarker(target, "robbed", op.now);
        return "success";
      }
      long fine = Math.min(robberBalance, Math.max(1, percentOf(robberBalance, config.robFinePercent())));
      if (fine > 0) {
        op.move(robber, target, fine, false);
      }
      return "caught";
    });
  }

  // ---------------------------------------------------------------- shop

  /** Admin: creates or replaces a shop item (price, stock). */
  public void putShopItem(ShopItem item) {
    Objects.requireNonNull(item, "item");
    withRetry(() -> store.inTransaction(Set.of(LockKeys.item(item.guild(), item.sku())), tx -> {
      tx.putShopItem(item);
      return item;
    }));
  }

  public Optional<ShopItem> shopItem(String guild, String sku) {
    return store.shopItem(guild, sku);
  }

  /**
   * Buys {@code quantity} units: the price goes to the guild's shop account, the stock goes down and
   * the buyer's inventory up, in one step.
   */
  public Receipt purchase(String operationId, AccountId buyer, String sku, long quantity) {
    userAccount(buyer);
    Identifiers.check("sku", sku, Identifiers.SKU);
    if (quantity <= 0 || quantity > MAX_PURCHASE_QUANTITY) {
      throw new InvalidAmountException("quantity", quantity, "must be 1.." + MAX_PURCHASE_QUANTITY);
    }
    AccountId shop = AccountId.system(buyer.guild(), SystemAccount.SHOP);
    KeySet keys = keys(buyer, shop);
    keys.addKey(LockKeys.item(buyer.guild(), sku));
    return run(operationId, OperationKind.PURCHASE, "purchase " + buyer + " " + sku + " " + quantity, keys, op -> {
      op.requireAccount(buyer);
      ShopItem item = op.tx.shopItem(buyer.guild(), sku).orElseThrow(() -> new NoSuchItemException(buyer.guild(), sku));
      if (item.stock() != ShopItem.UNLIMITED && item.stock() < quantity) {
        throw new OutOfStockException(buyer.guild(), sku, item.stock(), quantity);
      }
      long cost;
      try {
        cost = Math.multiplyExact(item.price(), quantity);
      } catch (ArithmeticException e) {
        throw new InvalidAmountException("quantity", quantity, "price " + item.price() + " × quantity overflows");
      }
      op.move(buyer, shop, cost, false);
      if (item.stock() != ShopItem.UNLIMITED) {
        op.tx.putShopItem(item.withStock(item.stock() - quantity));
      }
      long owned = op.tx.inventory(buyer, sku);
      op.tx.setInventory(buyer, sku, addExact(buyer, owned, quantity));
      return "ok";
    });
  }

  public long inventory(AccountId account, String sku) {
    return store.inventory(account, sku);
  }

  // ---------------------------------------------------------------- holds (pending transfers)

  /**
   * Creates a pending transfer: {@code amount} moves from the account into the guild's escrow
   * account and a {@link Hold} with {@code payload} is stored, in one step.
   */
  public Receipt hold(String operationId, String holdId, AccountId account, long amount, String payload) {
    Identifiers.checkOperationId("holdId", holdId);
    positive("amount", amount);
    userAccount(account);
    AccountId escrow = AccountId.system(account.guild(), SystemAccount.ESCROW);
    KeySet keys = keys(account, escrow);
    keys.addKey(LockKeys.hold(holdId));
    return run(operationId, OperationKind.HOLD, "hold " + holdId + " " + account + " " + amount, keys, op -> {
      op.requireAccount(account);
      Optional<Hold> existing = op.tx.hold(holdId);
      if (existing.isPresent()) {
        throw new HoldStateException(existing.get(), "create");
      }
      op.move(account, escrow, amount, false);
      op.tx.putHold(new Hold(holdId, account, amount, HoldState.PENDING, op.now, op.now, payload));
      return "pending";
    });
  }

  /** Adds {@code extra} to a pending hold (a doubled bet) and replaces its payload, in one step. */
  public Receipt increaseHold(String operationId, String holdId, long extra, String payload) {
    positive("extra", extra);
    Hold known = hold(holdId).orElseThrow(() -> new NoSuchHoldException(holdId));
    AccountId escrow = AccountId.system(known.account().guild(), SystemAccount.ESCROW);
    KeySet keys = keys(known.account(), escrow);
    keys.addKey(LockKeys.hold(holdId));
    return run(operationId, OperationKind.HOLD_INCREASE, "increase " + holdId + " " + extra, keys, op -> {
      Hold h = op.pending(holdId, "increase");
      op.move(h.account(), escrow, extra, false);
      op.tx.putHold(h.with(addExact(h.account(), h.amount(), extra), HoldState.PENDING, op.now, payload));
      return "pending";
    });
  }

  /** Replaces the payload of a pending hold (a game move that moves no money). */
  public Hold updateHold(String holdId, String payload) {
    Objects.requireNonNull(payload, "payload");
    return withRetry(() -> store.inTransaction(Set.of(LockKeys.hold(holdId)), tx -> {
      Hold h = tx.hold(holdId).orElseThrow(() -> new NoSuchHoldException(holdId));
      if (h.state() != HoldState.PENDING) {
        throw new HoldStateException(h, "update");
      }
      Hold updated = h.with(h.amount(), HoldState.PENDING, now(), payload);
      tx.putHold(updated);
      return updated;
    }));
  }

  /**
   * Resolves a pending hold: the player receives {@code payout} (the held amount first, the rest
   * from the house), the house keeps what the player does not receive.
   */
  public Receipt postHold(String operationId, String holdId, long payout, String payload) {
    if (payout < 0) {
      throw new InvalidAmountException("payout", payout, "must be >= 0");
    }
    Hold known = hold(holdId).orElseThrow(() -> new NoSuchHoldException(holdId));
    String guild = known.account().guild();
    AccountId escrow = AccountId.system(guild, SystemAccount.ESCROW);
    AccountId house = AccountId.system(guild, SystemAccount.HOUSE);
    KeySet keys = keys(known.account(), escrow, house);
    keys.addKey(LockKeys.hold(holdId));
    return run(operationId, OperationKind.POST, "post " + holdId + " " + payout, keys, op -> {
      Hold h = op.pending(holdId, "post");
      long held = h.amount();
      if (payout >= held) {
        op.move(escrow, h.account(), held, false);
        if (payout > held) {
          op.move(house, h.account(), payout - held, false);
        }
      } else {
        if (payout > 0) {
          op.move(escrow, h.account(), payout, false);
        }
        op.move(escrow, house, held - payout, false);
      }
      op.tx.putHold(h.with(held, HoldState.POSTED, op.now, payload));
      return "posted";
    });
  }

  /** Voids a pending hold: the whole held amount goes back to the account. */
  public Receipt voidHold(String operationId, String holdId, String payload) {
    Hold known = hold(holdId).orElseThrow(() -> new NoSuchHoldException(holdId));
    AccountId escrow = AccountId.system(known.account().guild(), SystemAccount.ESCROW);
    KeySet keys = keys(known.account(), escrow);
    keys.addKey(LockKeys.hold(holdId));
    return run(operationId, OperationKind.VOID, "void " + holdId, keys, op -> {
      Hold h = op.pending(holdId, "void");
      op.move(escrow, h.account(), h.amount(), false);
      op.tx.putHold(h.with(h.amount(), HoldState.VOIDED, op.now, payload));
      return "voided";
    });
  }

  public Optional<Hold> hold(String holdId) {
    return store.hold(holdId);
  }

  /** Pending holds, oldest first. */
  public List<Hold> pendingHolds() {
    return store.holds(HoldState.PENDING);
  }

  // ---------------------------------------------------------------- reads

  /** The balance of an existing account. */
  public long balance(AccountId account) {
    OptionalLong b = store.balance(account);
    if (b.isEmpty()) {
      throw new NoSuchAccountException(account);
    }
    return b.getAsLong();
  }

  /** Page {@code page} (from 0) of the guild's richest user accounts, {@code pageSize} 1..100. */
  public List<LeaderboardEntry> leaderboard(String guild, int page, int pageSize) {
    Identifiers.check("guild", guild, AccountId.ID);
    if (page < 0) {
      throw new InvalidAmountException("page", page, "must be >= 0");
    }
    if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
      throw new InvalidAmountException("pageSize", pageSize, "must be 1.." + MAX_PAGE_SIZE);
    }
    long offset = (long) page * pageSize;
    if (offset > Integer.MAX_VALUE) {
      throw new InvalidAmountException("page", page, "offset beyond " + Integer.MAX_VALUE);
    }
    List<AccountBalance> rows = store.leaderboard(guild, (int) offset, pageSize);
    List<LeaderboardEntry> out = new ArrayList<>(rows.size());
    for (int i = 0; i < rows.size(); i++) {
      out.add(new LeaderboardEntry((int) offset + i + 1, rows.get(i).account(), rows.get(i).balance()));
    }
    return out;
  }

  /** Journal entries of the account with {@code from <= timestamp < to}. */
  public List<Transfer> journal(AccountId account, Instant from, Instant to) {
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("to < from: " + to + " < " + from);
    }
    return store.journal(account, from, to);
  }

  public Optional<Receipt> receipt(String operationId) {
    return store.receipt(operationId);
  }

  // ---------------------------------------------------------------- machinery

  private interface Body {
    String apply(Op op);
  }

  private Receipt run(String operationId, OperationKind kind, String request, KeySet keySet, Body body) {
    Identifiers.checkOperationId("operationId", operationId);
    keySet.addKey(LockKeys.operation(operationId));
    Attempt attempt = new Attempt(keySet.freeze(), operationId, kind, request, body);
    Receipt receipt = withRetry(attempt);
    if (attempt.fresh) {
      listener.onApplied(receipt);
    }
    return receipt;
  }

  /**
   * One operation's store transaction (retried as a whole after a {@link StoreException}): the
   * idempotency check, the body, the operation record. One object per call serves as the retried
   * supplier and the transaction body.
   */
  private final class Attempt implements Supplier<Receipt>, Function<LedgerTransaction, Receipt> {
    private final Set<String> keys;
    private final String operationId;
    private final OperationKind kind;
    private final String request;
    private final Body body;
    /** Whether the last run applied the operation (false: it returned a prior receipt). */
    boolean fresh;

    Attempt(Set<String> keys, String operationId, OperationKind kind, String request, Body body) {
      this.keys = keys;
      this.operationId = operationId;
      this.kind = kind;
      this.request = request;
      this.body = body;
    }

    @Override
    public Receipt get() {
      return store.inTransaction(keys, this);
    }

    @Override
    public Receipt apply(LedgerTransaction tx) {
      fresh = false;
      Optional<Receipt> prior = tx.receipt(operationId);
      if (prior.isPresent()) {
        if (!prior.get().request().equals(request)) {
          throw new IdempotencyConflictException(operationId, prior.get().request(), request);
        }
        return prior.get();
      }
      Op op = new Op(tx, operationId, kind, now());
      String outcome = body.apply(op);
      tx.recordOperation(operationId, kind, request, outcome, op.now);
      Receipt receipt = new Receipt(operationId, kind, request, outcome, op.now, op.transfers());
      fresh = true;
      return receipt;
    }
  }

  /** Timestamps are kept to the microsecond, the precision every store (PostgreSQL too) can hold. */
  private Instant now() {
    Instant now = clock.instant();
    return now.getNano() % 1000 == 0 ? now : now.truncatedTo(ChronoUnit.MICROS);
  }

  /**
   * Runs {@code call} with the store retry policy. The first attempt runs directly (no per-call
   * decoration); only after a {@link StoreException} does a resilience4j {@link Retry.Context} take
   * over, with the same attempts and waits as {@code Retry.decorateSupplier}.
   */
  private <T> T withRetry(Supplier<T> call) {
    try {
      return call.get();
    } catch (StoreException first) {
      return retryAfter(first, call);
    }
  }

  private <T> T retryAfter(StoreException first, Supplier<T> call) {
    Retry.Context<T> context = retry.context();
    RuntimeException failure = first;
    try {
      while (true) {
        // throws the failure once attempts are used up (or if it is not retryable), else waits
        context.onRuntimeError(failure);
        try {
          T result = call.get();
          context.onComplete();
          return result;
        } catch (RuntimeException e) {
          failure = e;
        }
      }
    } catch (StoreException e) {
      LOG.error("ledger store failed after {} retries; surfacing to the caller", config.storeRetries(), e);
      throw e;
    }
  }

  /** One operation's view of its transaction. */
  private final class Op {
    final LedgerTransaction tx;
    final String operationId;
    final OperationKind kind;
    final Instant now;
    /** The legs appended so far: the first one alone, then all of them in a list. */
    private @Nullable Transfer first;
    private @Nullable List<Transfer> all;

    Op(LedgerTransaction tx, String operationId, OperationKind kind, Instant now) {
      this.tx = tx;
      this.operationId = operationId;
      this.kind = kind;
      this.now = now;
    }

    long requireAccount(AccountId account) {
      OptionalLong b = tx.balance(account);
      if (b.isEmpty()) {
        throw new NoSuchAccountException(account);
      }
      return b.getAsLong();
    }

    long systemBalance(AccountId account) {
      OptionalLong b = tx.balance(account);
      if (b.isPresent()) {
        return b.getAsLong();
      }
      tx.createAccount(account, now);
      return 0;
    }

    void checkCooldown(AccountId account, String action, Duration cooldown) {
      Optional<Instant> last = tx.marker(account, action);
      if (last.isPresent()) {
        Instant next = last.get().plus(cooldown);
        if (now.isBefore(next)) {
          throw new CooldownException(account, action, next);
        }
      }
    }

    Hold pending(String holdId, String action) {
      Hold h = tx.hold(holdId).orElseThrow(() -> new NoSuchHoldException(holdId));
      if (h.state() != HoldState.PENDING) {
        throw new HoldStateException(h, action);
      }
      return h;
    }

    /** One double-entry leg with the balance checks; both accounts must be locked. */
    void move(AccountId debit, AccountId credit, long amount, boolean allowNegative) {
      long debitBalance = debit.isSystem() ? systemBalance(debit) : requireAccount(debit);
      long creditBalance = credit.isSystem() ? systemBalance(credit) : requireAccount(credit);
      long newDebit;
      try {
        newDebit = Math.subtractExact(debitBalance, amount);
      } catch (ArithmeticException e) {
        throw new BalanceOverflowException(debit.key(), debitBalance, -amount);
      }
      boolean mayGoNegative = allowNegative || debit.systemAccount().map(SystemAccount::mayGoNegative).orElse(false);
      if (newDebit < 0 && !mayGoNegative) {
        throw new InsufficientFundsException(debit, debitBalance, amount);
      }
      long newCredit = addExact(credit, creditBalance, amount);
      tx.setBalance(debit, newDebit);
      tx.setBalance(credit, newCredit);
      Transfer t = tx.append(operationId, kind, debit, credit, amount, now);
      if (first == null) {
        first = t;
      } else {
        if (all == null) {
          all = new ArrayList<>(4);
          all.add(first);
        }
        all.add(t);
      }
    }

    /** The appended legs, in order (an immutable list when there is at most one). */
    List<Transfer> transfers() {
      return all != null ? all : first != null ? List.of(first) : List.of();
    }
  }

  /** {@code a + b}, or {@link BalanceOverflowException} naming {@code account} (its key built only then). */
  private static long addExact(AccountId account, long a, long b) {
    try {
      return Math.addExact(a, b);
    } catch (ArithmeticException e) {
      throw new BalanceOverflowException(account.key(), a, b);
    }
  }

  /** {@code value * percent / 100} without overflow, for value >= 0 and percent 0..100. */
  static long percentOf(long value, int percent) {
    return value / 100 * percent + value % 100 * percent / 100;
  }

  /** The lock keys of {@code accounts}; more keys may be added before the operation runs. */
  private KeySet keys(AccountId a, AccountId b) {
    KeySet keys = new KeySet();
    keys.addKey(lockKey(a));
    keys.addKey(lockKey(b));
    return keys;
  }

  private KeySet keys(AccountId a, AccountId b, AccountId c) {
    KeySet keys = keys(a, b);
    keys.addKey(lockKey(c));
    return keys;
  }

  /**
   * {@link LockKeys#account}, from a bounded cache of account lock keys (a miss beyond {@link
   * #MAX_CACHED_LOCK_KEYS} accounts only costs building the string).
   */
  private String lockKey(AccountId account) {
    String key = accountLockKeys.get(account);
    if (key == null) {
      key = LockKeys.account(account);
      if (accountLockKeys.size() < MAX_CACHED_LOCK_KEYS) {
        accountLockKeys.putIfAbsent(account, key);
      }
    }
    return key;
  }

  /**
   * The lock keys of one operation (2–6, distinct), collected in an array and then handed to the
   * store as an immutable {@link Set} (no hash table: membership is a linear scan, which for this
   * size is cheaper than hashing fresh strings).
   */
  private static final class KeySet extends AbstractSet<String> {
    private final String[] keys = new String[6];
    private int size;
    private boolean frozen;

    void addKey(String key) {
      if (frozen) {
        throw new IllegalStateException("frozen");
      }
      if (!contains(key)) {
        keys[size++] = key;
      }
    }

    Set<String> freeze() {
      frozen = true;
      return this;
    }

    @Override
    public boolean contains(Object o) {
      for (int i = 0; i < size; i++) {
        if (keys[i].equals(o)) {
          return true;
        }
      }
      return false;
    }

    @Override
    public int size() {
      return size;
    }

    @Override
    public Object[] toArray() {
      return Arrays.copyOf(keys, size, Object[].class);
    }

    @Override
    public Iterator<String> iterator() {
      return new Iterator<>() {
        private int next;

        @Override
        public boolean hasNext() {
          return next < size;
        }

        @Override
        public String next() {
          if (next >= size) {
            throw new NoSuchElementException();
          }
          return keys[next++];
        }
      };
    }
  }

  private static void positive(String field, long amount) {
    if (amount <= 0) {
      throw new InvalidAmountException(field, amount, "must be > 0");
    }
  }

  private static void userAccount(AccountId account) {
    Objects.requireNonNull(account, "account");
    if (account.isSystem()) {
      throw new InvalidIdentifierException("account", account.key(), "a user account is required");
    }
  }

  private static void pair(AccountId from, AccountId to) {
    userAccount(from);
    userAccount(to);
    if (from.equals(to)) {
      throw new SelfTransferException(from);
    }
    if (!from.guild().equals(to.guild())) {
      throw new GuildMismatchException(from, to);
    }
  }

  /** Not thread-safe. */
  public static final class Builder {
    private final LedgerStore store;
    private LedgerConfig config = LedgerConfig.defaults();
    private Clock clock = Clock.systemUTC();
    private RandomGenerator random = () -> ThreadLocalRandom.current().nextLong();
    private LedgerListener listener = LedgerListener.NONE;

    private Builder(LedgerStore store) {
      this.store = Objects.requireNonNull(store, "store");
    }

    public Builder config(LedgerConfig config) {
      this.config = Objects.requireNonNull(config, "config");
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** The generator for rob outcomes; must be thread-safe (e.g. {@code new java.util.Random(seed)}). */
    public Builder random(RandomGenerator random) {
      this.random = Objects.requireNonNull(random, "random");
      return this;
    }

    public Builder listener(LedgerListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    public Ledger build() {
      return new Ledger(this);
    }
  }
}
