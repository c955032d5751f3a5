package dev.fragkit.adapters.fs.economy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a store directory to the newest of an ordered list of {@link FsMigration}s, recording each
 * in {@code migrations.json}: version, description, checksum, applied-at time, applied-by
 * (host and pid) and the number of attempts.
 *
 * <ul>
 *   <li>Exactly once across processes: {@link #migrate()} holds an exclusive OS lock on {@code
 *       migrations.lock} while it reads the history, validates it and applies what is pending, so
 *       of several instances starting together one migrates and the others then find nothing to do.
 *       A holder that dies releases the lock with its process.
 *   <li>Crash-safe: before a step starts the history records it as in progress; a step that did
 *       not finish is run again at the next {@code migrate()} (the history's {@code attempts} tells)
 *       and recorded once, after it returned. Every history write is atomic ({@link AtomicFiles}).
 *   <li>Refuses (nothing is touched) when a recorded checksum differs from the code's ({@link
 *       MigrationChecksumException}), when the data's version is newer than the code's ({@link
 *       DataNewerThanCodeException}) and when the history is malformed ({@link
 *       MigrationHistoryException}).
 * </ul>
 *
 * <p>Thread-safe; safe across processes on a local file system.
 */
public final class FsMigrator {
  private static final Logger LOG = LoggerFactory.getLogger(FsMigrator.class);
  private static final JsonFactory JSON = new JsonFactory();
  /** The history file in the store directory. */
  public static final String HISTORY = "migrations.json";
  /** The lock file in the store directory. */
  public static final String LOCK = "migrations.lock";

  private final Path dir;
  private final List<FsMigration> migrations;
  private final Clock clock;
  private final String appliedBy;
  private final Duration lockTimeout;

  private FsMigrator(Builder b) {
    this.dir = b.dir;
    this.migrations = b.migrations;
    this.clock = b.clock;
    this.appliedBy = b.appliedBy;
    this.lockTimeout = b.lockTimeout;
  }

  /**
   * @param migrations versions 1, 2, 3, … in order
   */
  public static Builder builder(Path dir, List<FsMigration> migrations) {
    return new Builder(dir, migrations);
  }

  /** A migration recorded in the history. Immutable. */
  public record Applied(int version, String description, String checksum, Instant appliedAt, String appliedBy,
      int attempts) {}

  /** A migration that was started and has not been recorded as applied (its process died). Immutable. */
  public record Started(int version, Instant startedAt, String startedBy, int attempts) {}

  /**
   * The contents of {@code migrations.json}. Immutable.
   *
   * @param inProgress the step that was started and did not finish, or null
   */
  public record History(List<Applied> applied, @Nullable Started inProgress) {
    public History {
      applied = List.copyOf(applied);
    }

    /** The version the data is at (0 when nothing was applied). */
    public int version() {
      return applied.isEmpty() ? 0 : applied.get(applied.size() - 1).version();
    }
  }

  /** What one {@link #migrate()} did. Immutable. */
  public record Result(int fromVersion, int toVersion, List<Applied> applied) {
    public Result {
      applied = List.copyOf(applied);
    }
  }

  /** The highest version the code knows. */
  public int codeVersion() {
    return migrations.size();
  }

  /** Reads the history without the lock (for diagnostics); empty when the file does not exist. */
  public History history() throws IOException {
    return readHistory();
  }

  /**
   * Validates the history against the code and applies the pending migrations in order, under the
   * cross-process lock.
   *
   * @throws MigrationException when the history does not fit the code (nothing is touched)
   * @throws IOException when a step or a history write fails (the step runs again next time)
   */
  public Result migrate() throws IOException {
    Files.createDirectories(dir);
    return FileLocks.withLock(dir.resolve(LOCK), lockTimeout, this::migrateLocked);
  }

