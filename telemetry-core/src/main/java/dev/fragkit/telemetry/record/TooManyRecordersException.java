package dev.fragkit.telemetry.record;

import dev.fragkit.telemetry.TelemetryException;

/**
 * Opening another recorder would exceed the registry's cap on open recorders.
 *
 * <p>Immutable.
 */
public final class TooManyRecordersException extends TelemetryException {
  private static final long serialVersionUID = 1L;
  private final int limit;

  public TooManyRecordersException(int limit) {
    super("cannot open more than " + limit + " recorders at once (RecorderRegistry.maxOpen)");
    this.limit = limit;
  }

  public int limit() {
    return limit;
  }
}
