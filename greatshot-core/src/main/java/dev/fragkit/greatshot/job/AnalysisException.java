package dev.fragkit.greatshot.job;

import dev.fragkit.greatshot.GreatshotException;

/** Root of the failures an analyzer or cutter reports to the job runner. Unchecked. */
public abstract class AnalysisException extends GreatshotException {
  private static final long serialVersionUID = 1L;

  protected AnalysisException(String message, Throwable cause) {
    super(message, cause);
  }

  protected AnalysisException(String message) {
    super(message);
  }
}
