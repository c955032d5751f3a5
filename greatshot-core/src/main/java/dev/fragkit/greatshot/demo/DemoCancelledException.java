package dev.fragkit.greatshot.demo;

/**
 * The read was stopped at a record boundary: the cancellation signal was raised or the thread was
 * interrupted (the interrupt flag stays set). Immutable.
 */
public class DemoCancelledException extends DemoException {
  private static final long serialVersionUID = 1L;
  private final int recordsRead;

  public DemoCancelledException(String message, long byteOffset, int recordsRead) {
    super(message, byteOffset);
    this.recordsRead = recordsRead;
  }

  /** Complete records delivered before the stop. */
  public int recordsRead() {
    return recordsRead;
  }
}
