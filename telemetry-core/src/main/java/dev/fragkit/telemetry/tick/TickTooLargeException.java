package dev.fragkit.telemetry.tick;

import dev.fragkit.telemetry.TelemetryException;

/**
 * A tick whose encoded form exceeds {@link TickCodec#maxTickBytes()}. The size is measured in
 * encoded UTF-8 bytes, not characters (the reference counted characters, so a tick of 600 000
 * three-byte characters slipped through a "1 MiB" limit).
 *
 * <p>Immutable.
 */
public final class TickTooLargeException extends TelemetryException {
  private static final long serialVersionUID = 1L;
  private final String gameId;
  private final long sequence;
  private final long encodedBytesAtLeast;
  private final int maxTickBytes;

  public TickTooLargeException(String gameId, long sequence, long encodedBytesAtLeast, int maxTickBytes) {
    super("tick game=" + gameId + " seq=" + sequence + " encodes to at least " + encodedBytesAtLeast
        + " bytes, exceeding maxTickBytes " + maxTickBytes + " (TickCodec.maxTickBytes)");
    this.gameId = gameId;
    this.sequence = sequence;
    this.encodedBytesAtLeast = encodedBytesAtLeast;
    this.maxTickBytes = maxTickBytes;
  }

  public String gameId() {
    return gameId;
  }

  public long sequence() {
    return sequence;
  }

  /** Bytes produced before encoding was abandoned; always greater than the limit. */
  public long encodedBytesAtLeast() {
    return encodedBytesAtLeast;
  }

  public int maxTickBytes() {
    return maxTickBytes;
  }
}
