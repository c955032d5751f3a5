package dev.fragkit.telemetry.record;

import java.util.ArrayList;
import java.util.List;

/**
 * The outcome of reading a recording: per segment what was intact, torn or skipped.
 *
 * <p>Immutable.
 *
 * @param segments one report per segment, in order
 * @param undecodable frames whose checksum was valid but whose payload was not a tick (only filled
 *     when ticks are decoded)
 */
public record RecoveryReport(List<SegmentReport> segments, List<CorruptRegion> undecodable) {
  public RecoveryReport {
    segments = List.copyOf(segments);
    undecodable = List.copyOf(undecodable);
  }

  /** Intact frames over all segments. */
  public long intactFrames() {
    return segments.stream().mapToLong(SegmentReport::intactFrames).sum();
  }

  /** Torn-tail bytes dropped over all segments. */
  public long droppedTailBytes() {
    return segments.stream().mapToLong(SegmentReport::tornTailBytes).sum();
  }

  /** Every skipped region in the middle of a segment plus every undecodable frame. */
  public List<CorruptRegion> corruptRegions() {
    List<CorruptRegion> all = new ArrayList<>();
    segments.forEach(s -> all.addAll(s.corrupt()));
    all.addAll(undecodable);
    return all;
  }

  /** True if nothing was dropped or skipped. */
  public boolean clean() {
    return droppedTailBytes() == 0 && corruptRegions().isEmpty();
  }
}
