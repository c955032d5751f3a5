package dev.fragkit.economy.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The contract every {@link LedgerStore} passes: operations, typed rejections that change nothing,
 * idempotency under concurrency, exactly-once hold resolution, and a seeded multi-threaded bank
 * simulation with invariant checks. Subclass per store; override the size methods to keep a slow
 * store's run short (and state the sizes).
 */
public abstract class LedgerStoreContractTest {
  private static final Logger LOG = LoggerFactory.getLogger(LedgerStoreContractTest.class);
  protected static final String G = "g1";

  protected LedgerStore store;
  protected TestClock clock;
  protected Ledger ledger;

  /** A new, empty store. Closed after each test. */
  protected abstract LedgerStore newStore();

  protected int simulationThreads() {
    return 16;
  }

  protected int simulationOperations() {
    return 100_000;
  }

  protected int simulationColdAccounts() {
    return 1_000;
  }

  protected long simulationSeed() {
    return Long.getLong("fragkit.simulation.seed", 20261122L);
  }

  protected LedgerConfig config() {
    return LedgerConfig.builder().startingBalance(1_000).storeRetryWait(Duration.ZERO).build();
  }

  @BeforeEach
  void setUpLedger() {
    store = newStore();
    clock = TestClock.fixed();
    ledger = Ledger.builder(store).config(config()).clock(clock).random(new Random(7)).build();
  }

  @AfterEach
  void closeStore() {
    store.close();
  }

  private AccountId open(String user) {
    ledger.openAccount("open-" + user, G, user);
    return AccountId.user(G, user);
  }

  // ------------------------------------------------------------------ operations

  @Test
  void aBalanceOfExactlyLongMinValueStillBelongsToAnExistingAccount() {
    AccountId a = open("alice");
    open("bob"); // the mint must be able to absorb Long.MAX_VALUE + 1,001 without overflowing
    ledger.debit("d1", a, Long.MAX_VALUE, true);
    ledger.debit("d2", a, 1_001, true);
    assertThat(ledger.balance(a)).isEqualTo(Long.MIN_VALUE);
    ledger.credit("c1", a, 1);
    assertThat(ledger.balance(a)).isEqualTo(Long.MIN_VALUE + 1);
  }

  @Test
  void openingMintsTheStartingBalanceOnce() {
    AccountId a = open("alice");
    Receipt again = ledger.openAccount("open-alice-2", G, "alice");
    assertThat(ledger.balance(a)).isEqualTo(1_000);
    assertThat(again.outcome()).isEqualTo("exists");
    assertThat(again.transfers()).isEmpty();
    assertThat(ledger.balance(AccountId.system(G, SystemAccount.MINT))).isEqualTo(-1_000);
  }

  @Test
  void transferMovesMoneyAndIsJournaledOnBothSides() {
    AccountId a = open("alice");
    AccountId b = open("bob");
    Receipt r = ledger.transfer("t1", a, b, 250);
    assertThat(ledger.balance(a)).isEqualTo(750);
    assertThat(ledger.balance(b)).isEqualTo(1_250);
    assertThat(r.transfers()).singleElement().satisfies(t -> {
      assertThat(t.debit()).isEqualTo(a);
      assertThat(t.credit()).isEqualTo(b);
      assertThat(t.amount()).isEqualTo(250);
      assertThat(t.kind()).isEqualTo(OperationKind.TRANSFER);
    });
    Instant now = clock.instant();
    assertThat(ledger.journal(b, now.minusSeconds(1), now.plusSeconds(1)))
        .extracting(Transfer::operationId).containsExactly("open-bob", "t1");
    assertThat(ledger.journal(b, now.plusSeconds(1), now.plusSeconds(2))).isEmpty();
    new LedgerAudit(store).checkAll(G, Set.of());
  }

  @Test
  void retryWithSameIdReturnsOriginalReceiptAndAppliesOnce() {
    AccountId a = open("alice");
    AccountId b = open("bob");
    Receipt first = ledger.transfer("t1", a, b, 100);
    clock.advance(Duration.ofMinutes(5));
    Receipt retry = ledger.transfer("t1", a, b, 100);
    assertThat(retry).isEqualTo(first);
    assertThat(ledger.balance(a)).isEqualTo(900);
    assertThat(new LedgerAudit(store).entriesOf("t1")).isEqualTo(1);
  }

