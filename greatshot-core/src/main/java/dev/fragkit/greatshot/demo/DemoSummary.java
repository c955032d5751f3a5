package dev.fragkit.greatshot.demo;

import java.time.Duration;

/**
 * What one read did. Immutable.
 *
 * @param source the input's description
 * @param protocol 84 or 284
 * @param records complete records decoded (including the gamestate record)
 * @param snapshots snapshots decoded
 * @param bytes input bytes consumed
 * @param endReason {@link DemoEnd.Reason#EOF} or {@link DemoEnd.Reason#TRUNCATED}
 * @param detail for a truncated input: what was incomplete, else empty
 * @param serverCommands new server commands delivered
 * @param obituaries obituaries delivered
 * @param elapsed wall time of the read (monotonic clock)
 */
public record DemoSummary(String source, int protocol, int records, int snapshots, long bytes, DemoEnd.Reason endReason,
    String detail, int serverCommands, int obituaries, Duration elapsed) {

  /** Throughput in MB/s (10^6 bytes per second) of this read. */
  public double megabytesPerSecond() {
    long nanos = Math.max(1, elapsed.toNanos());
    return bytes * 1000.0 / nanos;
  }
}
