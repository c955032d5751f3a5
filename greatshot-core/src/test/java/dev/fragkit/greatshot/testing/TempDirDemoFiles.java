package dev.fragkit.greatshot.testing;

import dev.fragkit.greatshot.store.DemoFiles;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.LongSupplier;
import java.util.stream.Stream;

/**
 * A minimal {@link DemoFiles} for core tests (the real layout is adapters/fs): {@code <root>/<id>/...},
 * staging in {@code <root>/.staging}, commits by atomic rename. Free space comes from a supplier so a
 * full disk can be simulated. Thread-safe.
 */
public final class TempDirDemoFiles implements DemoFiles {
  private final Path root;
  private final Path staging;
  private final LongSupplier usable;

  public TempDirDemoFiles(Path root, LongSupplier usable) {
    this.root = root;
    this.staging = root.resolve(".staging");
    this.usable = usable;
    try {
      Files.createDirectories(staging);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public TempDirDemoFiles(Path root) {
    this(root, () -> Long.MAX_VALUE);
  }

  /** Every regular file under the root, staging included. */
  public List<Path> allFiles() throws IOException {
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(Files::isRegularFile).toList();
    }
  }

  @Override
  public long usableBytes() {
    return usable.getAsLong();
  }

  @Override
  public StagedFile stage() throws IOException {
    Path tmp = staging.resolve(UUID.randomUUID() + ".tmp");
    OutputStream out = Files.newOutputStream(tmp);
    return new StagedFile() {
      boolean committed;

      @Override
      public OutputStream stream() {
        return out;
      }

      private Path commit(Path target) throws IOException {
        out.close();
        Files.createDirectories(target.getParent());
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        committed = true;
        return target;
      }

      @Override
      public Path commitOriginal(String demoId, String extension) throws IOException {
        return commit(original(demoId, extension));
      }

      @Override
      public Path commitClip(String demoId, String highlightId, String extension) throws IOException {
        return commit(root.resolve(demoId).resolve("clip-" + highlightId + extension));
      }

      @Override
      public void close() throws IOException {
        out.close();
        if (!committed) {
          Files.deleteIfExists(tmp);
        }
      }
    };
  }

  @Override
  public Path original(String demoId, String extension) {
    return root.resolve(demoId).resolve("original" + extension);
  }

  @Override
  public void writeArtifact(String demoId, String name, byte[] content) throws IOException {
    Path tmp = staging.resolve(UUID.randomUUID() + ".tmp");
    Files.write(tmp, content);
    Path target = root.resolve(demoId).resolve(name);
    Files.createDirectories(target.getParent());
    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  @Override
  public Optional<Path> artifact(String demoId, String name) {
    Path p = root.resolve(demoId).resolve(name);
    return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
  }

  @Override
  public List<String> demoIdsOnDisk() throws IOException {
    try (Stream<Path> s = Files.list(root)) {
      return s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).toList();
    }
  }

  @Override
  public boolean deleteDemoFiles(String demoId) throws IOException {
    Path dir = root.resolve(demoId);
    if (!Files.exists(dir)) {
      return false;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
    return true;
  }
}