  @Test
  void sameIdForADifferentRequestIsAConflictAndChangesNothing() {
    AccountId a = open("alice");
    AccountId b = open("bob");
    ledger.transfer("t1", a, b, 100);
    assertThatThrownBy(() -> ledger.transfer("t1", a, b, 101))
        .isInstanceOf(IdempotencyConflictException.class)
        .hasMessage("operation id t1 was already used for [transfer g1/alice g1/bob 100], not [transfer g1/alice g1/bob 101]")
        .satisfies(e -> assertThat(((IdempotencyConflictException) e).key()).contains("t1"));
    assertThat(ledger.balance(a)).isEqualTo(900);
  }

  @Test
  void insufficientFundsIsTypedAndChangesNothing() {
    AccountId a = open("alice");
    AccountId b = open("bob");
    assertThatThrownBy(() -> ledger.transfer("t1", a, b, 1_001))
        .isInstanceOf(InsufficientFundsException.class)
        .hasMessage("insufficient funds in g1/alice: balance 1000, required 1001")
        .satisfies(e -> {
          InsufficientFundsException f = (InsufficientFundsException) e;
          assertThat(f.account()).contains("g1/alice");
          assertThat(f.balance()).isEqualTo(1_000);
          assertThat(f.required()).isEqualTo(1_001);
        });
    assertThat(ledger.balance(a)).isEqualTo(1_000);
    assertThat(ledger.balance(b)).isEqualTo(1_000);
    assertThat(ledger.receipt("t1")).isEmpty();
    // a rejected id records nothing, so it can be used once funds suffice
    ledger.credit("c1", a, 1);
    assertThat(ledger.transfer("t1", a, b, 1_001).transfers()).hasSize(1);
    assertThat(ledger.balance(a)).isZero();
  }

  @Test
  void badInputIsRejectedWithTypedErrorsAndNothingChanges() {
    AccountId a = open("alice");
    AccountId b = open("bob");
    AccountId ghost = AccountId.user(G, "ghost");
    List<Transfer> before = LedgerAudit.readJournal(store);
    assertThatThrownBy(() -> ledger.transfer("x1", a, b, 0)).isInstanceOf(InvalidAmountException.class)
        .hasMessage("amount 0: must be > 0");
    assertThatThrownBy(() -> ledger.transfer("x2", a, b, -5)).isInstanceOf(InvalidAmountException.class)
        .hasMessage("amount -5: must be > 0");
    assertThatThrownBy(() -> ledger.transfer("x3", a, a, 5)).isInstanceOf(SelfTransferException.class)
        .hasMessage("transfer to self: g1/alice");
    assertThatThrownBy(() -> ledger.transfer("x4", a, ghost, 5)).isInstanceOf(NoSuchAccountException.class)
        .hasMessage("no such account: g1/ghost");
    assertThatThrownBy(() -> ledger.transfer("x5", a, AccountId.user("g2", "bob"), 5))
        .isInstanceOf(GuildMismatchException.class);
    assertThatThrownBy(() -> ledger.openAccount("x7", G, "u".repeat(65)))
        .isInstanceOf(InvalidIdentifierException.class).hasMessageContaining("user \"uuu");
    assertThatThrownBy(() -> ledger.transfer("x".repeat(129), a, b, 5))
        .isInstanceOf(InvalidIdentifierException.class).hasMessageStartingWith("operationId");
    assertThatThrownBy(() -> ledger.putShopItem(new ShopItem(G, "sword", "n".repeat(65), 5, 1)))
        .isInstanceOf(InvalidIdentifierException.class).hasMessageContaining("name");
    assertThatThrownBy(() -> ledger.daily("x8", ghost)).isInstanceOf(NoSuchAccountException.class);
    assertThatThrownBy(() -> ledger.debit("x9", a, 1_001, false)).isInstanceOf(InsufficientFundsException.class);
    assertThat(LedgerAudit.readJournal(store)).isEqualTo(before);
    assertThat(ledger.balance(a)).isEqualTo(1_000);
    assertThat(store.balance(ghost)).isEmpty();
  }

