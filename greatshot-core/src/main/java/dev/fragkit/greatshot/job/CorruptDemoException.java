package dev.fragkit.greatshot.job;

/**
 * The demo cannot be analysed because its bytes are wrong. Permanent: never retried. {@code offset}
 * is the byte offset in the file where the problem was found (-1 when unknown).
 */
public final class CorruptDemoException extends AnalysisException {
  private static final long serialVersionUID = 1L;
  private final long offset;

  public CorruptDemoException(long offset, String message) {
    super("corrupt demo at offset " + offset + ": " + message);
    this.offset = offset;
  }

  public CorruptDemoException(long offset, String message, Throwable cause) {
    super("corrupt demo at offset " + offset + ": " + message, cause);
    this.offset = offset;
  }

  public long offset() {
    return offset;
  }
}
