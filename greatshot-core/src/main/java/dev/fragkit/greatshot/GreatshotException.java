package dev.fragkit.greatshot;

/**
 * Root of every failure greatshot-core reports: reading a demo ({@code demo.DemoException}),
 * refusing an upload ({@code intake.UploadRejectedException}), analysing in a job
 * ({@code job.AnalysisException}) and storing ({@code store.StoreException}). Unchecked; subclasses
 * are named for the failure and carry their context as fields. Catch this to handle any of them.
 */
public abstract class GreatshotException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  protected GreatshotException(String message) {
    super(message);
  }

  protected GreatshotException(String message, Throwable cause) {
    super(message, cause);
  }
}
