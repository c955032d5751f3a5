package dev.fragkit.adapters.fs.economy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.fragkit.economy.ledger.StoreException;
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
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Backups of an {@link FsLedgerStore} directory: {@code <backups>/<UTC timestamp>/} holding the
 * snapshot, the journal it names and {@code manifest.json} with every file's size and SHA-256.
 *
 * <ul>
 *   <li>Consistent while the store runs: the snapshot is replaced atomically and the journal is
 *       append-only, so the copied pair is a committed prefix (a torn last journal line in the copy
 *       is cut on restore, exactly as after a crash). A backup is written to {@code *.partial} and
 *       renamed when complete.
 *   <li>{@link #restore} verifies the manifest first, keeps a copy of the current files in {@code
 *       pre-restore-<timestamp>/}, and needs the store closed (it takes the directory lock).
 *   <li>{@link #prune()} deletes backups older than the retention (default 7 days) by their name's
 *       timestamp, not by file times.
 * </ul>
 *
 * <p>Thread-safe for distinct backup names; run one {@code create} at a time per directory.
 */
public final class FsLedgerBackups {
  private static final JsonFactory JSON = new JsonFactory();
  private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH-mm-ss-SSS'Z'")
      .withZone(ZoneOffset.UTC);

  private final Path dataDir;
  private final Path backupDir;
  private final Clock clock;
  private final Duration retention;

  /** One file of a backup. Immutable. */
  public record Entry(String file, long size, String sha256) {}

  /** A completed backup. Immutable. */
  public record Backup(String name, Instant at, List<Entry> files) {
    public Backup {
      files = List.copyOf(files);
    }

    public long totalBytes() {
      return files.stream().mapToLong(Entry::size).sum();
    }
  }

  /** Totals over all backups. Immutable. */
  public record Stats(int count, long totalBytes, Instant newest, Instant oldest) {}

  public FsLedgerBackups(Path dataDir, Path backupDir, Clock clock, Duration retention) {
    this.dataDir = Objects.requireNonNull(dataDir, "dataDir");
    this.backupDir = Objects.requireNonNull(backupDir, "backupDir");
    this.clock = Objects.requireNonNull(clock, "clock");
    if (retention.isNegative() || retention.isZero()) {
      throw new IllegalArgumentException("retention <= 0: " + retention);
    }
    this.retention = retention;
  }

  /** Seven-day retention. */
  public FsLedgerBackups(Path dataDir, Path backupDir, Clock clock) {
    this(dataDir, backupDir, clock, Duration.ofDays(7));
  }

  /** Copies a consistent snapshot + journal pair and its manifest. */
  public Backup create() throws IOException {
    Instant at = clock.instant();
    String name = NAME.format(at);
    Map<String, byte[]> files = consistentCopy();
    Files.createDirectories(backupDir);
    Path partial = backupDir.resolve(name + ".partial");
    Files.createDirectories(partial);
    List<Entry> entries = new ArrayList<>();
    for (Map.Entry<String, byte[]> f : files.entrySet()) {
      AtomicFiles.write(partial.resolve(f.getKey()), f.getValue());
      entries.add(new Entry(f.getKey(), f.getValue().length, sha256(f.getValue())));
    }
    Backup backup = new Backup(name, at, entries);
    AtomicFiles.write(partial.resolve("manifest.json"), manifest(backup).getBytes(StandardCharsets.UTF_8));
    Files.move(partial, backupDir.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    AtomicFiles.fsyncDirectory(backupDir);
    return backup;
  }

  private Map<String, byte[]> consistentCopy() throws IOException {
    for (int attempt = 0; attempt < 5; attempt++) {
      byte[] snapshot;
      try {
        snapshot = Files.readAllBytes(dataDir.resolve("snapshot.json"));
      } catch (NoSuchFileException e) {
        throw new StoreException("no ledger snapshot in " + dataDir + " to back up", e);
      }
      String text = new String(snapshot, StandardCharsets.UTF_8);
      String header = text.substring(0, Math.max(0, text.indexOf('\n')));
      String journalName = "journal-" + header.substring(header.lastIndexOf('=') + 1) + ".log";
      try {
        byte[] journal = Files.readAllBytes(dataDir.resolve(journalName));
        Map<String, byte[]> out = new LinkedHashMap<>();
        out.put("snapshot.json", snapshot);
        out.put(journalName, journal);
        return out;
      } catch (NoSuchFileException e) {
        // a new generation started between the two reads: read the pair again
      }
    }
    throw new StoreException("could not read a consistent snapshot/journal pair in " + dataDir, null);
  }

  /** All complete backups, newest first. */
  public List<Backup> list() throws IOException {
    if (!Files.isDirectory(backupDir)) {
      return List.of();
    }
    List<Backup> out = new ArrayList<>();
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(backupDir)) {
      for (Path p : ds) {
        if (Files.exists(p.resolve("manifest.json"))) {
          out.add(readManifest(p));
        }
      }
    }
    out.sort(Comparator.comparing(Backup::at).reversed());
    return out;
  }

  public Stats stats() throws IOException {
    List<Backup> all = list();
    if (all.isEmpty()) {
      return new Stats(0, 0, Instant.EPOCH, Instant.EPOCH);
    }
    return new Stats(all.size(), all.stream().mapToLong(Backup::totalBytes).sum(), all.get(0).at(),
        all.get(all.size() - 1).at());
  }

  /** Deletes backups older than the retention; returns their names. */
  public List<String> prune() throws IOException {
    Instant cutoff = clock.instant().minus(retention);
    List<String> deleted = new ArrayList<>();
    for (Backup b : list()) {
      if (b.at().isBefore(cutoff)) {
        deleteTree(backupDir.resolve(b.name()));
        deleted.add(b.name());
      }
    }
    return deleted;
  }

  /**
   * Restores {@code name} into the (closed) store directory after verifying every checksum; the
   * current files are first copied to {@code pre-restore-<timestamp>/} in the data directory.
   */
  public Path restore(String name) throws IOException {
    Path source = backupDir.resolve(name);
    Backup backup = readManifest(source);
    for (Entry e : backup.files()) {
      byte[] data = Files.readAllBytes(source.resolve(e.file()));
      if (data.length != e.size() || !sha256(data).equals(e.sha256())) {
        throw new StoreException("backup " + name + ": " + e.file() + " does not match its manifest (SHA-256)", null);
      }
    }
    Files.createDirectories(dataDir);
    try (FileChannel ch = FileChannel.open(dataDir.resolve("LOCK"), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
      FileLock lock;
      try {
        lock = ch.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null;
      }
      if (lock == null) {
        throw new StoreException("cannot restore into " + dataDir + ": the store is open", null);
      }
      try {
        Path keep = dataDir.resolve("pre-restore-" + NAME.format(clock.instant()));
        Files.createDirectories(keep);
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dataDir, p -> isStoreFile(p.getFileName().toString()))) {
          for (Path p : ds) {
            Files.copy(p, keep.resolve(p.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            Files.delete(p);
          }
        }
        AtomicFiles.fsyncDirectory(keep);
        for (Entry e : backup.files()) {
          AtomicFiles.write(dataDir.resolve(e.file()), Files.readAllBytes(source.resolve(e.file())));
        }
        return keep;
      } finally {
        lock.release();
      }
    }
  }

  private static boolean isStoreFile(String n) {
    return n.equals("snapshot.json") || (n.startsWith("journal-") && n.endsWith(".log"));
  }

  private static String manifest(Backup b) throws IOException {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.writeStartObject();
      g.writeStringField("name", b.name());
      g.writeStringField("timestamp", b.at().toString());
      g.writeNumberField("totalSize", b.totalBytes());
      g.writeArrayFieldStart("files");
      for (Entry e : b.files()) {
        g.writeStartObject();
        g.writeStringField("file", e.file());
        g.writeNumberField("size", e.size());
        g.writeStringField("sha256", e.sha256());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    return out.toString();
  }

  private static Backup readManifest(Path dir) throws IOException {
    String name = null;
    Instant at = null;
    List<Entry> files = new ArrayList<>();
    try (JsonParser p = JSON.createParser(Files.readAllBytes(dir.resolve("manifest.json")))) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new StoreException("manifest of " + dir + " is not a JSON object", null);
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        p.nextToken();
        switch (field) {
          case "name" -> name = p.getText();
          case "timestamp" -> at = Instant.parse(p.getText());
          case "files" -> {
            while (p.nextToken() == JsonToken.START_OBJECT) {
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
              if (file == null || sha == null || size < 0 || file.contains("/") || file.contains("\\")) {
                throw new StoreException("manifest of " + dir + " has an invalid file entry", null);
              }
              files.add(new Entry(file, size, sha));
            }
          }
          default -> p.skipChildren();
        }
      }
    }
    if (name == null || at == null) {
      throw new StoreException("manifest of " + dir + " lacks name or timestamp", null);
    }
    return new Backup(name, at, files);
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
