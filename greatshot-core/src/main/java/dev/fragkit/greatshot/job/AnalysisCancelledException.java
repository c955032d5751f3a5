package dev.fragkit.greatshot.job;

/** Thrown by {@link Cancellation#throwIfCancelled()}: the work was stopped for {@link #reason()}. */
public final class AnalysisCancelledException extends AnalysisException {
  private static final long serialVersionUID = 1L;
  private final Cancellation.Reason reason;

  public AnalysisCancelledException(Cancellation.Reason reason) {
    super("stopped: " + reason.name().toLowerCase(java.util.Locale.ROOT));
    this.reason = reason;
  }

  public Cancellation.Reason reason() {
    return reason;
  }
}
