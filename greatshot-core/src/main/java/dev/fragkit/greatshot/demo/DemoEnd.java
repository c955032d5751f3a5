package dev.fragkit.greatshot.demo;

/**
 * The read ended.
 *
 * @param reason how it ended
 * @param records records read (including the gamestate record)
 * @param snapshots snapshots decoded
 * @param bytes bytes consumed from the input
 * @param detail for {@link Reason#TRUNCATED}: what was incomplete and at which byte offset; else empty
 */
public record DemoEnd(Reason reason, int records, int snapshots, long bytes, String detail) {
  /** How a read ended. */
  public enum Reason {
    /** The end marker (length −1) or a clean end of file at a record boundary. */
    EOF,
    /** The file ends inside a record (a crashed recording): everything before it was delivered. */
    TRUNCATED
  }
}
