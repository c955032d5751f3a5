package dev.fragkit.greatshot.job;

/** Root of the failures an analyzer or cutter reports to the job runner. Unchecked. */
public abstract class AnalysisException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  protected AnalysisException(String message, Throwable cause) {
    super(message, cause);
  }

  protected AnalysisException(String message) {
    super(message);
  }
}
