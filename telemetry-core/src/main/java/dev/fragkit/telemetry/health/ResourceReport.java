package dev.fragkit.telemetry.health;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The result of one sample. {@link #status()} is the worst status of all readings (the reference
 * averaged scores, so one critical resource beside two healthy ones read as a mere warning).
 *
 * @param at when it was taken
 * @param status worst status
 * @param readings every reading
 */
public record ResourceReport(Instant at, HealthStatus status, List<ResourceReading> readings) {
  public ResourceReport {
    readings = List.copyOf(readings);
  }

  /** The reading named {@code name}. */
  public Optional<ResourceReading> reading(String name) {
    return readings.stream().filter(r -> r.name().equals(name)).findFirst();
  }
}
