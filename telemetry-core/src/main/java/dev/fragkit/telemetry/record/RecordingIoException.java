package dev.fragkit.telemetry.record;

import dev.fragkit.telemetry.TelemetryException;
import java.io.IOException;
import java.nio.file.Path;

/**
 * An I/O failure while reading or writing a recording, naming the file involved.
 *
 * <p>Immutable.
 */
public final class RecordingIoException extends TelemetryException {
  private static final long serialVersionUID = 1L;
  private final transient Path path;

  public RecordingIoException(String operation, Path path, IOException cause) {
    super(operation + " failed for " + path + ": " + cause, cause);
    this.path = path;
  }

  public Path path() {
    return path;
  }
}
