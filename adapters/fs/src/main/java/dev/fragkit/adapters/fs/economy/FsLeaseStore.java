package dev.fragkit.adapters.fs.economy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.fragkit.economy.ledger.StoreException;
import dev.fragkit.economy.ops.LeaseStore;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * {@link LeaseStore} in a directory shared by the processes that compete: one small JSON file per
 * lease ({@code <name>.lease}: name, owner, expiresAt). Every operation is a read-modify-write done
 * while holding an exclusive OS lock on {@code <name>.lock} (only for that operation, so a killed
 * process never blocks the others), and the new content replaces the file through {@link
 * AtomicFiles} (temp, fsync, rename, fsync directory); a release deletes the file and fsyncs the
 * directory. So among concurrent acquirers in any number of processes exactly one wins, and refresh
 * and release change the file only if the caller's owner token is the one recorded.
 *
 * <p>Times come from the callers ({@code now}); processes sharing a directory on one host share its
 * clock. Lease names are restricted to {@code [A-Za-z0-9._-]}, 1–100 characters, because they are
 * file names.
 *
 * <p>Thread-safe; also safe across processes on a local file system.
 */
public final class FsLeaseStore implements LeaseStore {
  private static final JsonFactory JSON = new JsonFactory();
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,100}");

  private final Path dir;
  private final Duration lockTimeout;

  private FsLeaseStore(Path dir, Duration lockTimeout) {
    this.dir = dir;
    this.lockTimeout = lockTimeout;
  }

  /** Opens (creating if needed) the lease directory; file locks are awaited for at most 10 s. */
  public static FsLeaseStore open(Path dir) throws IOException {
    return open(dir, Duration.ofSeconds(10));
  }

  /**
   * @param lockTimeout how long one operation waits for another process's read-modify-write
   */
  public static FsLeaseStore open(Path dir, Duration lockTimeout) throws IOException {
    Objects.requireNonNull(dir, "dir");
    Objects.requireNonNull(lockTimeout, "lockTimeout");
    if (lockTimeout.isNegative() || lockTimeout.isZero()) {
      throw new IllegalArgumentException("lockTimeout <= 0: " + lockTimeout);
    }
    Files.createDirectories(dir);
    return new FsLeaseStore(dir, lockTimeout);
  }

  /** The directory holding the lease files. */
  public Path directory() {
    return dir;
  }

  @Override
  public boolean tryAcquire(String name, String owner, Instant now, Duration ttl) {
    Objects.requireNonNull(owner, "owner");
    checkTtl(ttl);
    return locked(name, () -> {
      Lease old = read(name);
      if (old != null && old.expiresAt().isAfter(now) && !old.owner().equals(owner)) {
        return false;
      }
      write(new Lease(name, owner, now.plus(ttl)));
      return true;
    });
  }

  @Override
  public boolean refresh(String name, String owner, Instant now, Duration ttl) {
    Objects.requireNonNull(owner, "owner");
    checkTtl(ttl);
    return locked(name, () -> {
      Lease old = read(name);
      if (old == null || !old.owner().equals(owner) || !old.expiresAt().isAfter(now)) {
        return false;
      }
      write(new Lease(name, owner, now.plus(ttl)));
      return true;
    });
  }

  @Override
  public boolean release(String name, String owner) {
    Objects.requireNonNull(owner, "owner");
    return locked(name, () -> {
      Lease old = read(name);
      if (old == null || !old.owner().equals(owner)) {
        return false;
      }
      Files.delete(leaseFile(name));
      AtomicFiles.fsyncDirectory(dir);
      return true;
    });
  }

  @Override
  public Optional<Lease> current(String name) {
    checkName(name);
    try {
      // the file is only ever replaced by rename, so a lock-free read sees a whole version
      return Optional.ofNullable(read(name));
    } catch (IOException e) {
      throw new StoreException("cannot read lease " + leaseFile(name) + ": " + e.getMessage(), e);
    }
  }

  private boolean locked(String name, FileLocks.IoWork<Boolean> work) {
    checkName(name);
    try {
      return FileLocks.withLock(dir.resolve(name + ".lock"), lockTimeout, work);
    } catch (IOException e) {
      throw new StoreException("lease " + name + " in " + dir + ": " + e.getMessage(), e);
    }
  }

  private Path leaseFile(String name) {
    return dir.resolve(name + ".lease");
  }

  private @Nullable Lease read(String name) throws IOException {
    Path file = leaseFile(name);
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return null;
    }
    String fileName = null;
    String owner = null;
    String expires = null;
    try (JsonParser p = JSON.createParser(bytes)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw corrupt(file, "not a JSON object");
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        p.nextToken();
        switch (field) {
          case "name" -> fileName = p.getText();
          case "owner" -> owner = p.getText();
          case "expiresAt" -> expires = p.getText();
          default -> p.skipChildren();
        }
      }
    } catch (JsonProcessingException e) {
      throw corrupt(file, e.getOriginalMessage());
    }
    if (owner == null || expires == null || !name.equals(fileName)) {
      throw corrupt(file, "fields name (= " + name + "), owner and expiresAt are required, found name="
          + fileName + " owner=" + owner + " expiresAt=" + expires);
    }
    try {
      return new Lease(name, owner, Instant.parse(expires));
    } catch (DateTimeParseException e) {
      throw corrupt(file, "expiresAt is not an ISO instant: " + expires);
    }
  }

  private void write(Lease lease) throws IOException {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.writeStartObject();
      g.writeStringField("name", lease.name());
      g.writeStringField("owner", lease.owner());
      g.writeStringField("expiresAt", lease.expiresAt().toString());
      g.writeEndObject();
    }
    AtomicFiles.write(leaseFile(lease.name()), (out + "\n").getBytes(StandardCharsets.UTF_8));
  }

  private static StoreException corrupt(Path file, String what) {
    return new StoreException("lease file " + file + " is invalid: " + what, null);
  }

  private static void checkName(String name) {
    Objects.requireNonNull(name, "name");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("lease name must match " + NAME.pattern() + ": \"" + name + "\"");
    }
  }

  private static void checkTtl(Duration ttl) {
    Objects.requireNonNull(ttl, "ttl");
    if (ttl.isNegative() || ttl.isZero()) {
      throw new IllegalArgumentException("ttl <= 0: " + ttl);
    }
  }
}