  private Result migrateLocked() throws IOException {
    History history = readHistory();
    validate(history);
    int from = history.version();
    List<Applied> recorded = new ArrayList<>(history.applied());
    List<Applied> now = new ArrayList<>();
    Started interrupted = history.inProgress();
    for (int v = from + 1; v <= migrations.size(); v++) {
      FsMigration m = migrations.get(v - 1);
      int attempts = 1;
      if (interrupted != null && interrupted.version() == v) {
        attempts = interrupted.attempts() + 1;
        LOG.warn("migration v{} ({}) of {} was started at {} by {} and did not finish; running it again",
            v, m.description(), dir, interrupted.startedAt(), interrupted.startedBy());
      }
      writeHistory(new History(recorded, new Started(v, clock.instant(), appliedBy, attempts)));
      long t0 = System.nanoTime();
      m.step().apply(dir);
      Applied applied = new Applied(v, m.description(), m.checksum(), clock.instant(), appliedBy, attempts);
      recorded.add(applied);
      now.add(applied);
      writeHistory(new History(recorded, null));
      LOG.info("migrated {} to v{} ({}) in {} ms", dir, v, m.description(), (System.nanoTime() - t0) / 1_000_000);
    }
    return new Result(from, migrations.size(), now);
  }

  private void validate(History history) {
    int codeVersion = migrations.size();
    int dataVersion = history.applied().stream().mapToInt(Applied::version).max().orElse(0);
    Started started = history.inProgress();
    if (started != null) {
      dataVersion = Math.max(dataVersion, started.version());
    }
    if (dataVersion > codeVersion) {
      throw new DataNewerThanCodeException(dir, dataVersion, codeVersion);
    }
    for (int i = 0; i < history.applied().size(); i++) {
      Applied a = history.applied().get(i);
      if (a.version() != i + 1) {
        throw new MigrationHistoryException(dir.resolve(HISTORY) + ": migrations[" + i + "] has version "
            + a.version() + ", expected " + (i + 1) + " (versions are recorded 1, 2, 3, … in order)",
            dir, a.version(), null);
      }
      FsMigration code = migrations.get(i);
      if (!code.checksum().equals(a.checksum())) {
        throw new MigrationChecksumException(dir, a.version(), code.description(), a.checksum(), code.checksum());
      }
    }
    if (started != null && started.version() != history.version() + 1) {
      throw new MigrationHistoryException(dir.resolve(HISTORY) + ": inProgress has version " + started.version()
          + " but the next version after the applied ones is " + (history.version() + 1), dir, started.version(), null);
    }
  }

