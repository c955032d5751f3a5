package dev.fragkit.greatshot.demo;

import java.time.Instant;

/** The read passed its deadline (checked at record boundaries). Immutable. */
public final class DemoTimeoutException extends DemoCancelledException {
  private static final long serialVersionUID = 1L;
  private final Instant deadline;

  public DemoTimeoutException(Instant deadline, Instant now, long byteOffset, int recordsRead) {
    super("deadline " + deadline + " passed at " + now + " after " + recordsRead + " records (byte " + byteOffset + ")",
        byteOffset, recordsRead);
    this.deadline = deadline;
  }

  public Instant deadline() {
    return deadline;
  }
}
