package dev.fragkit.adapters.fs.economy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.fragkit.economy.ledger.StoreException;
import dev.fragkit.economy.ops.ScheduleState;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The maintenance scheduler's last-run times in one JSON file ({@code {"task": "ISO instant"}}),
 * rewritten atomically on every run. Thread-safe within one process.
 */
public final class FsScheduleState implements ScheduleState {
  private static final JsonFactory JSON = new JsonFactory();

  private final Path file;
  private final Map<String, Instant> runs = new TreeMap<>();

  private FsScheduleState(Path file) {
    this.file = file;
  }

  public static FsScheduleState open(Path file) throws IOException {
    FsScheduleState s = new FsScheduleState(file);
    if (Files.exists(file)) {
      try (JsonParser p = JSON.createParser(Files.readAllBytes(file))) {
        if (p.nextToken() != JsonToken.START_OBJECT) {
          throw new StoreException("schedule state " + file + " is not a JSON object", null);
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String task = p.currentName();
          p.nextToken();
          s.runs.put(task, Instant.parse(p.getText()));
        }
      }
    }
    return s;
  }

  @Override
  public synchronized Optional<Instant> lastRun(String task) {
    return Optional.ofNullable(runs.get(task));
  }

  @Override
  public synchronized void recordRun(String task, Instant at) {
    runs.put(task, at);
    StringWriter out = new StringWriter();
    try {
      try (JsonGenerator g = JSON.createGenerator(out)) {
        g.writeStartObject();
        for (Map.Entry<String, Instant> e : runs.entrySet()) {
          g.writeStringField(e.getKey(), e.getValue().toString());
        }
        g.writeEndObject();
      }
      AtomicFiles.write(file, out.toString().getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new StoreException("cannot write schedule state " + file + ": " + e.getMessage(), e);
    }
  }
}
