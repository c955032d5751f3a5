package dev.fragkit.greatshot.demo;

/**
 * The input breaks a rule of the demo format (format doc section named in {@link #rule()}).
 * Immutable.
 */
public final class MalformedDemoException extends DemoException {
  private static final long serialVersionUID = 1L;
  private final int recordIndex;
  private final int recordSequence;
  private final String rule;

  /**
   * @param rule the broken rule with its values, e.g. {@code "unknown opcode 42"}
   * @param byteOffset input offset of the failing read
   * @param recordIndex 1-based index of the record being decoded (0 = none yet)
   * @param recordSequence that record's sequence number, or −1 when its header was not read
   */
  public MalformedDemoException(String rule, long byteOffset, int recordIndex, int recordSequence) {
    super("malformed demo at byte " + byteOffset + " (record " + recordIndex + ", sequence " + recordSequence + "): "
        + rule, byteOffset);
    this.recordIndex = recordIndex;
    this.recordSequence = recordSequence;
    this.rule = rule;
  }

  /** 1-based index of the record being decoded (0 = before the first record). */
  public int recordIndex() {
    return recordIndex;
  }

  /** Sequence number from the record header, or −1 when it was not read. */
  public int recordSequence() {
    return recordSequence;
  }

  /** The broken rule with the offending values. */
  public String rule() {
    return rule;
  }
}