  @Test
  void overflowingBalancesAreRejectedAndChangeNothing() {
    AccountId a = open("alice");
    AccountId b = open("bob");
    assertThatThrownBy(() -> ledger.credit("c0", a, Long.MAX_VALUE))
        .isInstanceOf(BalanceOverflowException.class)
        .hasMessage("overflow: g1/$mint balance -2000 + -9223372036854775807 exceeds the long range");
    ledger.credit("c1", a, Long.MAX_VALUE - 1_999); // the mint is now at Long.MIN_VALUE
    assertThatThrownBy(() -> ledger.transfer("t1", b, a, 1_000))
        .isInstanceOf(BalanceOverflowException.class)
        .hasMessage("overflow: g1/alice balance 9223372036854774808 + 1000 exceeds the long range")
        .satisfies(e -> assertThat(((BalanceOverflowException) e).account()).contains("g1/alice"));
    assertThat(ledger.balance(b)).isEqualTo(1_000);
    ledger.putShopItem(new ShopItem(G, "gem", "Gem", Long.MAX_VALUE / 2, ShopItem.UNLIMITED));
    assertThatThrownBy(() -> ledger.purchase("p1", a, "gem", 3)).isInstanceOf(InvalidAmountException.class)
        .hasMessage("quantity 3: price 4611686018427387903 × quantity overflows");
    new LedgerAudit(store).checkAll(G, Set.of());
  }

  @Test
  void adminDebitMayGoNegativeOnlyWhenAllowed() {
    AccountId a = open("alice");
    ledger.debit("d1", a, 1_500, true);
    assertThat(ledger.balance(a)).isEqualTo(-500);
    assertThatThrownBy(() -> ledger.transfer("t1", a, open("bob"), 1))
        .isInstanceOf(InsufficientFundsException.class);
    new LedgerAudit(store).checkAll(G, Set.of(a));
  }

  @Test
  void dailyRewardOncePer24Hours() {
    AccountId a = open("alice");
    ledger.daily("d1", a);
    clock.advance(Duration.ofHours(23));
    assertThatThrownBy(() -> ledger.daily("d2", a)).isInstanceOf(CooldownException.class)
        .hasMessage("daily on cooldown for g1/alice until 2026-01-02T00:00:00Z");
    clock.advance(Duration.ofHours(1));
    ledger.daily("d2", a);
    assertThat(ledger.balance(a)).isEqualTo(1_200);
  }

  @Test
  void robRulesCooldownsAndInjectedRandomness() {
    AccountId robber = open("robber");
    AccountId victim = open("victim");
    AccountId poor = open("poor");
    ledger.debit("burn", poor, 990, false);
    assertThatThrownBy(() -> ledger.rob("r0", poor, victim)).isInstanceOf(InsufficientFundsException.class)
        .hasMessage("insufficient funds in g1/poor: balance 10, required 50");
    assertThatThrownBy(() -> ledger.rob("r0", robber, robber)).isInstanceOf(SelfTransferException.class);
    // always succeed: steal 1..300 of 1000
    Ledger lucky = Ledger.builder(store).config(config().toBuilder().robSuccessPercent(100).build())
        .clock(clock).random(new Random(1)).build();
    Receipt r = lucky.rob("r1", robber, victim);
    assertThat(r.outcome()).isEqualTo("success");
    long stolen = r.creditedTo(robber);
    assertThat(stolen).isBetween(1L, 300L);
    assertThat(ledger.balance(victim)).isEqualTo(1_000 - stolen);
    assertThatThrownBy(() -> lucky.rob("r2", robber, victim)).isInstanceOf(CooldownException.class)
        .hasMessageStartingWith("rob on cooldown for g1/robber until 2026-01-01T03:00:00Z");
    clock.advance(Duration.ofMinutes(180));
    assertThatThrownBy(() -> lucky.rob("r2", robber, victim)).isInstanceOf(CooldownException.class)
        .hasMessageStartingWith("robbed on cooldown for g1/victim until 2026-01-02T00:00:00Z");
    // always caught: fine 10% of the robber's balance goes to the target
    Ledger unlucky = Ledger.builder(store).config(config().toBuilder().robSuccessPercent(0).build())
        .clock(clock).random(new Random(1)).build();
    long robberBefore = ledger.balance(robber);
    Receipt caught = unlucky.rob("r3", robber, poor);
    assertThat(caught.outcome()).isEqualTo("caught");
    assertThat(caught.creditedTo(poor)).isEqualTo(robberBefore / 10);
    new LedgerAudit(store).checkAll(G, Set.of());
  }

