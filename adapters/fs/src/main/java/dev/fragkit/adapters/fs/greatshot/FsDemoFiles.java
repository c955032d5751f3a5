package dev.fragkit.adapters.fs.greatshot;

import dev.fragkit.greatshot.store.DemoFiles;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link DemoFiles} as a directory tree:
 * <pre>
 * &lt;root&gt;/&lt;demoId&gt;/original/original&lt;ext&gt;
 *                 artifacts/analysis.json | report.txt | report.html
 *                 clips/&lt;highlightId&gt;&lt;ext&gt;
 *                 videos/                 (rendered videos, later)
 * &lt;root&gt;/.staging/                     (temporary files; same filesystem, so renames are atomic)
 * </pre>
 * Every write goes to a temporary file in {@code .staging}, is forced to disk ({@code fsync}), then
 * renamed into place with {@code ATOMIC_MOVE}, and the target directory is forced too, so a crash
 * leaves either the old file or the new one. Ids, extensions and artifact names are validated, so no
 * argument can address a path outside the root.
 *
 * <p>Free space is read through an injectable {@link FileStoreView} so tests can simulate a full disk.
 *
 * <p>Thread-safe.
 */
public final class FsDemoFiles implements DemoFiles {
  private static final Logger LOG = LoggerFactory.getLogger(FsDemoFiles.class);
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
  private static final Pattern EXT = Pattern.compile("\\.[a-z0-9_]{1,15}");
  /** Artifact names the layout knows. */
  public static final Set<String> ARTIFACTS = Set.of("analysis.json", "report.txt", "report.html");
  private static final String STAGING = ".staging";

  /** Where free space is read from. */
  @FunctionalInterface
  public interface FileStoreView {
    FileStore of(Path path) throws IOException;

    /** The real file store of the path. */
    FileStoreView SYSTEM = Files::getFileStore;
  }

  private final Path root;
  private final Path staging;
  private final FileStoreView fileStores;

  private FsDemoFiles(Path root, FileStoreView fileStores) {
    this.root = root;
    this.staging = root.resolve(STAGING);
    this.fileStores = fileStores;
  }

  /** Opens (creating with mode 0700 where supported) the tree at {@code root}. */
  public static FsDemoFiles open(Path root) throws IOException {
    return open(root, FileStoreView.SYSTEM);
  }

  /** Same, reading free space through {@code fileStores}. */
  public static FsDemoFiles open(Path root, FileStoreView fileStores) throws IOException {
    Objects.requireNonNull(root, "root");
    Objects.requireNonNull(fileStores, "fileStores");
    Path abs = root.toAbsolutePath().normalize();
    Files.createDirectories(abs.resolve(STAGING));
    try {
      Files.setPosixFilePermissions(abs, PosixFilePermissions.fromString("rwx------"));
    } catch (UnsupportedOperationException e) {
      LOG.debug("{}: no POSIX permissions on this filesystem", abs);
    }
    return new FsDemoFiles(abs, fileStores);
  }

  public Path root() {
    return root;
  }

  @Override
  public long usableBytes() throws IOException {
    return fileStores.of(root).getUsableSpace();
  }

  @Override
  public StagedFile stage() throws IOException {
    Path tmp = staging.resolve(UUID.randomUUID() + ".tmp");
    FileChannel channel = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    return new Staged(tmp, channel);
  }

  @Override
  public Path original(String demoId, String extension) {
    return demoDir(demoId).resolve("original").resolve("original" + ext(extension));
  }

  /** Where a highlight's clip lives. */
  public Path clip(String demoId, String highlightId, String extension) {
    return demoDir(demoId).resolve("clips").resolve(id(highlightId) + ext(extension));
  }

  private Path artifactPath(String demoId, String name) {
    if (!ARTIFACTS.contains(name)) {
      throw new IllegalArgumentException("unknown artifact name (expected one of " + ARTIFACTS + "): " + name);
    }
    return demoDir(demoId).resolve("artifacts").resolve(name);
  }

  @Override
  public void writeArtifact(String demoId, String name, byte[] content) throws IOException {
    Path target = artifactPath(demoId, name);
    try (StagedFile staged = stage()) {
      staged.stream().write(content);
      ((Staged) staged).commitTo(target);
    }
  }

  @Override
  public Optional<Path> artifact(String demoId, String name) {
    Path p = artifactPath(demoId, name);
    return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
  }

  @Override
  public List<String> demoIdsOnDisk() throws IOException {
    try (Stream<Path> s = Files.list(root)) {
      return s.filter(Files::isDirectory).map(p -> p.getFileName().toString())
          .filter(n -> !n.equals(STAGING) && ID.matcher(n).matches()).sorted().toList();
    }
  }

  @Override
  public boolean deleteDemoFiles(String demoId) throws IOException {
    return deleteTree(demoDir(demoId));
  }

  /**
   * Deletes staged temporary files last modified before {@code now - olderThan} (left by a crash
   * mid-upload) and returns how many. Call it at startup, or from the reconciler's fix mode.
   */
  public int sweepStaging(Clock clock, Duration olderThan) throws IOException {
    Instant cutoff = clock.instant().minus(olderThan);
    int n = 0;
    try (Stream<Path> s = Files.list(staging)) {
      for (Path p : s.toList()) {
        if (Files.getLastModifiedTime(p).toInstant().isBefore(cutoff) && Files.deleteIfExists(p)) {
          n++;
        }
      }
    }
    return n;
  }

  private Path demoDir(String demoId) {
    return root.resolve(id(demoId));
  }

  private static String id(String value) {
    if (!ID.matcher(value).matches()) {
      throw new IllegalArgumentException("id must match " + ID + ": " + value);
    }
    return value;
  }

  private static String ext(String value) {
    if (!EXT.matcher(value).matches()) {
      throw new IllegalArgumentException("extension must match " + EXT + ": " + value);
    }
    return value;
  }

  private static boolean deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return false;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
    return true;
  }

  private static void forceDirectory(Path dir) {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException e) {
      // Some platforms cannot open a directory for fsync; the rename itself is still atomic.
      LOG.debug("cannot fsync directory {}: {}", dir, e.toString());
    }
  }

  /** A temporary file; not thread-safe. */
  private final class Staged implements StagedFile {
    private final Path tmp;
    private final FileChannel channel;
    private final OutputStream out;
    private boolean done;

    Staged(Path tmp, FileChannel channel) {
      this.tmp = tmp;
      this.channel = channel;
      this.out = Channels.newOutputStream(channel);
    }

    @Override
    public OutputStream stream() {
      return out;
    }

    Path commitTo(Path target) throws IOException {
      if (done) {
        throw new IllegalStateException("closed");
      }
      out.flush();
      channel.force(true);
      channel.close();
      Files.createDirectories(target.getParent());
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      done = true;
      forceDirectory(target.getParent());
      return target;
    }

    @Override
    public Path commitOriginal(String demoId, String extension) throws IOException {
      Path target = original(demoId, extension);
      Files.createDirectories(target.getParent().getParent().resolve("artifacts"));
      Files.createDirectories(target.getParent().getParent().resolve("clips"));
      Files.createDirectories(target.getParent().getParent().resolve("videos"));
      return commitTo(target);
    }

    @Override
    public Path commitClip(String demoId, String highlightId, String extension) throws IOException {
      return commitTo(clip(demoId, highlightId, extension));
    }

    @Override
    public void close() throws IOException {
      if (!done) {
        done = true;
        channel.close();
        Files.deleteIfExists(tmp);
      }
    }
  }
}
