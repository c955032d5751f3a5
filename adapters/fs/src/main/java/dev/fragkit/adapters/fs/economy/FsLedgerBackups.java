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
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
  private static final Logger LOG = LoggerFactory.getLogger(FsLedgerBackups.class);
  private static final JsonFactory JSON = new JsonFactory();
  private static final String MANIFEST = "manifest.json";
  private static final String SNAPSHOT = "snapshot.json";
  private static final String PRE_RESTORE = "-pre-restore";

  private final Path dataDir;
  private final Path backupDir;
  private final Clock clock;
  private final Duration retention;
  private final Object writeLock = new Object();

  /**
   * @param dataDir the {@link FsLedgerStore} directory
   * @param backupDir where backups are kept (created when needed)
   * @param retention how long {@link #prune()} keeps a backup, positive
   */
  public FsLedgerBackups(Path dataDir, Path backupDir, Clock clock, Duration retention) {
    this.dataDir = Objects.requireNonNull(dataDir, "dataDir");
    this.backupDir = Objects.requireNonNull(backupDir, "backupDir");
    this.clock = Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(retention, "retention");
    if (retention.isNegative() || retention.isZero()) {
      throw new IllegalArgumentException("retention <= 0: " + retention);
    }
    this.retention = retention;
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
    String name = null;
    String current = MANIFEST;
    Path partial = null;
    try {
      Files.createDirectories(backupDir);
      for (int attempt = 0; partial == null; attempt++) {
        String candidate = BackupNames.candidate(at, tag, attempt);
        if (Files.exists(backupDir.resolve(candidate))) {
          continue;
        }
        try {
          partial = Files.createDirectory(backupDir.resolve(candidate + BackupNames.PARTIAL));
          name = candidate;
        } catch (FileAlreadyExistsException e) {
          // another writer holds this candidate: try the next one
          partial = null;
        }
      }
      List<BackupFile> entries = new ArrayList<>();
      for (Map.Entry<String, byte[]> f : files.entrySet()) {
        current = f.getKey();
        AtomicFiles.write(partial.resolve(f.getKey()), f.getValue());
        entries.add(new BackupFile(f.getKey(), f.getValue().length, sha256(f.getValue())));
      }
      BackupInfo backup = new BackupInfo(name, at, entries);
      current = MANIFEST;
      AtomicFiles.write(partial.resolve(MANIFEST), manifest(backup).getBytes(StandardCharsets.UTF_8));
      Files.move(partial, backupDir.resolve(name), StandardCopyOption.ATOMIC_MOVE);
      AtomicFiles.fsyncDirectory(backupDir);
      return backup;
    } catch (IOException e) {
      throw discard(partial, new BackupException("backup " + name + ": cannot write " + current + " in " + backupDir
          + ": " + e, name, current, e));
    } catch (RuntimeException e) {
      throw discard(partial, e);
    }
  }

  /** Deletes the partial directory of a failed backup (best effort; a leftover is pruned later). */
  private static <E extends RuntimeException> E discard(@Nullable Path partial, E failure) {
    if (partial != null && Files.exists(partial)) {
      try {
        deleteTree(partial);
      } catch (IOException e) {
        failure.addSuppressed(e);
      }
    }
    return failure;
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
    if (!Files.isDirectory(backupDir)) {
      return List.of();
    }
    List<BackupInfo> out = new ArrayList<>();
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(backupDir)) {
      for (Path p : ds) {
        String n = p.getFileName().toString();
        if (!n.endsWith(BackupNames.PARTIAL) && Files.isRegularFile(p.resolve(MANIFEST))) {
          try {
            out.add(readManifest(n));
          } catch (BackupException e) {
            // deleted by a concurrent prune, or damaged: not a complete backup (restore names the problem)
            if (!(e.getCause() instanceof NoSuchFileException)) {
              LOG.warn("skipping backup {}: {}", n, e.getMessage());
            }
          }
        }
      }
    } catch (IOException e) {
      throw new BackupException("cannot list backups in " + backupDir + ": " + e, null, null, e);
    }
    out.sort(Comparator.comparing(BackupInfo::takenAt).thenComparing(BackupInfo::name).reversed());
    return out;
  }

  @Override
  public BackupStats stats() {
    List<BackupInfo> all = list();
    if (all.isEmpty()) {
      return new BackupStats(0, 0, null, null);
    }
    return new BackupStats(all.size(), all.stream().mapToLong(BackupInfo::totalBytes).sum(), all.get(0).takenAt(),
        all.get(all.size() - 1).takenAt());
  }

  @Override
  public List<String> prune() {
    Instant cutoff = clock.instant().minus(retention);
    List<String> deleted = new ArrayList<>();
    List<BackupInfo> all = new ArrayList<>(list());
    java.util.Collections.reverse(all);
    try {
      for (BackupInfo b : all) {
        if (b.takenAt().isBefore(cutoff)) {
          // rename first: a crash while deleting leaves a partial directory, never a listed torn backup
          Path doomed = backupDir.resolve(b.name() + BackupNames.PARTIAL);
          Files.move(backupDir.resolve(b.name()), doomed, StandardCopyOption.ATOMIC_MOVE);
          deleteTree(doomed);
          deleted.add(b.name());
        }
      }
      if (Files.isDirectory(backupDir)) {
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(backupDir, "*" + BackupNames.PARTIAL)) {
          for (Path p : ds) {
            Optional<Instant> at = BackupNames.timestampOf(p.getFileName().toString());
            if (at.isPresent() && at.get().isBefore(cutoff)) {
              deleteTree(p);
            }
          }
        }
        AtomicFiles.fsyncDirectory(backupDir);
      }
    } catch (IOException e) {
      throw new BackupException("cannot prune backups in " + backupDir + ": " + e, null, null, e);
    }
    return deleted;
  }

  /**
   * Restores {@code name} into the closed store directory after verifying every file; the current
   * files are first kept as a backup tagged {@code -pre-restore}, whose name is returned.
   */
  @Override
  public String restore(String name) {
    BackupNames.check(name);
    synchronized (writeLock) {
      Path source = backupDir.resolve(name);
      if (!Files.isRegularFile(source.resolve(MANIFEST))) {
        throw new BackupException("backup " + name + ": no such backup in " + backupDir, name, MANIFEST, null);
      }
      BackupInfo backup = readManifest(name);
      Map<String, byte[]> contents = new LinkedHashMap<>();
      for (BackupFile f : backup.files()) {
        contents.put(f.name(), verified(name, source, f));
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

  private static byte[] verified(String name, Path source, BackupFile f) {
    byte[] data;
    try {
      data = Files.readAllBytes(source.resolve(f.name()));
    } catch (NoSuchFileException e) {
      throw new BackupException("backup " + name + ": file " + f.name() + " is missing", name, f.name(), e);
    } catch (IOException e) {
      throw new BackupException("backup " + name + ": cannot read " + f.name() + ": " + e, name, f.name(), e);
    }
    if (data.length != f.size()) {
      throw new BackupException("backup " + name + ": file " + f.name() + " does not match its manifest: size: expected "
          + f.size() + ", actual " + data.length, name, f.name(), null);
    }
    String actual = sha256(data);
    if (!actual.equals(f.sha256())) {
      throw new BackupException("backup " + name + ": file " + f.name() + " does not match its manifest: SHA-256: expected "
          + f.sha256() + ", actual " + actual, name, f.name(), null);
    }
    return data;
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
    Path dir = backupDir.resolve(dirName);
    String name = null;
    Instant at = null;
    List<BackupFile> files = new ArrayList<>();
    try (JsonParser p = JSON.createParser(Files.readAllBytes(dir.resolve(MANIFEST)))) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw invalidManifest(dirName, "not a JSON object", null);
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        p.nextToken();
        switch (field) {
          case "name" -> name = p.getText();
          case "timestamp" -> at = Instant.parse(p.getText());
          case "files" -> {
            while (p.nextToken() == JsonToken.START_OBJECT) {
              files.add(fileEntry(dirName, p));
            }
          }
          default -> p.skipChildren();
        }
      }
    } catch (IOException | DateTimeParseException e) {
      throw invalidManifest(dirName, e.toString(), e);
    }
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
    return new BackupException("backup " + name + ": invalid " + MANIFEST + ": " + why, name, MANIFEST, cause);
  }

  static String sha256(byte[] data) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 missing from the JDK", e);
    }
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
