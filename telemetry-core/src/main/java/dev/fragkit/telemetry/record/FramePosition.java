package dev.fragkit.telemetry.record;

/**
 * Where a frame starts: the segment's position in the recording's segment order (0 = first) and the
 * byte offset of the frame's length field in that segment. For in-memory tick sources, segment 0
 * and the tick's index. Immutable.
 *
 * @param segment 0-based segment ordinal (≥ 0)
 * @param offset byte offset in the segment (≥ 0)
 */
public record FramePosition(int segment, long offset) {
  public FramePosition {
    if (segment < 0) {
      throw new IllegalArgumentException("segment < 0: " + segment);
    }
    if (offset < 0) {
      throw new IllegalArgumentException("offset < 0: " + offset);
    }
  }
}
