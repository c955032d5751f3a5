package dev.fragkit.telemetry.record;

import dev.fragkit.telemetry.TelemetryException;
import java.nio.file.Path;

/**
 * Usable disk space fell below a recorder threshold: at open ({@code minFreeBytesToStart}) the
 * recorder refuses to start; at a flush ({@code minFreeBytesToContinue}) it stops cleanly.
 *
 * <p>Immutable.
 */
public final class InsufficientDiskSpaceException extends TelemetryException {
  private static final long serialVersionUID = 1L;
  private final transient Path directory;
  private final long usableBytes;
  private final long requiredBytes;
  private final String setting;

  public InsufficientDiskSpaceException(Path directory, long usableBytes, long requiredBytes,
      String setting) {
    super("usable space " + usableBytes + " bytes at " + directory + " is below " + requiredBytes
        + " (RecorderConfig." + setting + ")");
    this.directory = directory;
    this.usableBytes = usableBytes;
    this.requiredBytes = requiredBytes;
    this.setting = setting;
  }

  public Path directory() {
    return directory;
  }

  public long usableBytes() {
    return usableBytes;
  }

  public long requiredBytes() {
    return requiredBytes;
  }

  /** The config setting that was breached. */
  public String setting() {
    return setting;
  }
}
