package dev.fragkit.greatshot.intake;

/**
 * Cheap plausibility check of an ET demo ({@code .dm_84}/{@code .tv_84}). The format has no magic
 * number: a file is a sequence of records {@code [int32 LE sequence][int32 LE length L][L bytes]}
 * (et-demo-format.md §2), and the engine rejects {@code L > 32768}. The rule: the file holds at
 * least the 8-byte header of a first record, whose length {@code L} satisfies
 * {@code 0 < L <= 32768} and {@code 8 + L <= file size}. It does not parse the body; the analyzer
 * reports deeper corruption. Immutable (static).
 */
public final class DemoHeaderSniffer {
  /** Longest record body the engine accepts. */
  public static final int MAX_RECORD_LENGTH = 32768;

  /** Bytes of the head that {@link #check} needs. */
  public static final int HEAD_BYTES = 8;

  private DemoHeaderSniffer() {}

  /**
   * Checks the first {@code headLength} bytes of {@code head} of a file of {@code fileSize} bytes.
   *
   * @throws InvalidDemoHeaderException naming the offset and the broken rule
   */
  public static void check(byte[] head, int headLength, long fileSize) {
    if (headLength < HEAD_BYTES || fileSize < HEAD_BYTES) {
      throw new InvalidDemoHeaderException(0, "file of " + fileSize + " bytes is shorter than the 8-byte record header");
    }
    int length = (head[4] & 0xff) | (head[5] & 0xff) << 8 | (head[6] & 0xff) << 16 | (head[7] & 0xff) << 24;
    if (length <= 0 || length > MAX_RECORD_LENGTH) {
      throw new InvalidDemoHeaderException(4, "first record length " + length + " not in 1.." + MAX_RECORD_LENGTH);
    }
    if (HEAD_BYTES + (long) length > fileSize) {
      throw new InvalidDemoHeaderException(4, "first record length " + length + " runs past the end of a "
          + fileSize + "-byte file");
    }
  }
}