  @Test
  void purchaseTakesPriceStockAndFillsInventoryTogether() {
    AccountId a = open("alice");
    ledger.putShopItem(new ShopItem(G, "sword", "Sword", 300, 3));
    ledger.purchase("p1", a, "sword", 2);
    assertThat(ledger.balance(a)).isEqualTo(400);
    assertThat(ledger.inventory(a, "sword")).isEqualTo(2);
    assertThat(ledger.shopItem(G, "sword").orElseThrow().stock()).isEqualTo(1);
    assertThatThrownBy(() -> ledger.purchase("p2", a, "sword", 2)).isInstanceOf(OutOfStockException.class)
        .hasMessage("out of stock: g1/sword has 1, requested 2");
    assertThatThrownBy(() -> ledger.purchase("p3", a, "shield", 1)).isInstanceOf(NoSuchItemException.class);
    ledger.putShopItem(new ShopItem(G, "gem", "Gem", 500, ShopItem.UNLIMITED));
    assertThatThrownBy(() -> ledger.purchase("p4", a, "gem", 1)).isInstanceOf(InsufficientFundsException.class);
    assertThat(ledger.inventory(a, "gem")).isZero();
    assertThat(ledger.balance(AccountId.system(G, SystemAccount.SHOP))).isEqualTo(600);
    assertThat(store.inventories()).containsExactly(new ChangeSet.Inventory(a, "sword", 2));
    assertThat(dev.fragkit.economy.ops.LedgerHealthChecks.orphanInventory(store).check("orphans").status())
        .isEqualTo(dev.fragkit.economy.ops.HealthStatus.OK);
  }

  @Test
  void leaderboardIsPagedByBalance() {
    for (int i = 0; i < 7; i++) {
      AccountId u = open("u" + i);
      ledger.credit("c" + i, u, (i + 1) * 10L);
    }
    assertThat(ledger.leaderboard(G, 0, 3)).extracting(LeaderboardEntry::rank, e -> e.account().name())
        .containsExactly(org.assertj.core.groups.Tuple.tuple(1, "u6"), org.assertj.core.groups.Tuple.tuple(2, "u5"),
            org.assertj.core.groups.Tuple.tuple(3, "u4"));
    assertThat(ledger.leaderboard(G, 2, 3)).extracting(e -> e.account().name()).containsExactly("u0");
    assertThat(ledger.leaderboard(G, 3, 3)).isEmpty();
    assertThatThrownBy(() -> ledger.leaderboard(G, 0, 101)).isInstanceOf(InvalidAmountException.class)
        .hasMessage("pageSize 101: must be 1..100");
  }

  @Test
  void holdIsPendingUntilPostedOrVoidedExactlyOnce() {
    AccountId a = open("alice");
    AccountId escrow = AccountId.system(G, SystemAccount.ESCROW);
    AccountId house = AccountId.system(G, SystemAccount.HOUSE);
    ledger.hold("bet1", "game1", a, 100, "{}");
    assertThat(ledger.balance(a)).isEqualTo(900);
    assertThat(ledger.balance(escrow)).isEqualTo(100);
    ledger.increaseHold("double1", "game1", 100, "{doubled}");
    assertThat(ledger.hold("game1").orElseThrow().amount()).isEqualTo(200);
    Receipt post = ledger.postHold("post1", "game1", 500, "{won}");
    assertThat(ledger.balance(a)).isEqualTo(1_300);
    assertThat(ledger.balance(escrow)).isZero();
    assertThat(ledger.balance(house)).isEqualTo(-300);
    assertThat(ledger.postHold("post1", "game1", 500, "{won}")).isEqualTo(post);
    assertThatThrownBy(() -> ledger.voidHold("void1", "game1", "{}")).isInstanceOf(HoldStateException.class)
        .hasMessage("cannot void hold game1: it is POSTED");
    ledger.hold("bet2", "game2", a, 300, "{}");
    ledger.postHold("post2", "game2", 0, "{lost}");
    assertThat(ledger.balance(house)).isZero();
    ledger.hold("bet3", "game3", a, 50, "{}");
    ledger.voidHold("void3", "game3", "{refund}");
    assertThat(ledger.balance(a)).isEqualTo(1_000);
    new LedgerAudit(store).checkAll(G, Set.of());
  }

