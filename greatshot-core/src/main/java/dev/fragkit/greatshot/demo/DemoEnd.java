package dev.fragkit.greatshot.demo;

/**
 * The read ended.
 *
 * @param reason how it ended
 * @param records records read (including the gamestate record)
 * @param snapshots snapshots decoded
 * @param bytes bytes consumed from the input
 * @param detail for {@link Reason#TRUNCATED}: what was incomplete and at which byte offset; for
 *     {@link Reason#ERROR} the failure's message; else empty
 */
public record DemoEnd(Reason reason, int records, int snapshots, long bytes, String detail) {
  /** How a read ended. */
  public enum Reason {
    /** The end marker (length −1) or a clean end of file at a record boundary. */
    EOF,
    /** The file ends inside a record (a crashed recording): everything before it was delivered. */
    TRUNCATED,
    /**
     * The read failed with a {@link DemoException} (malformed input, a limit, cancellation, I/O);
     * {@code detail} holds its message and the exception is thrown right after this event.
     */
    ERROR
  }
}
