package dev.fragkit.telemetry.record;

import dev.fragkit.telemetry.TelemetryException;
import java.nio.file.Path;

/**
 * The recorder used up its error budget: this many consecutive flushes failed, so it stopped. The
 * cause is the last I/O failure.
 *
 * <p>Immutable.
 */
public final class RecorderFailedException extends TelemetryException {
  private static final long serialVersionUID = 1L;
  private final transient Path directory;
  private final int consecutiveFailures;

  public RecorderFailedException(Path directory, int consecutiveFailures, Throwable lastFailure) {
    super("recorder at " + directory + " stopped after " + consecutiveFailures
        + " consecutive failed flushes (RecorderConfig.errorBudget): " + lastFailure, lastFailure);
    this.directory = directory;
    this.consecutiveFailures = consecutiveFailures;
  }

  public Path directory() {
    return directory;
  }

  public int consecutiveFailures() {
    return consecutiveFailures;
  }
}
