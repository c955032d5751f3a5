package dev.fragkit.economy.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fragkit.economy.ledger.AccountBalance;
import dev.fragkit.economy.ledger.AccountId;
import dev.fragkit.economy.ledger.ChangeSet;
import dev.fragkit.economy.ledger.Hold;
import dev.fragkit.economy.ledger.HoldState;
import dev.fragkit.economy.ledger.InsufficientFundsException;
import dev.fragkit.economy.ledger.Ledger;
import dev.fragkit.economy.ledger.LedgerAudit;
import dev.fragkit.economy.ledger.LedgerConfig;
import dev.fragkit.economy.ledger.LedgerStore;
import dev.fragkit.economy.ledger.Receipt;
import dev.fragkit.economy.ledger.ShopItem;
import dev.fragkit.economy.ledger.TestClock;
import dev.fragkit.economy.ledger.Transfer;
import dev.fragkit.economy.ops.LedgerBackups.BackupFile;
import dev.fragkit.economy.ops.LedgerBackups.BackupInfo;
import dev.fragkit.economy.ops.LedgerBackups.BackupStats;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contract of every {@link LedgerBackups}: a restore gives back exactly the state at backup
 * time and keeps the later state in a restorable pre-restore backup; a tampered or truncated file
 * is refused with a {@link BackupException} naming it and nothing changes; crashed ({@code
 * *.partial}) backups and backups with an unreadable manifest are never listed; retention is by the backup's recorded time (injected
 * clock); list is newest first; and backups taken while several threads keep transferring are each
 * consistent (restored into a fresh store, money is conserved and balances equal the journal).
 *
 * <p>Subclass per implementation with {@link #newTarget}. The tamper and crash hooks assume the
 * layout both stock implementations use ({@code <backupDir>/<name>/<file>}, crashed backups in
 * {@code <backupDir>/<name>.partial/}); override them for another layout.
 */
public abstract class LedgerBackupsContractTest {
  protected static final String G = "g1";

  /** Shared by every target of a test, so a backup of one can be restored into another. */
  @TempDir
  protected Path backupDir;

  protected final TestClock clock = TestClock.fixed();
  private final List<Target> targets = new ArrayList<>();
  private Target target;
  private LedgerStore store;
  private Ledger ledger;

  /** A store, its backups and how to close and reopen it. Not thread-safe. */
  public interface Target extends AutoCloseable {
    /** Opens the store (again, after {@link #closeStore()}). */
    LedgerStore openStore();

    /** Closes the store opened last, so that {@link LedgerBackups#restore} may run. */
    void closeStore();

    LedgerBackups backups();

    /** Releases everything (database, …). */
    @Override
    void close();
  }

  /** A new target with an empty store whose backups live in {@code backupDir}. */
  protected abstract Target newTarget(Path backupDir, Clock clock);

  /** Where {@code file} of backup {@code backup} lives (for the tamper tests). */
  protected Path fileOf(String backup, String file) {
    return backupDir.resolve(backup).resolve(file);
  }

  /** Leaves what a process killed while writing a backup {@code partialName} leaves behind. */
  protected void leaveCrashedBackup(String completeBackup, String partialName) throws IOException {
    Path to = Files.createDirectory(backupDir.resolve(partialName + ".partial"));
    try (Stream<Path> files = Files.list(backupDir.resolve(completeBackup))) {
      for (Path f : files.toList()) {
        Files.copy(f, to.resolve(f.getFileName()), StandardCopyOption.COPY_ATTRIBUTES);
      }
    }
  }

  /** Writer threads in the consistency test. */
  protected int writerThreads() {
    return 4;
  }

  /** Backups taken while the writers run. */
  protected int concurrentBackups() {
    return 5;
  }

  @BeforeEach
  void openTarget() {
    target = track(newTarget(backupDir, clock));
    store = target.openStore();
    ledger = ledger(store);
  }

  @AfterEach
  void closeTargets() {
    for (Target t : targets) {
      t.closeStore();
      t.close();
    }
  }

  private Target track(Target t) {
    targets.add(t);
    return t;
  }

  private Ledger ledger(LedgerStore s) {
    return Ledger.builder(s).clock(clock).random(new Random(3))
        .config(LedgerConfig.builder().startingBalance(1_000).storeRetryWait(Duration.ZERO).build()).build();
  }

  private void reopen() {
    target.closeStore();
    store = target.openStore();
    ledger = ledger(store);
  }

  private static AccountId user(String name) {
    return AccountId.user(G, name);
  }

  /** Everything a restore must bring back. */
  record State(List<AccountBalance> balances, List<Transfer> journal, List<Receipt> receipts,
      List<Hold> holds, List<ChangeSet.Inventory> inventories, Optional<ShopItem> item) {
    static State of(LedgerStore s) {
      List<Transfer> journal = LedgerAudit.readJournal(s);
      List<Receipt> receipts = journal.stream().map(Transfer::operationId).distinct()
          .map(id -> s.receipt(id).orElseThrow()).toList();
      List<Hold> holds = new ArrayList<>();
      for (HoldState st : HoldState.values()) {
        holds.addAll(s.holds(st));
      }
      return new State(s.balances(), journal, receipts, holds, s.inventories(), s.shopItem(G, "hat"));
    }
  }

  /** Accounts, transfers, a daily marker, a shop item with purchases and a pending hold. */
  private void firstActivity() {
    for (String u : List.of("alice", "bob", "carol")) {
      ledger.openAccount("open-" + u, G, u);
    }
    ledger.transfer("t1", user("alice"), user("bob"), 120);
    ledger.daily("daily-carol", user("carol"));
    ledger.putShopItem(new ShopItem(G, "hat", "Hat", 30, 5));
    ledger.purchase("buy-1", user("bob"), "hat", 2);
    ledger.hold("bet-1", "game-1", user("carol"), 75, "{\"hand\":1}");
  }

  private void laterActivity() {
    clock.advance(Duration.ofMinutes(5));
    ledger.openAccount("open-dave", G, "dave");
    ledger.transfer("t2", user("bob"), user("dave"), 300);
    ledger.postHold("settle-1", "game-1", 150, "{\"hand\":2}");
    ledger.purchase("buy-2", user("dave"), "hat", 1);
  }

  // ------------------------------------------------------------------ restore

  @Test
  void restoreBringsBackTheStateAtBackupTimeAndKeepsTheLaterStateRestorable() {
    firstActivity();
    State atBackup = State.of(store);
    BackupInfo backup = target.backups().create();
    assertThat(backup.takenAt()).isEqualTo(clock.instant());
    assertThat(backup.files()).isNotEmpty().allSatisfy(f -> assertThat(f.sha256()).hasSize(64));
    laterActivity();
    State later = State.of(store);
    assertThat(later).isNotEqualTo(atBackup);

    target.closeStore();
    clock.advance(Duration.ofMinutes(1));
    String preRestore = target.backups().restore(backup.name());
    store = target.openStore();
    ledger = ledger(store);

    assertThat(State.of(store)).isEqualTo(atBackup);
    new LedgerAudit(store).checkAll(G, Set.of());
    assertThat(target.backups().list()).extracting(BackupInfo::name).containsExactly(preRestore, backup.name());
    // the operation records came back too: an id applied after the backup applies again, and new
    // journal entries do not collide with restored sequence numbers
    Receipt again = ledger.transfer("t2", user("bob"), user("carol"), 10);
    assertThat(again.transfers()).singleElement().satisfies(t ->
        assertThat(t.sequence()).isGreaterThan(atBackup.journal().get(atBackup.journal().size() - 1).sequence()));
    assertThat(ledger.transfer("t1", user("alice"), user("bob"), 120).transfers())
        .isEqualTo(atBackup.receipts().stream().filter(r -> r.operationId().equals("t1")).findFirst()
            .orElseThrow().transfers());

    target.closeStore();
    target.backups().restore(preRestore);
    store = target.openStore();
    assertThat(State.of(store)).isEqualTo(later);
    new LedgerAudit(store).checkAll(G, Set.of());
  }

  @Test
  void aFlippedByteIsRefusedNamingTheFileAndNothingChanges() throws IOException {
    firstActivity();
    BackupInfo backup = target.backups().create();
    laterActivity();
    State later = State.of(store);
    BackupFile victim = backup.files().stream().max(Comparator.comparingLong(BackupFile::size)).orElseThrow();
    Path file = fileOf(backup.name(), victim.name());
    byte[] bytes = Files.readAllBytes(file);
    bytes[bytes.length / 2] ^= 0x01;
    Files.write(file, bytes);

    target.closeStore();
    assertThatThrownBy(() -> target.backups().restore(backup.name()))
        .isInstanceOfSatisfying(BackupException.class, e -> {
          assertThat(e.key()).contains(backup.name());
          assertThat(e.file()).contains(victim.name());
        })
        .hasMessageContaining("backup " + backup.name())
        .hasMessageContaining(victim.name())
        .hasMessageContaining("SHA-256")
        .hasMessageContaining("expected " + victim.sha256());
    assertThat(target.backups().list()).as("no pre-restore backup was taken").hasSize(1);
    reopen();
    assertThat(State.of(store)).isEqualTo(later);
  }

  @Test
  void aTruncatedFileIsRefusedNamingExpectedAndActualSize() throws IOException {
    firstActivity();
    BackupInfo backup = target.backups().create();
    BackupFile victim = backup.files().stream().max(Comparator.comparingLong(BackupFile::size)).orElseThrow();
    Path file = fileOf(backup.name(), victim.name());
    byte[] bytes = Files.readAllBytes(file);
    Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length - 1));
    State now = State.of(store);

    target.closeStore();
    assertThatThrownBy(() -> target.backups().restore(backup.name()))
        .isInstanceOf(BackupException.class)
        .hasMessageContaining(victim.name())
        .hasMessageContaining("size: expected " + victim.size() + ", actual " + (victim.size() - 1));
    reopen();
    assertThat(State.of(store)).isEqualTo(now);
  }

  @Test
  void unknownAndMalformedNamesAreTypedErrors() {
    firstActivity();
    target.backups().create();
    target.closeStore();
    assertThatThrownBy(() -> target.backups().restore("2020-01-01T00-00-00-000Z"))
        .isInstanceOf(BackupException.class)
        .hasMessageContaining("2020-01-01T00-00-00-000Z");
    assertThatThrownBy(() -> target.backups().restore("../etc"))
        .isInstanceOf(BackupException.class)
        .hasMessageContaining("../etc");
  }

  // ------------------------------------------------------------------ list, stats, prune

  @Test
  void aCrashedPartialBackupIsNeitherListedNorRestorableAndIsPrunedWhenOld() throws IOException {
    firstActivity();
    BackupInfo complete = target.backups().create();
    String partial = "2025-12-20T00-00-00-000Z";
    leaveCrashedBackup(complete.name(), partial);
    assertThat(target.backups().list()).extracting(BackupInfo::name).containsExactly(complete.name());
    assertThat(target.backups().stats().count()).isEqualTo(1);
    target.closeStore();
    assertThatThrownBy(() -> target.backups().restore(partial + ".partial"))
        .isInstanceOf(BackupException.class);
    assertThatThrownBy(() -> target.backups().restore(partial))
        .isInstanceOf(BackupException.class);
    assertThat(target.backups().prune()).as("only complete backups are reported").isEmpty();
    assertThat(backupDir.resolve(partial + ".partial")).as("older than the retention").doesNotExist();
    assertThat(target.backups().list()).hasSize(1);
  }

  @Test
  void aBackupWithAnUnreadableManifestIsNotListedAndItsRestoreNamesTheManifest() throws IOException {
    firstActivity();
    BackupInfo good = target.backups().create();
    clock.advance(Duration.ofSeconds(1));
    BackupInfo damaged = target.backups().create();
    Files.writeString(fileOf(damaged.name(), "manifest.json"), "{\"name\": ");
    assertThat(target.backups().list()).extracting(BackupInfo::name).containsExactly(good.name());
    target.closeStore();
    assertThatThrownBy(() -> target.backups().restore(damaged.name()))
        .isInstanceOfSatisfying(BackupException.class, e -> assertThat(e.file()).contains("manifest.json"))
        .hasMessageStartingWith("backup " + damaged.name() + ": invalid manifest.json: ");
  }

  @Test
  void listIsNewestFirstAndPruneUsesTheRecordedTimeWithTheInjectedClock() {
    firstActivity();
    List<String> names = new ArrayList<>();
    for (int day = 0; day < 9; day++) {
      names.add(target.backups().create().name());
      clock.advance(Duration.ofDays(1));
      ledger.transfer("daily-t" + day, user("alice"), user("bob"), 1);
    }
    clock.advance(Duration.ofDays(-1));
    List<BackupInfo> all = target.backups().list();
    assertThat(all).extracting(BackupInfo::name).containsExactlyElementsOf(reversed(names));
    assertThat(all).extracting(BackupInfo::takenAt).isSortedAccordingTo(Comparator.reverseOrder());
    // now = day 8: retention 7 days keeps days 1..8 (day 1 is exactly 7 days old)
    assertThat(target.backups().prune()).containsExactly(names.get(0));
    clock.advance(Duration.ofHours(1));
    assertThat(target.backups().prune()).containsExactly(names.get(1));
    assertThat(target.backups().prune()).isEmpty();

    BackupStats stats = target.backups().stats();
    List<BackupInfo> kept = target.backups().list();
    assertThat(kept).extracting(BackupInfo::name).containsExactlyElementsOf(reversed(names.subList(2, 9)));
    assertThat(stats.count()).isEqualTo(7);
    assertThat(stats.totalBytes()).isEqualTo(kept.stream().mapToLong(BackupInfo::totalBytes).sum()).isPositive();
    assertThat(stats.newest()).isEqualTo(TestClock.START.plus(Duration.ofDays(8)));
    assertThat(stats.oldest()).isEqualTo(TestClock.START.plus(Duration.ofDays(2)));
  }

  private static List<String> reversed(List<String> in) {
    List<String> out = new ArrayList<>(in);
    java.util.Collections.reverse(out);
    return out;
  }

  @Test
  void statsOfNoBackupsAreEmpty() {
    assertThat(target.backups().list()).isEmpty();
    assertThat(target.backups().stats()).isEqualTo(new BackupStats(0, 0, null, null));
    assertThat(target.backups().prune()).isEmpty();
  }

  @Test
  void backupsTakenAtTheSameInstantGetDistinctNames() {
    firstActivity();
    BackupInfo a = target.backups().create();
    BackupInfo b = target.backups().create();
    assertThat(a.name()).isNotEqualTo(b.name());
    assertThat(a.takenAt()).isEqualTo(b.takenAt());
    assertThat(target.backups().list()).hasSize(2);
  }

  // ------------------------------------------------------------------ consistency under load

  @Test
  void backupsTakenWhileThreadsTransferAreEachConsistent() throws Exception {
    List<AccountId> accounts = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      ledger.openAccount("open-u" + i, G, "u" + i);
      accounts.add(user("u" + i));
    }
    AtomicBoolean stop = new AtomicBoolean();
    Semaphore committed = new Semaphore(0);
    int writers = writerThreads();
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    List<Future<Integer>> futures = new ArrayList<>();
    Ledger shared = ledger;
    for (int w = 0; w < writers; w++) {
      int id = w;
      futures.add(pool.submit(() -> {
        SplittableRandom random = new SplittableRandom(1_000 + id);
        int done = 0;
        for (int i = 0; !stop.get(); i++) {
          AccountId from = accounts.get(random.nextInt(accounts.size()));
          AccountId to = accounts.get(random.nextInt(accounts.size()));
          if (from.equals(to)) {
            continue;
          }
          try {
            shared.transfer("w" + id + "-" + i, from, to, 1 + random.nextInt(40));
            done++;
            committed.release();
          } catch (InsufficientFundsException e) {
            committed.release();
          }
        }
        return done;
      }));
    }
    List<String> names = new ArrayList<>();
    try {
      for (int k = 0; k < concurrentBackups(); k++) {
        // at least 25 more operations finish after the previous backup returned
        committed.drainPermits();
        assertThat(committed.tryAcquire(25, 60, TimeUnit.SECONDS)).as("writers make progress").isTrue();
        names.add(target.backups().create().name());
      }
    } finally {
      stop.set(true);
      pool.shutdown();
    }
    int transfers = 0;
    for (Future<Integer> f : futures) {
      transfers += f.get(60, TimeUnit.SECONDS);
    }
    assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    assertThat(names).doesNotHaveDuplicates();
    LedgerAudit live = new LedgerAudit(store).checkAll(G, Set.of());
    assertThat(live.journal()).hasSize(8 + transfers);

    List<Integer> journalSizes = new ArrayList<>();
    for (String name : names) {
      Target fresh = track(newTarget(backupDir, clock));
      fresh.backups().restore(name);
      LedgerStore restored = fresh.openStore();
      LedgerAudit audit = new LedgerAudit(restored).checkAll(G, Set.of());
      assertThat(audit.mintedMinusBurned(G)).isEqualTo(java.math.BigInteger.valueOf(8_000));
      // a subset, not necessarily a prefix: a database hands out sequence numbers before commit
      Set<Transfer> liveEntries = new java.util.HashSet<>(live.journal());
      assertThat(audit.journal().stream().filter(t -> !liveEntries.contains(t)).toList())
          .as("backed-up entries missing from or changed in the live journal").isEmpty();
      journalSizes.add(audit.journal().size());
      // the restored store keeps working: new journal entries get sequence numbers past the restored ones
      long lastSequence = audit.journal().get(audit.journal().size() - 1).sequence();
      Receipt next = ledger(restored).transfer("after-restore", accounts.get(0), accounts.get(1), 1);
      assertThat(next.transfers()).singleElement().satisfies(t -> assertThat(t.sequence()).isGreaterThan(lastSequence));
      fresh.closeStore();
    }
    assertThat(journalSizes).as("every backup saw later commits than the one before")
        .isSortedAccordingTo(Comparator.naturalOrder()).doesNotHaveDuplicates();
  }
}
