package dev.fragkit.telemetry.tick;

import dev.fragkit.telemetry.TelemetryException;

/**
 * Bytes that do not decode to a {@link GameTick}, or a tick that cannot be encoded (for example
 * nested deeper than the codec allows). Carries the byte offset into the payload where known.
 *
 * <p>Immutable.
 */
public final class MalformedTickException extends TelemetryException {
  private static final long serialVersionUID = 1L;
  private final long offset;

  public MalformedTickException(String message, long offset) {
    super(offset >= 0 ? message + " (at byte " + offset + ")" : message);
    this.offset = offset;
  }

  public MalformedTickException(String message, long offset, Throwable cause) {
    super(offset >= 0 ? message + " (at byte " + offset + ")" : message, cause);
    this.offset = offset;
  }

  /** Byte offset in the encoded tick, or -1 if unknown. */
  public long offset() {
    return offset;
  }
}
