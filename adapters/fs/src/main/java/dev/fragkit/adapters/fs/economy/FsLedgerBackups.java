package dev.fragkit.adapters.fs.economy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.fragkit.economy.ops.BackupException;
import dev.fragkit.economy.ops.BackupNames;
import dev.fragkit.economy.ops.LedgerBackups;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * {@link LedgerBackups} of an {@link FsLedgerStore} directory: {@code <backups>/<name>/} holds the
 * snapshot, the journal it names and {@code manifest.json} with every file's size and SHA-256.
 *
 * <ul>
 *   <li>Consistent while the store runs: the snapshot is replaced atomically and the journal is
 *       append-only, so the copied pair is a committed prefix (a torn last journal line in the copy
 *       is cut on restore, exactly as after a crash). A backup is written to {@code <name>.partial/}
 *       (every file fsynced), renamed when complete, and the directory fsynced; crashed partial
 *       backups are never listed and are deleted by {@link #prune()} once older than the retention.
 *   <li>{@link #restore} verifies every file's size and SHA-256 first, then keeps the current files
 *       as a backup tagged {@code -pre-restore} (itself listed and restorable), then replaces the
 *       store files. It needs the store closed: it takes the directory lock and fails with {@link
 *       BackupException} when a store has the directory open. A crash during the replacement is
 *       repaired by restoring again (the verified backup is not touched).
 *   <li>{@link #prune()} deletes backups taken (by their manifest time, not file times) before now
 *       minus the retention (default 7 days).
 * </ul>
 *
 * <p>Thread-safe: {@link #create()} and {@link #restore} are serialised per instance; use one
 * instance per backup directory.
 */
public final class FsLedgerBackups implements LedgerBackups {
  private static final JsonFactory JSON = new JsonFactory();
  private static final String MANIFEST = BackupDirectory.MANIFEST;
  private static final String SNAPSHOT = "snapshot.json";
  private static final String PRE_RESTORE = "-pre-restore";

  private final Path dataDir;
  private final BackupDirectory backups;
  private final Clock clock;
  private final Object writeLock = new Object();

  /**
   * @param dataDir the {@link FsLedgerStore} directory
   * @param backupDir where backups are kept (created when needed)
   * @param retention how long {@link #prune()} keeps a backup, positive
   */
  public FsLedgerBackups(Path dataDir, Path backupDir, Clock clock, Duration retention) {
    this.dataDir = Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(backupDir, "backupDir");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.backups = new BackupDirectory(backupDir, clock, retention, this::readManifest);
  }

  /** Seven-day retention. */
  public FsLedgerBackups(Path dataDir, Path backupDir, Clock clock) {
    this(dataDir, backupDir, clock, Duration.ofDays(7));
  }

  /**
   * Copies a consistent snapshot + journal pair of the (open or closed) store and its manifest.
   *
   * @throws BackupException when the directory holds no ledger snapshot or on I/O failure
   */
  @Override
  public BackupInfo create() {
    synchronized (writeLock) {
      return write("", false);
    }
  }

  private BackupInfo write(String tag, boolean allowEmpty) {
    Instant at = clock.instant();
    Map<String, byte[]> files = consistentCopy(allowEmpty);
    String current = MANIFEST;
    BackupDirectory.Partial partial = null;
    try {
      partial = backups.begin(at, tag);
      List<BackupFile> entries = new ArrayList<>();
      for (Map.Entry<String, byte[]> f : files.entrySet()) {
        current = f.getKey();
        AtomicFiles.write(partial.path().resolve(f.getKey()), f.getValue());
        entries.add(new BackupFile(f.getKey(), f.getValue().length, BackupDirectory.sha256Hex(f.getValue())));
      }
      BackupInfo backup = new BackupInfo(partial.name(), at, entries);
      current = MANIFEST;
      backups.commit(partial, manifest(backup).getBytes(StandardCharsets.UTF_8));
      return backup;
    } catch (IOException e) {
      String name = partial == null ? null : partial.name();
      throw BackupDirectory.discard(partial, new BackupException("backup " + name + ": cannot write " + current
          + " in " + backups.path() + ": " + e, name, current, e));
    } catch (RuntimeException e) {
      throw BackupDirectory.discard(partial, e);
    }
  }

  /** Reads the snapshot and the journal it names; retried when a new generation starts in between. */
  private Map<String, byte[]> consistentCopy(boolean allowEmpty) {
    String current = SNAPSHOT;
    try {
      for (int attempt = 0; attempt < 5; attempt++) {
        current = SNAPSHOT;
        byte[] snapshot;
        try {
          snapshot = Files.readAllBytes(dataDir.resolve(SNAPSHOT));
        } catch (NoSuchFileException e) {
          if (allowEmpty && !hasStoreFiles()) {
            return Map.of();
          }
          throw new BackupException("no ledger snapshot " + dataDir.resolve(SNAPSHOT) + " to back up", null,
              SNAPSHOT, e);
        }
        String text = new String(snapshot, StandardCharsets.UTF_8);
        int nl = text.indexOf('\n');
        int eq = nl < 0 ? -1 : text.lastIndexOf('=', nl);
        if (eq < 0) {
          throw new BackupException("ledger snapshot " + dataDir.resolve(SNAPSHOT) + " has no generation header",
              null, SNAPSHOT, null);
        }
        String journalName = "journal-" + text.substring(eq + 1, nl).trim() + ".log";
        current = journalName;
        try {
          byte[] journal = Files.readAllBytes(dataDir.resolve(journalName));
          Map<String, byte[]> out = new LinkedHashMap<>();
          out.put(SNAPSHOT, snapshot);
          out.put(journalName, journal);
          return out;
        } catch (NoSuchFileException e) {
          // a new generation started between the two reads: read the pair again
          continue;
        }
      }
    } catch (IOException e) {
      throw new BackupException("cannot read " + dataDir.resolve(current) + ": " + e, null, current, e);
    }
    throw new BackupException("could not read a consistent snapshot/journal pair in " + dataDir
        + " in 5 attempts", null, SNAPSHOT, null);
  }

  private boolean hasStoreFiles() throws IOException {
    if (!Files.isDirectory(dataDir)) {
      return false;
    }
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dataDir, p -> isStoreFile(p.getFileName().toString()))) {
      return ds.iterator().hasNext();
    }
  }

  /** All complete backups, newest first; {@code *.partial} directories are skipped. */
  @Override
  public List<BackupInfo> list() {
    return backups.list();
  }

  @Override
  public BackupStats stats() {
    return backups.stats();
  }

  @Override
  public List<String> prune() {
    return backups.prune();
  }

  /**
   * Restores {@code name} into the closed store directory after verifying every file; the current
   * files are first kept as a backup tagged {@code -pre-restore}, whose name is returned.
   */
  @Override
  public String restore(String name) {
    BackupNames.check(name);
    synchronized (writeLock) {
      backups.requireComplete(name);
      BackupInfo backup = readManifest(name);
      Map<String, byte[]> contents = new LinkedHashMap<>();
      for (BackupFile f : backup.files()) {
        contents.put(f.name(), backups.readVerified(name, f));
      }
      try {
        Files.createDirectories(dataDir);
        try (FileChannel ch = FileChannel.open(dataDir.resolve("LOCK"), StandardOpenOption.CREATE,
            StandardOpenOption.WRITE)) {
          FileLock lock;
          try {
            lock = ch.tryLock();
          } catch (OverlappingFileLockException e) {
            lock = null;
          }
          if (lock == null) {
            throw new BackupException("backup " + name + ": cannot restore into " + dataDir
                + ": the store is open", name, null, null);
          }
          try {
            String kept = write(PRE_RESTORE, true).name();
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(dataDir,
                p -> isStoreFile(p.getFileName().toString()))) {
              for (Path p : ds) {
                Files.delete(p);
              }
            }
            for (Map.Entry<String, byte[]> f : contents.entrySet()) {
              AtomicFiles.write(dataDir.resolve(f.getKey()), f.getValue());
            }
            AtomicFiles.fsyncDirectory(dataDir);
            return kept;
          } finally {
            lock.release();
          }
        }
      } catch (IOException e) {
        throw new BackupException("backup " + name + ": cannot restore into " + dataDir + ": " + e, name, null, e);
      }
    }
  }

  private static boolean isStoreFile(String n) {
    return n.equals(SNAPSHOT) || (n.startsWith("journal-") && n.endsWith(".log"));
  }

  private static String manifest(BackupInfo b) throws IOException {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.useDefaultPrettyPrinter();
      g.writeStartObject();
      g.writeStringField("format", "fragkit-ledger-backup/fs v1");
      g.writeStringField("name", b.name());
      g.writeStringField("timestamp", b.takenAt().toString());
      g.writeNumberField("totalSize", b.totalBytes());
      g.writeArrayFieldStart("files");
      for (BackupFile e : b.files()) {
        g.writeStartObject();
        g.writeStringField("file", e.name());
        g.writeNumberField("size", e.size());
        g.writeStringField("sha256", e.sha256());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    return out.toString();
  }

  private BackupInfo readManifest(String dirName) {
    var m = new Object() {
      @Nullable String name;
      @Nullable Instant at;
      final List<BackupFile> files = new ArrayList<>();
    };
    backups.readManifest(dirName, (field, p) -> {
      switch (field) {
        case "name" -> m.name = p.getText();
        case "timestamp" -> m.at = Instant.parse(p.getText());
        case "files" -> {
          while (p.nextToken() == JsonToken.START_OBJECT) {
            m.files.add(fileEntry(dirName, p));
          }
        }
        default -> {
          return false;
        }
      }
      return true;
    });
    String name = m.name;
    Instant at = m.at;
    List<BackupFile> files = m.files;
    if (name == null || at == null) {
      throw invalidManifest(dirName, "name or timestamp missing", null);
    }
    if (!name.equals(dirName)) {
      throw invalidManifest(dirName, "it names backup " + name, null);
    }
    return new BackupInfo(name, at, files);
  }

  private static BackupFile fileEntry(String dirName, JsonParser p) throws IOException {
    String file = null;
    long size = -1;
    String sha = null;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String f = p.currentName();
      p.nextToken();
      switch (f) {
        case "file" -> file = p.getText();
        case "size" -> size = p.getLongValue();
        case "sha256" -> sha = p.getText();
        default -> p.skipChildren();
      }
    }
    if (file == null || sha == null || size < 0 || !isStoreFile(file)) {
      throw invalidManifest(dirName, "invalid file entry " + file, null);
    }
    return new BackupFile(file, size, sha);
  }

  private static BackupException invalidManifest(String name, String why, @Nullable Throwable cause) {
    return BackupDirectory.invalidManifest(name, why, cause);
  }
}
