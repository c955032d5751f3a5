package dev.fragkit.economy.ops;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** The results of all checks at one time; {@link #status()} is the worst of them. Immutable. */
public record HealthReport(Instant at, HealthStatus status, List<HealthResult> results) {
  private static final JsonFactory JSON = new JsonFactory();

  public HealthReport {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(status, "status");
    results = List.copyOf(results);
  }

  /** {@code {"at":…,"status":…,"counts":{…},"checks":[{"name","status","message"}…]}}. */
  public String toJson() {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.writeStartObject();
      g.writeStringField("at", at.toString());
      g.writeStringField("status", status.name().toLowerCase(java.util.Locale.ROOT));
      g.writeObjectFieldStart("counts");
      for (HealthStatus s : HealthStatus.values()) {
        g.writeNumberField(s.name().toLowerCase(java.util.Locale.ROOT),
            results.stream().filter(r -> r.status() == s).count());
      }
      g.writeEndObject();
      g.writeArrayFieldStart("checks");
      for (HealthResult r : results) {
        g.writeStartObject();
        g.writeStringField("name", r.name());
        g.writeStringField("status", r.status().name().toLowerCase(java.util.Locale.ROOT));
        g.writeStringField("message", r.message());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }
}
