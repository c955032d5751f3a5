package dev.fragkit.telemetry.record;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Bytes of a segment that were skipped by recovery: a corrupt frame between intact ones, or a frame
 * whose checksum holds but whose payload does not decode as a tick.
 *
 * @param segment the segment file
 * @param offset byte offset of the first skipped byte
 * @param length number of skipped bytes
 * @param reason what was wrong, e.g. "crc mismatch" or "undecodable tick: …"
 */
public record CorruptRegion(Path segment, long offset, long length, String reason) {
  public CorruptRegion {
    Objects.requireNonNull(segment, "segment");
    Objects.requireNonNull(reason, "reason");
  }
}
