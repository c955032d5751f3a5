package dev.fragkit.greatshot.intake;

import dev.fragkit.greatshot.store.DemoFiles;
import dev.fragkit.greatshot.store.DemoRecord;
import dev.fragkit.greatshot.store.DemoStore;
import dev.fragkit.greatshot.store.InsertResult;
import dev.fragkit.greatshot.store.NewDemo;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Accepts demo uploads. Checks, in order: free space ≥ cap × factor (before reading a byte), the
 * extension, then streams the body into a staged file while counting bytes (refusing as soon as the
 * cap is passed) and computing SHA-256, then refuses an empty body and a bad header
 * ({@link DemoHeaderSniffer}). An upload whose SHA-256 is already stored returns the existing demo.
 * Otherwise the staged file is committed as the demo's original and the demo row is inserted
 * together with its analysis job. A rejected or failed upload leaves nothing behind.
 *
 * <p>Thread-safe: concurrent uploads use separate staged files; two concurrent uploads of the same
 * bytes end with one demo (the store's SHA-256 uniqueness decides; the loser's file is deleted).
 */
public final class DemoIntake {
  private static final Logger LOG = LoggerFactory.getLogger(DemoIntake.class);
  private static final int BUFFER = 64 * 1024;

  private final IntakeConfig config;
  private final DemoFiles files;
  private final DemoStore store;
  private final Supplier<String> ids;

  public DemoIntake(IntakeConfig config, DemoFiles files, DemoStore store) {
    this(config, files, store, () -> UUID.randomUUID().toString().replace("-", ""));
  }

  /** With an explicit id generator (32 lower-case hex by default). */
  public DemoIntake(IntakeConfig config, DemoFiles files, DemoStore store, Supplier<String> ids) {
    this.config = Objects.requireNonNull(config, "config");
    this.files = Objects.requireNonNull(files, "files");
    this.store = Objects.requireNonNull(store, "store");
    this.ids = Objects.requireNonNull(ids, "ids");
  }

  public IntakeConfig config() {
    return config;
  }

  /**
   * Stores an upload. Reads {@code body} up to the cap + 1 byte; does not close it.
   *
   * @param fileName the client's file name (only its last path segment is kept)
   * @throws UploadRejectedException a policy refusal; nothing was stored
   * @throws IOException reading the body or writing storage failed; nothing was stored
   */
  public UploadResult accept(String fileName, InputStream body) throws IOException {
    Objects.requireNonNull(fileName, "fileName");
    Objects.requireNonNull(body, "body");
    long usable = files.usableBytes();
    if (usable < config.requiredFreeBytes()) {
      throw new InsufficientStorageException(usable, config.requiredFreeBytes());
    }
    String name = baseName(fileName);
    String ext = IntakeConfig.extensionOf(name);
    if (!config.allowedExtensions().contains(ext)) {
      throw new UnsupportedExtensionException(name, ext, config.allowedExtensions());
    }
    MessageDigest sha = sha256();
    byte[] head = new byte[DemoHeaderSniffer.HEAD_BYTES];
    int headLength = 0;
    long total = 0;
    try (DemoFiles.StagedFile staged = files.stage()) {
      OutputStream out = staged.stream();
      byte[] buffer = new byte[BUFFER];
      long max = config.maxUploadBytes();
      int n;
      // Never read more than cap + 1 bytes: a huge body is refused after cap + 1, not after it arrived.
      while ((n = body.read(buffer, 0, (int) Math.min(buffer.length, max + 1 - total))) > 0) {
        total += n;
        if (total > max) {
          throw new UploadTooLargeException(total, max);
        }
        if (headLength < head.length) {
          int take = Math.min(n, head.length - headLength);
          System.arraycopy(buffer, 0, head, headLength, take);
          headLength += take;
        }
        sha.update(buffer, 0, n);
        out.write(buffer, 0, n);
      }
      if (total == 0) {
        throw new EmptyUploadException(name);
      }
      DemoHeaderSniffer.check(head, headLength, total);
      String hash = HexFormat.of().formatHex(sha.digest());
      Optional<DemoRecord> existing = store.findDemoBySha256(hash);
      if (existing.isPresent()) {
        LOG.debug("upload {} is a duplicate of demo {}", name, existing.get().id());
        return new UploadResult(existing.get(), false);
      }
      String id = ids.get();
      staged.commitOriginal(id, ext);
      InsertResult inserted;
      try {
        inserted = store.insertDemo(new NewDemo(id, hash, name, ext, total), config.analysisPriority());
      } catch (RuntimeException e) {
        deleteQuietly(id, e);
        throw e;
      }
      if (!inserted.created()) {
        // Lost a race with a concurrent upload of the same bytes: keep theirs, drop ours.
        files.deleteDemoFiles(id);
      }
      return new UploadResult(inserted.demo(), inserted.created());
    }
  }

  private void deleteQuietly(String id, RuntimeException cause) {
    try {
      files.deleteDemoFiles(id);
    } catch (IOException e) {
      cause.addSuppressed(e);
    }
  }

  static String baseName(String fileName) {
    String s = fileName.replace('\\', '/');
    return s.substring(s.lastIndexOf('/') + 1);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JDK", e);
    }
  }
}
