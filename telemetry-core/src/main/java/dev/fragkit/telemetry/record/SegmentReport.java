package dev.fragkit.telemetry.record;

import java.nio.file.Path;
import java.util.List;

/**
 * What recovery found in one segment file.
 *
 * @param segment the file
 * @param size its size in bytes
 * @param intactFrames frames whose length and checksum were valid
 * @param validEnd offset just past the last intact frame (the header's end if none)
 * @param tornTailBytes bytes after the last intact frame that hold no intact frame (a torn write);
 *     these are dropped
 * @param corrupt regions skipped between intact frames
 */
public record SegmentReport(Path segment, long size, long intactFrames, long validEnd,
    long tornTailBytes, List<CorruptRegion> corrupt) {
  public SegmentReport {
    corrupt = List.copyOf(corrupt);
  }
}
