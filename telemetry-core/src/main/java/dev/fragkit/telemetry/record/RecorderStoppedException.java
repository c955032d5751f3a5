package dev.fragkit.telemetry.record;

import dev.fragkit.telemetry.TelemetryException;
import org.jspecify.annotations.Nullable;

/**
 * A tick was offered to a recorder that is no longer recording. The cause, when present, is why it
 * stopped ({@link RecorderFailedException} or {@link InsufficientDiskSpaceException}).
 *
 * <p>Immutable.
 */
public final class RecorderStoppedException extends TelemetryException {
  private static final long serialVersionUID = 1L;
  private final Recorder.State state;

  public RecorderStoppedException(Recorder.State state, @Nullable Throwable reason) {
    super("recorder is " + state + (reason == null ? "" : ": " + reason.getMessage()));
    if (reason != null) {
      initCause(reason);
    }
    this.state = state;
  }

  public Recorder.State state() {
    return state;
  }
}
