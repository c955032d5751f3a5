package dev.fragkit.adapters.fs.economy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.fragkit.economy.LedgerException;
import dev.fragkit.economy.ledger.StoreException;
import dev.fragkit.economy.reminder.Reminder;
import dev.fragkit.economy.reminder.ReminderConflictException;
import dev.fragkit.economy.reminder.ReminderScans;
import dev.fragkit.economy.reminder.ReminderState;
import dev.fragkit.economy.reminder.ReminderStore;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * {@link ReminderStore} in one JSON file, {@code <dir>/reminders.json}, shared safely by any number
 * of store instances and processes:
 *
 * <ul>
 *   <li>every change is a read-modify-write under an exclusive OS file lock on {@code
 *       reminders.json.lock} (plus a JVM-wide lock per file, because OS file locks are held per
 *       process, not per thread), so {@link #markDelivered} succeeds for exactly one caller;
 *   <li>the file is replaced with {@link AtomicFiles} (temp, fsync, rename, fsync directory), so a
 *       crash leaves the old or the new content and readers never see a torn file (reads take no
 *       lock).
 * </ul>
 *
 * <p>Every call reads the whole file and every change rewrites it: meant for a bot's reminders (a
 * few thousand), not for millions. Delivered and cancelled reminders are kept (a retried schedule
 * must not revive them) until {@link #purgeResolved} deletes them. Failures are {@link StoreException}s naming the file (and, for a corrupt
 * file, the line and column).
 *
 * <p>Thread-safe; holds no open resources between calls.
 */
public final class FsReminderStore implements ReminderStore {
  private static final JsonFactory JSON = new JsonFactory();
  private static final String FORMAT = "fragkit-reminders";
  private static final int VERSION = 1;
  /** OS file locks are per process: threads of one JVM are serialised here first. */
  private static final ConcurrentHashMap<Path, ReentrantLock> JVM_LOCKS = new ConcurrentHashMap<>();

  private final Path file;
  private final Path lockFile;
  private final ReentrantLock jvmLock;

  private FsReminderStore(Path dir) {
    this.file = dir.resolve("reminders.json");
    this.lockFile = dir.resolve("reminders.json.lock");
    this.jvmLock = JVM_LOCKS.computeIfAbsent(lockFile, k -> new ReentrantLock());
  }

  /** Opens (creating the directory if needed) the reminders kept in {@code dir}. */
  public static FsReminderStore open(Path dir) throws IOException {
    Objects.requireNonNull(dir, "dir");
    Path abs = dir.toAbsolutePath().normalize();
    Files.createDirectories(abs);
    FsReminderStore store = new FsReminderStore(abs.toRealPath());
    store.read(); // fail fast on a corrupt file
    return store;
  }

  /** The JSON file holding the reminders. */
  public Path file() {
    return file;
  }

  @Override
  public Reminder schedule(Reminder reminder) {
    Objects.requireNonNull(reminder, "reminder");
    if (reminder.state() != ReminderState.PENDING) {
      throw new IllegalArgumentException("only pending reminders can be scheduled: " + reminder.state());
    }
    return update(all -> {
      Reminder stored = all.get(reminder.id());
      if (stored == null) {
        all.put(reminder.id(), reminder);
        return new Change<>(reminder, true);
      }
      if (!stored.sameRequest(reminder)) {
        throw new ReminderConflictException(stored, reminder);
      }
      return new Change<>(stored, false);
    });
  }

  @Override
  public Optional<Reminder> find(String id) {
    return Optional.ofNullable(read().get(id));
  }

  @Override
  public List<Reminder> due(Instant now, int limit) {
    return ReminderScans.due(read().values(), now, limit);
  }

  @Override
  public boolean markDelivered(String id) {
    return transition(id, ReminderState.DELIVERED);
  }

  @Override
  public boolean cancel(String id) {
    return transition(id, ReminderState.CANCELLED);
  }

  private boolean transition(String id, ReminderState to) {
    Objects.requireNonNull(id, "id");
    if (!read().containsKey(id)) {
      return false; // unknown ids never appear later as anything but new reminders: no lock needed
    }
    return update(all -> {
      Reminder r = all.get(id);
      if (r == null || r.state() != ReminderState.PENDING) {
        return new Change<>(false, false);
      }
      all.put(id, r.withState(to));
      return new Change<>(true, true);
    });
  }

  @Override
  public int purgeResolved(Instant dueBefore) {
    Objects.requireNonNull(dueBefore, "dueBefore");
    return update(all -> {
      int before = all.size();
      all.values().removeIf(r -> r.state() != ReminderState.PENDING && r.dueAt().isBefore(dueBefore));
      int purged = before - all.size();
      return new Change<>(purged, purged > 0);
    });
  }

