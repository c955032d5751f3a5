package dev.fragkit.telemetry.record;

import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A point-in-time snapshot of a recorder's counters.
 *
 * @param state lifecycle state
 * @param ticksRecorded ticks accepted by {@link Recorder#record}
 * @param ticksWritten ticks written by successful flushes
 * @param ticksDropped ticks discarded because the recorder stopped with them still buffered
 * @param bytesWritten bytes written, headers and frame overhead included
 * @param flushes successful flushes
 * @param syncs successful syncs
 * @param errors failed flushes in total
 * @param consecutiveErrors failed flushes since the last success
 * @param bufferedTicks ticks waiting for the next flush
 * @param bufferedBytes bytes waiting for the next flush
 * @param segments segment files created
 * @param lastFlush wall time of the last successful flush, null if none
 */
public record RecorderMetrics(Recorder.State state, long ticksRecorded, long ticksWritten,
    long ticksDropped, long bytesWritten, long flushes, long syncs, long errors,
    int consecutiveErrors, int bufferedTicks, long bufferedBytes, long segments,
    @Nullable Instant lastFlush) {

  /** {@link #lastFlush()} as an optional. */
  public Optional<Instant> lastFlushTime() {
    return Optional.ofNullable(lastFlush);
  }
}
