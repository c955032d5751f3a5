package dev.fragkit.telemetry;

/**
 * Root of every exception thrown by telemetry-core for bad input or a failed operation. Subclasses are
 * named for the failure and live in the package that throws them; they carry their context as fields.
 *
 * <p>Immutable once thrown.
 */
public abstract class TelemetryException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  protected TelemetryException(String message) {
    super(message);
  }

  protected TelemetryException(String message, Throwable cause) {
    super(message, cause);
  }
}