  @Override
  public Overdue countOverdue(Instant now, Duration olderThan) {
    return ReminderScans.overdue(read().values(), now, olderThan);
  }

  private record Change<T>(T result, boolean changed) {}

  /** Read-modify-write under the JVM lock and the OS file lock. */
  private <T> T update(Function<Map<String, Reminder>, Change<T>> work) {
    jvmLock.lock();
    try (FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock ignored = ch.lock()) {
      Map<String, Reminder> all = read();
      Change<T> change = work.apply(all);
      if (change.changed()) {
        AtomicFiles.write(file, encode(all));
      }
      return change.result();
    } catch (IOException e) {
      throw new StoreException("cannot update reminders file " + file + ": " + e, e);
    } finally {
      jvmLock.unlock();
    }
  }

  private Map<String, Reminder> read() {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return new LinkedHashMap<>();
    } catch (IOException e) {
      throw new StoreException("cannot read reminders file " + file + ": " + e, e);
    }
    try {
      return decode(bytes);
    } catch (JsonProcessingException e) {
      throw new StoreException("reminders file " + file + " is corrupt at line " + e.getLocation().getLineNr()
          + " column " + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage(), e);
    } catch (IOException | DateTimeParseException | IllegalArgumentException | LedgerException e) {
      throw new StoreException("reminders file " + file + " is corrupt: " + e.getMessage(), e);
    }
  }

  private static byte[] encode(Map<String, Reminder> all) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256 + all.size() * 192);
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.writeStartObject();
      g.writeStringField("format", FORMAT);
      g.writeNumberField("version", VERSION);
      g.writeArrayFieldStart("reminders");
      for (Reminder r : all.values()) {
        g.writeRaw('\n');
        g.writeStartObject();
        g.writeStringField("id", r.id());
        g.writeStringField("guild", r.guild());
        g.writeStringField("user", r.user());
        g.writeStringField("text", r.text());
        g.writeStringField("dueAt", r.dueAt().toString());
        g.writeStringField("createdAt", r.createdAt().toString());
        g.writeStringField("state", r.state().name());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    out.write('\n');
    return out.toByteArray();
  }

  private static Map<String, Reminder> decode(byte[] bytes) throws IOException {
    Map<String, Reminder> all = new LinkedHashMap<>();
    try (JsonParser p = JSON.createParser(bytes)) {
      expect(p, JsonToken.START_OBJECT);
      String format = null;
      int version = -1;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        switch (field) {
          case "format" -> format = textValue(p, field);
          case "version" -> {
            expect(p, JsonToken.VALUE_NUMBER_INT);
            version = p.getIntValue();
          }
          case "reminders" -> {
            expect(p, JsonToken.START_ARRAY);
            while (p.nextToken() == JsonToken.START_OBJECT) {
              Reminder r = reminder(p);
              if (all.put(r.id(), r) != null) {
                throw new IllegalArgumentException("duplicate reminder id " + r.id());
              }
            }
          }
          default -> throw new IllegalArgumentException("unknown field \"" + field + "\"");
        }
      }
      if (!FORMAT.equals(format) || version != VERSION) {
        throw new IllegalArgumentException("format " + format + " version " + version + ", expected " + FORMAT
            + " version " + VERSION);
      }
      JsonToken trailing = p.nextToken();
      if (trailing != null) {
        throw new IllegalArgumentException("unexpected " + trailing + " after the end at line "
            + p.currentLocation().getLineNr());
      }
    }
    return all;
  }

  private static Reminder reminder(JsonParser p) throws IOException {
    Map<String, String> f = new LinkedHashMap<>();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      f.put(name, textValue(p, name));
    }
    return new Reminder(required(f, "id"), required(f, "guild"), required(f, "user"), required(f, "text"),
        Instant.parse(required(f, "dueAt")), Instant.parse(required(f, "createdAt")),
        ReminderState.valueOf(required(f, "state")));
  }

  private static String required(Map<String, String> fields, String name) {
    String v = fields.get(name);
    if (v == null) {
      throw new IllegalArgumentException("reminder " + fields.getOrDefault("id", "?") + " lacks \"" + name + "\"");
    }
    return v;
  }

  private static String textValue(JsonParser p, String field) throws IOException {
    if (p.nextToken() != JsonToken.VALUE_STRING) {
      throw new IllegalArgumentException("\"" + field + "\" is not a string at line "
          + p.currentLocation().getLineNr());
    }
    return p.getText();
  }

  private static void expect(JsonParser p, JsonToken token) throws IOException {
    JsonToken t = p.nextToken();
    if (t != token) {
      throw new IllegalArgumentException("expected " + token + " at line " + p.currentLocation().getLineNr()
          + " column " + p.currentLocation().getColumnNr() + ", found " + t);
    }
  }
}
