package dev.fragkit.adapters.fs.economy;

import dev.fragkit.economy.ledger.AccountBalance;
import dev.fragkit.economy.ledger.AccountId;
import dev.fragkit.economy.ledger.ChangeSet;
import dev.fragkit.economy.ledger.Hold;
import dev.fragkit.economy.ledger.HoldState;
import dev.fragkit.economy.ledger.InMemoryLedgerStore;
import dev.fragkit.economy.ledger.LedgerStore;
import dev.fragkit.economy.ledger.LedgerTransaction;
import dev.fragkit.economy.ledger.Receipt;
import dev.fragkit.economy.ledger.ShopItem;
import dev.fragkit.economy.ledger.StoreException;
import dev.fragkit.economy.ledger.Transfer;
import dev.fragkit.economy.lock.KeyedLockManager;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;
import java.util.zip.CRC32C;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link LedgerStore} kept in one directory: the state lives in memory ({@link
 * InMemoryLedgerStore}, keyed locks) and every commit is first appended to a write-ahead journal
 * ({@code journal-<generation>.log}, one CRC32C-checked JSON line per transaction, fsynced before the
 * commit is published or returned). Opening the directory loads {@code snapshot.json}, replays the
 * journal, cuts a torn last line (a crash mid-append) and writes a new snapshot with {@link
 * AtomicFiles} (temp, fsync, rename, fsync directory) before starting a new journal generation.
 * Corruption before the last line is refused with {@link StoreException}.
 *
 * <p>Only one process may open a directory: an OS file lock on {@code LOCK} is held while open (and
 * released by the OS if the process dies). Thread-safe. {@link #close()} releases it.
 *
 * <p><b>Single-instance lease mode</b> ({@link FsLedgerStoreOptions.Builder#singleInstanceLease},
 * off by default) adds an owner-token lease on top of the OS lock: lease "ledger" in {@code
 * <dir>/leases} ({@link FsLeaseStore}), taken on open with a random owner token that names the host
 * and pid, refreshed by a daemon thread and released on close only if still this instance's. Another
 * instance is refused with {@link LeaseHeldException} naming the holder and its expiry, and after a
 * crash the next instance gets in once the ttl has passed. If a refresh is refused (the lease expired,
 * e.g. after a long pause, or was taken over) or does not succeed within the ttl, the store logs an
 * error and refuses every later write with {@link LeaseLostException}; it never goes on writing
 * without its lease. The OS lock stays in lease mode because it is what protects the files at once
 * when a holder dies and what {@link FsLedgerBackups#restore} checks; the lease makes the owner
 * visible and turns a lost ownership into a fail-stop. The default (OS lock only) needs no timer and
 * lets a restarted instance in immediately.
 *
 * <p><b>Layout migrations</b>: before recovery, {@link FsMigrator} brings the directory to the
 * code's layout version under its own cross-process lock and records it in {@code migrations.json};
 * opening is refused with a {@link MigrationException} when the recorded history does not fit the
 * code (changed checksum, data newer than the code). See {@link FsLedgerLayout} for the versions.
 */
public final class FsLedgerStore implements LedgerStore {
  private static final Logger LOG = LoggerFactory.getLogger(FsLedgerStore.class);
  private static final String SNAPSHOT = "snapshot.json";
  private static final String HEADER = "fragkit-ledger-snapshot v1 generation=";

  private final Path dir;
  private final InMemoryLedgerStore memory;
  private final FileChannel lockChannel;
  private final FileLock lock;
  private final Object journalLock = new Object();
  private @Nullable FileChannel journal;
  private final RecoveryReport recovery;
  private final @Nullable LedgerLease lease;
  private final FsMigrator.Result migration;

  /** What opening the directory found. */
  public record RecoveryReport(long generation, int replayedTransactions, boolean tornTailTruncated) {}

  private FsLedgerStore(Path dir, FileChannel lockChannel, FileLock lock, FsLedgerStoreOptions options,
      @Nullable LedgerLease lease) throws IOException {
    this.dir = dir;
    this.lockChannel = lockChannel;
    this.lock = lock;
    this.lease = lease;
    this.memory = InMemoryLedgerStore.create(KeyedLockManager.create(options.lockTimeout()), this::guardedAppend);
    this.migration = FsMigrator.builder(dir, options.migrations()).clock(options.clock())
        .lockTimeout(options.migrationLockTimeout()).build().migrate();
    this.recovery = recover();
  }

  /** Opens (creating if needed) the store in {@code dir}, recovering from its journal. */
  public static FsLedgerStore open(Path dir) throws IOException {
    return open(dir, FsLedgerStoreOptions.defaults());
  }

  public static FsLedgerStore open(Path dir, Duration lockTimeout) throws IOException {
    return open(dir, FsLedgerStoreOptions.builder().lockTimeout(lockTimeout).build());
  }

  /**
   * Opens (creating if needed) the store in {@code dir}: takes the single-instance lease (lease
   * mode only), the OS lock, migrates the layout, then recovers from the journal.
   *
   * @throws LeaseHeldException in lease mode, when another instance holds the lease
   * @throws StoreException when another instance holds the OS lock
   * @throws MigrationException when the directory's migration history does not fit the code
   */
  public static FsLedgerStore open(Path dir, FsLedgerStoreOptions options) throws IOException {
    Files.createDirectories(dir);
    LedgerLease lease = null;
    Duration ttl = options.leaseTtl().orElse(null);
    Duration refreshEvery = options.leaseRefreshEvery().orElse(null);
    if (ttl != null && refreshEvery != null) {
      lease = LedgerLease.acquire(dir, FsLeaseStore.open(dir.resolve("leases")), ttl, refreshEvery, options.clock());
    }
    FileChannel ch = null;
    FileLock lock = null;
    try {
      ch = FileChannel.open(dir.resolve("LOCK"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      try {
        lock = ch.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null;
      }
      if (lock == null) {
        throw new StoreException("ledger directory " + dir + " is in use by another store instance", null);
      }
      return new FsLedgerStore(dir, ch, lock, options, lease);
    } catch (IOException | RuntimeException e) {
      try {
        if (lock != null) {
          lock.release();
        }
        if (ch != null) {
          ch.close();
        }
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      } finally {
        if (lease != null) {
          lease.close();
        }
      }
      throw e;
    }
  }

  /** What the layout migration did on open. */
  public FsMigrator.Result migration() {
    return migration;
  }

  /** In lease mode, this instance's owner token ("host pid N uuid"). */
  public Optional<String> leaseOwner() {
    LedgerLease l = lease;
    return l == null ? Optional.empty() : Optional.of(l.owner());
  }

  public RecoveryReport recovery() {
    return recovery;
  }

  /** The keyed locks of the in-memory state (diagnostics). */
  public KeyedLockManager<String> locks() {
    return memory.locks();
  }

  private RecoveryReport recover() throws IOException {
    long generation = 0;
    Path snapshot = dir.resolve(SNAPSHOT);
    if (Files.exists(snapshot)) {
      String text = Files.readString(snapshot, StandardCharsets.UTF_8);
      int nl = text.indexOf('\n');
      if (nl < 0 || !text.startsWith(HEADER)) {
        throw new StoreException("snapshot " + snapshot + " has no valid header", null);
      }
      String gen = text.substring(HEADER.length(), nl).trim();
      try {
        generation = Long.parseLong(gen);
      } catch (NumberFormatException e) {
        throw new StoreException("snapshot " + snapshot + " header: generation is not a number: \"" + gen + "\"", e);
      }
      if (!Files.exists(journalPath(generation))) {
        // compaction creates the journal before the snapshot naming it, so this is damage, not a crash:
        // starting would compact and delete the journals that hold the transactions
        throw new StoreException("snapshot " + snapshot + " names " + journalPath(generation).getFileName()
            + ", which does not exist (damaged header or incomplete restore); refusing to start", null);
      }
      String body = text.substring(nl + 1).strip();
      ChangeSet state = checkedLine(body);
      if (state == null) {
        throw new StoreException("snapshot " + snapshot + " fails its checksum", null);
      }
      memory.apply(state);
    }
    Path journalPath = journalPath(generation);
    int replayed = 0;
    boolean torn = false;
    if (Files.exists(journalPath)) {
      byte[] bytes = Files.readAllBytes(journalPath);
      int start = 0;
      int lineNo = 0;
      while (start < bytes.length) {
        lineNo++;
        int end = indexOf(bytes, (byte) '\n', start);
        ChangeSet cs = end < 0 ? null : checkedLine(new String(bytes, start, end - start, StandardCharsets.UTF_8));
        if (cs == null) {
          boolean last = end < 0 || end == bytes.length - 1;
          if (!last) {
            throw new StoreException("journal " + journalPath + " corrupted at line " + lineNo
                + " (byte " + start + ") with valid data after it", null);
          }
          LOG.warn("journal {}: truncating torn last line {} at byte {}", journalPath, lineNo, start);
          try (FileChannel ch = FileChannel.open(journalPath, StandardOpenOption.WRITE)) {
            ch.truncate(start);
            ch.force(true);
          }
          torn = true;
          break;
        }
        memory.apply(cs);
        replayed++;
        start = end + 1;
      }
    }
    if (replayed > 0 || !Files.exists(journalPath)) {
      generation = compact(generation);
    }
    journal = FileChannel.open(journalPath(generation), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.APPEND);
    deleteOtherJournals(generation);
    LOG.info("ledger store {} opened: generation {}, {} transactions replayed{}", dir, generation, replayed,
        torn ? ", torn tail truncated" : "");
    return new RecoveryReport(generation, replayed, torn);
  }

  /** New empty journal, then a snapshot naming it (atomic); the old journal is then obsolete. */
  private long compact(long generation) throws IOException {
    long next = generation + 1;
    Path fresh = journalPath(next);
    try (FileChannel ch = FileChannel.open(fresh, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.TRUNCATE_EXISTING)) {
      ch.force(true);
    }
    AtomicFiles.fsyncDirectory(dir);
    String body = line(memory.exportState());
    AtomicFiles.write(dir.resolve(SNAPSHOT), (HEADER + next + "\n" + body).getBytes(StandardCharsets.UTF_8));
    return next;
  }

  private void deleteOtherJournals(long generation) throws IOException {
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "journal-*.log")) {
      for (Path p : ds) {
        if (!p.getFileName().toString().equals(journalPath(generation).getFileName().toString())) {
          Files.delete(p);
        }
      }
    }
    AtomicFiles.fsyncDirectory(dir);
  }

  private Path journalPath(long generation) {
    return dir.resolve("journal-" + generation + ".log");
  }

  private static int indexOf(byte[] bytes, byte b, int from) {
    for (int i = from; i < bytes.length; i++) {
      if (bytes[i] == b) {
        return i;
      }
    }
    return -1;
  }

  /** {@code crc32c-hex SPACE json NEWLINE}. */
  private static String line(ChangeSet cs) {
    String json = ChangeSetCodec.encode(cs);
    return String.format("%08x", crc(json)) + " " + json + "\n";
  }

  private static long crc(String json) {
    CRC32C c = new CRC32C();
    c.update(json.getBytes(StandardCharsets.UTF_8));
    return c.getValue();
  }

  /** The change set of a line, or null when the line is torn or fails its checksum. */
  private static @Nullable ChangeSet checkedLine(String line) {
    if (line.length() < 10 || line.charAt(8) != ' ') {
      return null;
    }
    String json = line.substring(9);
    long expected;
    try {
      expected = Long.parseLong(line.substring(0, 8), 16);
    } catch (NumberFormatException e) {
      return null;
    }
    if (crc(json) != expected) {
      return null;
    }
    return ChangeSetCodec.decode(json);
  }

  /** In lease mode a write happens only while the lease is known to be valid. */
  private void guardedAppend(ChangeSet changes) {
    LedgerLease l = lease;
    if (l != null) {
      l.checkWritable();
    }
    append(changes);
  }

  /** The write-ahead step of every commit (called under the transaction's keyed locks). */
  private void append(ChangeSet changes) {
    byte[] bytes = line(changes).getBytes(StandardCharsets.UTF_8);
    FileChannel ch;
    long end;
    synchronized (journalLock) {
      ch = journal;
      if (ch == null) {
        throw new IllegalStateException("closed");
      }
      checkSyncFailure();
      long before = -1;
      try {
        before = ch.size();
        if (journalStart < 0) {
          journalStart = before;
        }
        ByteBuffer buf = ByteBuffer.wrap(bytes);
        while (buf.hasRemaining()) {
          ch.write(buf);
        }
      } catch (IOException e) {
        if (before >= 0) {
          try {
            ch.truncate(before);
          } catch (IOException suppressed) {
            e.addSuppressed(suppressed);
          }
        }
        throw new StoreException("cannot append to the ledger journal in " + dir + ": " + e.getMessage(), e);
      }
      writtenEnd = before + bytes.length;
      end = writtenEnd;
    }
    synchronized (syncLock) {
      checkSyncFailure();
      if (durableEnd >= end) {
        return;
      }
      long target;
      long start;
      synchronized (journalLock) {
        target = writtenEnd;
        start = journalStart;
      }
      try {
        ch.force(false);
        durableEnd = target;
      } catch (IOException e) {
        syncFailure = e;
        synchronized (journalLock) {
          try {
            ch.truncate(durableEnd >= 0 ? durableEnd : start);
          } catch (IOException suppressed) {
            e.addSuppressed(suppressed);
          }
        }
        throw new StoreException("cannot fsync the ledger journal in " + dir + ": " + e.getMessage(), e);
      }
    }
  }

  private void checkSyncFailure() {
    IOException failure = syncFailure;
    if (failure != null) {
      throw new StoreException("ledger journal in " + dir + " failed to fsync earlier (" + failure.getMessage()
          + "); reopen the store", failure);
    }
  }

  // Group commit: append() returns only when its change set's line is on disk. The line is written
  // under journalLock, then one fsync covers every line written so far, so commits that overlap in
  // time share one fsync instead of queueing one each; lines of one key set are written in commit
  // order because the keyed locks are held. If an fsync fails, the journal is cut back to its last
  // durable length, every commit not yet covered fails with StoreException (nothing of it is
  // published), and so does every later commit until the store is reopened: the state of unsynced
  // data after a failed fsync is unknown.

  /** Serialises journal fsyncs (group commit); never taken while holding {@code journalLock}. */
  private final Object syncLock = new Object();
  /** Journal bytes written, and the journal's length at the first append (guarded by {@code journalLock}). */
  private long writtenEnd = -1;
  private long journalStart = -1;
  /** Journal bytes known durable (guarded by {@code syncLock}). */
  private long durableEnd = -1;
  /** Set once an fsync failed: the journal's durable state is unknown, so no further commit is acknowledged. */
  private volatile @Nullable IOException syncFailure;

  @Override
  public <T> T inTransaction(Set<String> lockKeys, Function<LedgerTransaction, T> work) {
    return memory.inTransaction(lockKeys, work);
  }

  @Override
  public OptionalLong balance(AccountId account) {
    return memory.balance(account);
  }

  @Override
  public List<AccountBalance> leaderboard(String guild, int offset, int limit) {
    return memory.leaderboard(guild, offset, limit);
  }

  @Override
  public List<AccountBalance> balances() {
    return memory.balances();
  }

  @Override
  public List<Transfer> journal(AccountId account, Instant from, Instant to) {
    return memory.journal(account, from, to);
  }

  @Override
  public List<Transfer> journalAfter(long afterSequence, int limit) {
    return memory.journalAfter(afterSequence, limit);
  }

  @Override
  public Optional<Receipt> receipt(String operationId) {
    return memory.receipt(operationId);
  }

  @Override
  public Optional<Hold> hold(String holdId) {
    return memory.hold(holdId);
  }

  @Override
  public List<Hold> holds(HoldState state) {
    return memory.holds(state);
  }

  @Override
  public Optional<ShopItem> shopItem(String guild, String sku) {
    return memory.shopItem(guild, sku);
  }

  @Override
  public long inventory(AccountId account, String sku) {
    return memory.inventory(account, sku);
  }

  @Override
  public List<ChangeSet.Inventory> inventories() {
    return memory.inventories();
  }

  /** Closes the journal, releases the directory lock and (lease mode) the lease if still ours. Idempotent. */
  @Override
  public void close() {
    synchronized (journalLock) {
      if (journal == null) {
        return;
      }
      try {
        journal.close();
        lock.release();
        lockChannel.close();
      } catch (IOException e) {
        throw new StoreException("cannot close ledger store " + dir + ": " + e.getMessage(), e);
      } finally {
        journal = null;
        if (lease != null) {
          lease.close();
        }
      }
    }
  }
}
