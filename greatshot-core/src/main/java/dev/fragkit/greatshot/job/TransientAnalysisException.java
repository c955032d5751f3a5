package dev.fragkit.greatshot.job;

/**
 * A failure that may go away if the same work is tried again (a busy resource, a flaky mount).
 * The runner retries it (and {@link java.io.IOException}) per its retry settings.
 */
public final class TransientAnalysisException extends AnalysisException {
  private static final long serialVersionUID = 1L;

  public TransientAnalysisException(String message) {
    super(message);
  }

  public TransientAnalysisException(String message, Throwable cause) {
    super(message, cause);
  }
}