  @Test
  void concurrentVoidsOfOneHoldRefundOnce() throws Exception {
    AccountId a = open("alice");
    ledger.hold("bet", "game", a, 100, "{}");
    int threads = 8;
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<String>> results = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        String op = i % 2 == 0 ? "void:game" : "restart-void-" + i; // timer + restart races
        results.add(pool.submit(() -> {
          start.await();
          try {
            return ledger.voidHold(op, "game", "{}").operationId();
          } catch (HoldStateException e) {
            return "rejected";
          }
        }));
      }
      start.countDown();
      Set<String> applied = new HashSet<>();
      for (Future<String> f : results) {
        String id = f.get(60, TimeUnit.SECONDS);
        if (!id.equals("rejected")) {
          applied.add(id);
        }
      }
      assertThat(applied).hasSize(1);
    } finally {
      pool.shutdownNow();
    }
    assertThat(ledger.balance(a)).isEqualTo(1_000);
    new LedgerAudit(store).checkAll(G, Set.of());
  }

  @Test
  void concurrentCallsWithOneIdApplyOnce() throws Exception {
    AccountId a = open("alice");
    AccountId b = open("bob");
    int threads = 16;
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<Receipt>> results = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        results.add(pool.submit(() -> {
          start.await();
          return ledger.transfer("same", a, b, 10);
        }));
      }
      start.countDown();
      Receipt first = results.get(0).get(60, TimeUnit.SECONDS);
      for (Future<Receipt> f : results) {
        assertThat(f.get(60, TimeUnit.SECONDS)).isEqualTo(first);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(ledger.balance(a)).isEqualTo(990);
    assertThat(new LedgerAudit(store).entriesOf("same")).isEqualTo(1);
  }

  // ------------------------------------------------------------------ simulation

  /**
   * Seeded bank simulation: threads run random transfers, credits, debits, dailies, robs,
   * purchases, games (hold → post/void) and retries of earlier operation ids on a few hot and many
   * cold accounts, then the invariants are checked.
   */
  @Test
  void seededBankSimulationKeepsEveryInvariant() throws Exception {
    int threads = simulationThreads();
    // -Dfragkit.simulation.operations=100000 runs any store at full size
    int ops = Integer.getInteger("fragkit.simulation.operations", simulationOperations());
    int cold = simulationColdAccounts();
    long seed = simulationSeed();
    TestClock simClock = TestClock.ticking(Duration.ofSeconds(20));
    Ledger sim = Ledger.builder(store).config(config()).clock(simClock).random(new Random(seed)).build();
    List<AccountId> hot = new ArrayList<>();
    List<AccountId> coldAccounts = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      sim.openAccount("open-h" + i, G, "h" + i);
      hot.add(AccountId.user(G, "h" + i));
    }
    for (int i = 0; i < cold; i++) {
      sim.openAccount("open-c" + i, G, "c" + i);
      coldAccounts.add(AccountId.user(G, "c" + i));
    }
    AccountId negative = AccountId.user(G, "h0");
    sim.putShopItem(new ShopItem(G, "sword", "Sword", 7, 2_000));
    sim.putShopItem(new ShopItem(G, "potion", "Potion", 3, ShopItem.UNLIMITED));
    Map<String, Receipt> applied = new ConcurrentHashMap<>();
    AtomicLong rejected = new AtomicLong();
    AtomicLong retried = new AtomicLong();
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<?>> futures = new ArrayList<>();
    long started = System.nanoTime();
    for (int t = 0; t < threads; t++) {
      int thread = t;
      int share = ops / threads + (t < ops % threads ? 1 : 0);
      futures.add(pool.submit(() -> {
        start.await();
        Random rnd = new Random(seed * 31 + thread);
        List<Runnable> history = new ArrayList<>();
        for (int i = 0; i < share; i++) {
          String id = "s" + thread + "-" + i;
          AccountId x = pick(rnd, hot, coldAccounts);
          AccountId y = pick(rnd, hot, coldAccounts);
          int kind = rnd.nextInt(100);
          Runnable op;
          if (kind < 40) {
            long amount = 1 + rnd.nextInt(rnd.nextInt(10) == 0 ? 5_000 : 50);
            op = () -> applied.put(id, sim.transfer(id, x, y, amount));
          } else if (kind < 55 && !history.isEmpty()) {
            // retry an earlier call with the same id and arguments: must return the original receipt
            Runnable earlier = history.get(rnd.nextInt(history.size()));
            retried.incrementAndGet();
            op = earlier;
          } else if (kind < 60) {
            long amount = 1 + rnd.nextInt(100);
            op = () -> applied.put(id, sim.credit(id, x, amount));
          } else if (kind < 65) {
            long amount = 1 + rnd.nextInt(100);
            boolean allowNegative = x.equals(negative);
            op = () -> applied.put(id, sim.debit(id, x, amount, allowNegative));
          } else if (kind < 70) {
            op = () -> applied.put(id, sim.daily(id, x));
          } else if (kind < 77) {
            op = () -> applied.put(id, sim.rob(id, x, y));
          } else if (kind < 84) {
            String sku = rnd.nextBoolean() ? "sword" : "potion";
            long qty = 1 + rnd.nextInt(3);
            op = () -> applied.put(id, sim.purchase(id, x, sku, qty));
          } else if (kind < 97) {
            long bet = 1 + rnd.nextInt(100);
            int outcome = rnd.nextInt(10);
            long payout = outcome < 4 ? 0 : outcome < 8 ? bet * 2 : outcome == 8 ? bet * 5 / 2 : -1;
            boolean leavePending = rnd.nextInt(20) == 0;
            op = () -> {
              applied.put(id, sim.hold(id, "game-" + id, x, bet, "{}"));
              if (leavePending) {
                return;
              }
              if (payout < 0) {
                applied.put("void-" + id, sim.voidHold("void-" + id, "game-" + id, "{}"));
              } else {
                applied.put("post-" + id, sim.postHold("post-" + id, "game-" + id, payout, "{}"));
              }
            };
          } else {
            // bad input: must be rejected with a typed error and change nothing
            op = () -> sim.transfer(id, x, x, -1);
          }
          Runnable checked = () -> {
            Map<String, Receipt> before = new java.util.HashMap<>();
            for (String k : List.of(id, "void-" + id, "post-" + id)) {
              Receipt r = applied.get(k);
              if (r != null) {
                before.put(k, r);
              }
            }
            try {
              op.run();
            } catch (dev.fragkit.economy.LedgerException e) {
              rejected.incrementAndGet();
            }
            before.forEach((k, v) -> assertThat(applied.get(k)).as("retry of %s", k).isEqualTo(v));
          };
          checked.run();
          history.add(checked);
        }
        return null;
      }));
    }
    start.countDown();
    for (Future<?> f : futures) {
      f.get(10, TimeUnit.MINUTES);
    }
    long millis = (System.nanoTime() - started) / 1_000_000;
    LedgerAudit audit = new LedgerAudit(store).checkAll(G, Set.of(negative));
    for (Map.Entry<String, Receipt> e : applied.entrySet()) {
      assertThat(audit.entriesOf(e.getKey())).as("entries of %s", e.getKey())
          .isEqualTo(e.getValue().transfers().size());
    }
    // every stored receipt equals the one returned (read back by all threads: large runs on slow stores)
    List<Map.Entry<String, Receipt>> receipts = new ArrayList<>(applied.entrySet());
    List<Future<List<String>>> checks = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int from = receipts.size() * t / threads;
      int to = receipts.size() * (t + 1) / threads;
      checks.add(pool.submit(() -> {
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, Receipt> e : receipts.subList(from, to)) {
          java.util.Optional<Receipt> stored = store.receipt(e.getKey());
          if (!stored.equals(java.util.Optional.of(e.getValue()))) {
            wrong.add("stored receipt of " + e.getKey() + ": " + stored + ", returned " + e.getValue());
          }
        }
        return wrong;
      }));
    }
    List<String> wrongReceipts = new ArrayList<>();
    for (Future<List<String>> f : checks) {
      wrongReceipts.addAll(f.get(10, TimeUnit.MINUTES));
    }
    pool.shutdown();
    assertThat(wrongReceipts).as("stored receipts that differ from the returned ones").isEmpty();
    long swordsOwned = 0;
    for (AccountId a : hot) {
      swordsOwned += store.inventory(a, "sword");
    }
    for (AccountId a : coldAccounts) {
      swordsOwned += store.inventory(a, "sword");
    }
    assertThat(swordsOwned + store.shopItem(G, "sword").orElseThrow().stock()).as("swords conserved").isEqualTo(2_000);
    assertThat(applied.size()).as("a meaningful share of operations applied").isGreaterThan(ops / 4);
    LOG.info("simulation {}: {} threads, {} operations ({} retries, {} rejected), {} hot + {} cold accounts,"
        + " {} journal entries, {} ms, seed {}", getClass().getSimpleName(), threads, ops, retried.get(),
        rejected.get(), hot.size(), cold, audit.journal().size(), millis, seed);
  }

  private static AccountId pick(Random rnd, List<AccountId> hot, List<AccountId> cold) {
    return rnd.nextInt(10) < 7 ? hot.get(rnd.nextInt(hot.size())) : cold.get(rnd.nextInt(cold.size()));
  }
}