  private History readHistory() throws IOException {
    Path file = dir.resolve(HISTORY);
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return new History(List.of(), null);
    }
    List<Applied> applied = new ArrayList<>();
    Started started = null;
    try (JsonParser p = JSON.createParser(bytes)) {
      expect(p.nextToken() == JsonToken.START_OBJECT, file, "the file is not a JSON object");
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken value = p.nextToken();
        switch (field) {
          case "migrations" -> {
            expect(value == JsonToken.START_ARRAY, file, "migrations is not an array");
            while (p.nextToken() == JsonToken.START_OBJECT) {
              Map<String, String> f = fields(p);
              String where = "migrations[" + applied.size() + "]";
              applied.add(new Applied(intField(f, "version", file, where), field(f, "description", file, where),
                  field(f, "checksum", file, where), instantField(f, "appliedAt", file, where),
                  field(f, "appliedBy", file, where), intField(f, "attempts", file, where)));
            }
          }
          case "inProgress" -> {
            expect(value == JsonToken.START_OBJECT, file, "inProgress is not an object");
            Map<String, String> f = fields(p);
            started = new Started(intField(f, "version", file, "inProgress"),
                instantField(f, "startedAt", file, "inProgress"), field(f, "startedBy", file, "inProgress"),
                intField(f, "attempts", file, "inProgress"));
          }
          default -> p.skipChildren();
        }
      }
    } catch (JsonProcessingException e) {
      throw new MigrationHistoryException(file + " is not valid JSON at line " + e.getLocation().getLineNr()
          + ", column " + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage(), dir, 0, e);
    }
    return new History(applied, started);
  }

  private static Map<String, String> fields(JsonParser p) throws IOException {
    Map<String, String> out = new HashMap<>();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken t = p.nextToken();
      if (t.isScalarValue()) {
        out.put(name, p.getText());
      } else {
        p.skipChildren();
      }
    }
    return out;
  }

  private String field(Map<String, String> f, String name, Path file, String where) {
    String v = f.get(name);
    expect(v != null, file, where + "." + name + " is missing");
    return Objects.requireNonNull(v);
  }

  private int intField(Map<String, String> f, String name, Path file, String where) {
    String v = field(f, name, file, where);
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw new MigrationHistoryException(file + ": " + where + "." + name + " is not an integer: " + v, dir, 0, e);
    }
  }

  private Instant instantField(Map<String, String> f, String name, Path file, String where) {
    String v = field(f, name, file, where);
    try {
      return Instant.parse(v);
    } catch (DateTimeParseException e) {
      throw new MigrationHistoryException(file + ": " + where + "." + name + " is not an ISO instant: " + v, dir, 0, e);
    }
  }

  private void expect(boolean ok, Path file, String what) {
    if (!ok) {
      throw new MigrationHistoryException(file + ": " + what, dir, 0, null);
    }
  }

  private void writeHistory(History h) throws IOException {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = JSON.createGenerator(out).useDefaultPrettyPrinter()) {
      g.writeStartObject();
      g.writeNumberField("version", h.version());
      g.writeArrayFieldStart("migrations");
      for (Applied a : h.applied()) {
        g.writeStartObject();
        g.writeNumberField("version", a.version());
        g.writeStringField("description", a.description());
        g.writeStringField("checksum", a.checksum());
        g.writeStringField("appliedAt", a.appliedAt().toString());
        g.writeStringField("appliedBy", a.appliedBy());
        g.writeNumberField("attempts", a.attempts());
        g.writeEndObject();
      }
      g.writeEndArray();
      Started s = h.inProgress();
      if (s != null) {
        g.writeObjectFieldStart("inProgress");
        g.writeNumberField("version", s.version());
        g.writeStringField("startedAt", s.startedAt().toString());
        g.writeStringField("startedBy", s.startedBy());
        g.writeNumberField("attempts", s.attempts());
        g.writeEndObject();
      }
      g.writeEndObject();
    }
    AtomicFiles.write(dir.resolve(HISTORY), (out + "\n").getBytes(StandardCharsets.UTF_8));
  }

  /** Configuration of a {@link FsMigrator}. Not thread-safe. */
  public static final class Builder {
    private final Path dir;
    private final List<FsMigration> migrations;
    private Clock clock = Clock.systemUTC();
    private String appliedBy = ProcessIdentity.describe();
    private Duration lockTimeout = Duration.ofMinutes(2);

    private Builder(Path dir, List<FsMigration> migrations) {
      this.dir = Objects.requireNonNull(dir, "dir");
      this.migrations = List.copyOf(migrations);
    }

    /** Wall clock for the applied-at and started-at times (default: system UTC). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** Who is recorded as having applied a migration (default: host and pid). */
    public Builder appliedBy(String appliedBy) {
      Objects.requireNonNull(appliedBy, "appliedBy");
      if (appliedBy.isBlank()) {
        throw new IllegalArgumentException("appliedBy is blank");
      }
      this.appliedBy = appliedBy;
      return this;
    }

    /** How long {@link #migrate()} waits for another process's migration (default 2 min). */
    public Builder lockTimeout(Duration lockTimeout) {
      Objects.requireNonNull(lockTimeout, "lockTimeout");
      if (lockTimeout.isNegative() || lockTimeout.isZero()) {
        throw new IllegalArgumentException("lockTimeout <= 0: " + lockTimeout);
      }
      this.lockTimeout = lockTimeout;
      return this;
    }

    /** @throws IllegalStateException when the versions are not 1, 2, 3, … in order */
    public FsMigrator build() {
      for (int i = 0; i < migrations.size(); i++) {
        if (migrations.get(i).version() != i + 1) {
          throw new IllegalStateException("migrations[" + i + "] has version " + migrations.get(i).version()
              + ", expected " + (i + 1) + " (versions must be 1, 2, 3, … in order)");
        }
      }
      return new FsMigrator(this);
    }
  }
}
