package dev.fragkit.adapters.fs.economy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.fragkit.economy.ops.BackupException;
import dev.fragkit.economy.ops.BackupNames;
import dev.fragkit.economy.ops.LedgerBackups.BackupFile;
import dev.fragkit.economy.ops.LedgerBackups.BackupInfo;
import dev.fragkit.economy.ops.LedgerBackups.BackupStats;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The on-disk layout shared by the ledger backup implementations (file store, JDBC store): one
 * directory per backup, {@code <dir>/<name>/}, holding the backup's files and {@code manifest.json}.
 * What the files and the manifest contain is the implementation's; this class owns the directory
 * mechanics:
 *
 * <ul>
 *   <li>{@link #begin} allocates a unique name with {@link BackupNames#candidate} and creates {@code
 *       <name>.partial/}; {@link #commit} writes the manifest atomically (fsynced), fsyncs the partial
 *       directory, renames it to {@code <name>} and fsyncs the backup directory; {@link #discard}
 *       deletes the partial directory of a failed backup (a crashed one is never listed and is
 *       deleted by {@link #prune()} once older than the retention).
 *   <li>{@link #list()} reads every complete backup's manifest with the implementation's {@link
 *       ManifestReader} (partial directories and unreadable manifests skipped, the latter logged),
 *       newest first; {@link #stats()} totals it; {@link #prune()} deletes backups recorded before
 *       now minus the retention (renamed to {@code .partial} first, so a crash while deleting never
 *       leaves a listed torn backup) and partial leftovers as old.
 *   <li>{@link #verify} and {@link #readVerified} check a file against its manifest entry (size,
 *       SHA-256) with the messages {@link dev.fragkit.economy.ops.LedgerBackups} callers see.
 * </ul>
 *
 * <p>Thread-safe: it holds no mutable state; concurrent {@link #begin} calls get distinct names
 * (directory creation is the arbiter). Serialising create/restore is the implementation's job.
 */
public final class BackupDirectory {
  private static final Logger LOG = LoggerFactory.getLogger(BackupDirectory.class);
  private static final JsonFactory JSON = new JsonFactory();
  /** The manifest's file name inside a backup directory. */
  public static final String MANIFEST = "manifest.json";

  /** Reads the manifest of complete backup {@code name}; failures are {@link BackupException}s. */
  @FunctionalInterface
  public interface ManifestReader {
    BackupInfo read(String name);
  }

  /** Reads one top-level manifest field (the parser is on its value); false to skip it. */
  @FunctionalInterface
  public interface FieldReader {
    boolean read(String field, JsonParser p) throws IOException;
  }

  /** A backup being written: its final name and its {@code <name>.partial} directory. Immutable. */
  public record Partial(String name, Path path) {
    public Partial {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(path, "path");
    }
  }

  private final Path dir;
  private final Clock clock;
  private final Duration retention;
  private final ManifestReader reader;

  /**
   * @param dir where backups are kept (created when needed)
   * @param retention how long {@link #prune()} keeps a backup, positive
   * @param reader reads a complete backup's manifest for {@link #list()}
   */
  public BackupDirectory(Path dir, Clock clock, Duration retention, ManifestReader reader) {
    this.dir = Objects.requireNonNull(dir, "dir");
    this.clock = Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(retention, "retention");
    if (retention.isNegative() || retention.isZero()) {
      throw new IllegalArgumentException("retention <= 0: " + retention);
    }
    this.retention = retention;
    this.reader = Objects.requireNonNull(reader, "reader");
  }

  /** The backup directory. */
  public Path path() {
    return dir;
  }

  /** The manifest path of backup (or partial directory) {@code name}. */
  public Path manifest(String name) {
    return dir.resolve(name).resolve(MANIFEST);
  }

  /** Creates the backup directory and a fresh {@code <name>.partial/} for a backup taken at {@code at}. */
  public Partial begin(Instant at, String tag) throws IOException {
    Files.createDirectories(dir);
    for (int attempt = 0; ; attempt++) {
      String candidate = BackupNames.candidate(at, tag, attempt);
      if (Files.exists(dir.resolve(candidate))) {
        continue;
      }
      try {
        return new Partial(candidate, Files.createDirectory(dir.resolve(candidate + BackupNames.PARTIAL)));
      } catch (FileAlreadyExistsException e) {
        LOG.debug("backup name {} taken by another writer, trying the next one", candidate);
      }
    }
  }

  /** Writes {@code manifest} atomically, then makes the backup complete and durable. */
  public void commit(Partial partial, byte[] manifest) throws IOException {
    AtomicFiles.write(partial.path().resolve(MANIFEST), manifest);
    AtomicFiles.fsyncDirectory(partial.path());
    Files.move(partial.path(), dir.resolve(partial.name()), StandardCopyOption.ATOMIC_MOVE);
    AtomicFiles.fsyncDirectory(dir);
  }

  /**
   * Deletes the partial directory of a failed backup (best effort; a leftover is pruned later) and
   * returns {@code failure}, with a deletion failure added as suppressed.
   */
  public static <E extends RuntimeException> E discard(@Nullable Partial partial, E failure) {
    if (partial != null && Files.exists(partial.path())) {
      try {
        deleteTree(partial.path());
      } catch (IOException e) {
        failure.addSuppressed(e);
      }
    }
    return failure;
  }

  /** All complete backups, newest first; {@code *.partial} directories are skipped. */
  public List<BackupInfo> list() {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    List<BackupInfo> out = new ArrayList<>();
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
      for (Path p : ds) {
        String n = p.getFileName().toString();
        if (!n.endsWith(BackupNames.PARTIAL) && Files.isRegularFile(p.resolve(MANIFEST))) {
          try {
            out.add(reader.read(n));
          } catch (BackupException e) {
            // deleted by a concurrent prune, or damaged: not a complete backup (restore names the problem)
            if (!(e.getCause() instanceof NoSuchFileException)) {
              LOG.warn("skipping backup {}: {}", n, e.getMessage());
            }
          }
        }
      }
    } catch (IOException e) {
      throw new BackupException("cannot list backups in " + dir + ": " + e, null, null, e);
    }
    out.sort(Comparator.comparing(BackupInfo::takenAt).thenComparing(BackupInfo::name).reversed());
    return out;
  }

  /** Totals over {@link #list()}. */
  public BackupStats stats() {
    List<BackupInfo> all = list();
    if (all.isEmpty()) {
      return new BackupStats(0, 0, null, null);
    }
    return new BackupStats(all.size(), all.stream().mapToLong(BackupInfo::totalBytes).sum(), all.get(0).takenAt(),
        all.get(all.size() - 1).takenAt());
  }

  /**
   * Deletes backups recorded before now minus the retention and partial leftovers as old; returns
   * the deleted backups' names, oldest first.
   */
  public List<String> prune() {
    Instant cutoff = clock.instant().minus(retention);
    List<BackupInfo> all = new ArrayList<>(list());
    Collections.reverse(all);
    List<String> deleted = new ArrayList<>();
    try {
      for (BackupInfo b : all) {
        if (b.takenAt().isBefore(cutoff)) {
          // rename first: a crash while deleting leaves a partial directory, never a listed torn backup
          Path doomed = dir.resolve(b.name() + BackupNames.PARTIAL);
          Files.move(dir.resolve(b.name()), doomed, StandardCopyOption.ATOMIC_MOVE);
          deleteTree(doomed);
          deleted.add(b.name());
        }
      }
      if (Files.isDirectory(dir)) {
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*" + BackupNames.PARTIAL)) {
          for (Path p : ds) {
            Optional<Instant> at = BackupNames.timestampOf(p.getFileName().toString());
            if (at.isPresent() && at.get().isBefore(cutoff)) {
              deleteTree(p);
            }
          }
        }
        AtomicFiles.fsyncDirectory(dir);
      }
    } catch (IOException e) {
      throw new BackupException("cannot prune backups in " + dir + ": " + e, null, null, e);
    }
    return deleted;
  }

  /**
   * The directory of complete backup {@code name} (a valid name, see {@link BackupNames#check}).
   *
   * @throws BackupException when it has no manifest
   */
  public Path requireComplete(String name) {
    Path source = dir.resolve(name);
    if (!Files.isRegularFile(source.resolve(MANIFEST))) {
      throw new BackupException("backup " + name + ": no such backup in " + dir, name, MANIFEST, null);
    }
    return source;
  }

  /** Checks file {@code f} of backup {@code name} against its size and SHA-256, streaming it. */
  public void verify(String name, BackupFile f) {
    MessageDigest sha = newSha256();
    long size = 0;
    try (InputStream in = Files.newInputStream(dir.resolve(name).resolve(f.name()))) {
      byte[] buf = new byte[1 << 16];
      for (int n; (n = in.read(buf)) >= 0; ) {
        sha.update(buf, 0, n);
        size += n;
      }
    } catch (IOException e) {
      throw unreadable(name, f, e);
    }
    checkMatches(name, f, size, HexFormat.of().formatHex(sha.digest()));
  }

  /** File {@code f} of backup {@code name}, checked against its size and SHA-256. */
  public byte[] readVerified(String name, BackupFile f) {
    byte[] data;
    try {
      data = Files.readAllBytes(dir.resolve(name).resolve(f.name()));
    } catch (IOException e) {
      throw unreadable(name, f, e);
    }
    checkMatches(name, f, data.length, sha256Hex(data));
    return data;
  }

  private static BackupException unreadable(String name, BackupFile f, IOException e) {
    if (e instanceof NoSuchFileException) {
      return new BackupException("backup " + name + ": file " + f.name() + " is missing", name, f.name(), e);
    }
    return new BackupException("backup " + name + ": cannot read " + f.name() + ": " + e, name, f.name(), e);
  }

  private static void checkMatches(String name, BackupFile f, long size, String sha256) {
    if (size != f.size()) {
      throw new BackupException("backup " + name + ": file " + f.name() + " does not match its manifest: size: expected "
          + f.size() + ", actual " + size, name, f.name(), null);
    }
    if (!sha256.equals(f.sha256())) {
      throw new BackupException("backup " + name + ": file " + f.name() + " does not match its manifest: SHA-256: expected "
          + f.sha256() + ", actual " + sha256, name, f.name(), null);
    }
  }

  /**
   * Parses the manifest of backup {@code name} as one JSON object, handing each top-level field to
   * {@code fields}; a read failure, malformed JSON or a bad {@link Instant} is an {@link
   * #invalidManifest} (with the {@link IOException} as cause, so a vanished backup is recognisable).
   */
  public void readManifest(String name, FieldReader fields) {
    try (JsonParser p = JSON.createParser(Files.readAllBytes(manifest(name)))) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw invalidManifest(name, "not a JSON object", null);
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        p.nextToken();
        if (!fields.read(field, p)) {
          p.skipChildren();
        }
      }
    } catch (IOException | DateTimeParseException e) {
      throw invalidManifest(name, e.toString(), e);
    }
  }

  /** "backup {@code name}: invalid manifest.json: {@code why}", keyed by the backup and the manifest. */
  public static BackupException invalidManifest(String name, String why, @Nullable Throwable cause) {
    return new BackupException("backup " + name + ": invalid " + MANIFEST + ": " + why, name, MANIFEST, cause);
  }

  /** A new SHA-256 digest. */
  public static MessageDigest newSha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 missing from the JDK", e);
    }
  }

  /** Lower-case hex SHA-256 of {@code data}. */
  public static String sha256Hex(byte[] data) {
    return HexFormat.of().formatHex(newSha256().digest(data));
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
