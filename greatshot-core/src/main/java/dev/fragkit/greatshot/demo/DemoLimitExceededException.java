package dev.fragkit.greatshot.demo;

/** The input exceeded a {@link ParserLimits} setting. Immutable. */
public final class DemoLimitExceededException extends DemoException {
  private static final long serialVersionUID = 1L;
  private final String setting;
  private final long limit;
  private final long actual;
  private final int recordIndex;
  private final int recordSequence;

  /**
   * @param what what was measured, e.g. {@code "string length"}
   * @param setting the {@link ParserLimits} accessor name, e.g. {@code "maxStringLength"}
   */
  public DemoLimitExceededException(String what, String setting, long limit, long actual, long byteOffset,
      int recordIndex, int recordSequence) {
    super(what + " " + actual + " exceeds " + setting + " " + limit + " (ParserLimits." + setting + ") at byte "
        + byteOffset + " (record " + recordIndex + ", sequence " + recordSequence + ")", byteOffset);
    this.setting = setting;
    this.limit = limit;
    this.actual = actual;
    this.recordIndex = recordIndex;
    this.recordSequence = recordSequence;
  }

  /** The {@link ParserLimits} setting that was exceeded. */
  public String setting() {
    return setting;
  }

  public long limit() {
    return limit;
  }

  public long actual() {
    return actual;
  }

  public int recordIndex() {
    return recordIndex;
  }

  public int recordSequence() {
    return recordSequence;
  }
}
