package dev.fragkit.telemetry.replay;

import dev.fragkit.telemetry.record.FramePosition;
import dev.fragkit.telemetry.tick.GameTick;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A sparse index over a tick stream, built while the engine streams it: the stream is cut into
 * blocks of {@code interval} ticks (by ordinal, 0-based stream position); for each block it keeps
 * the source position of its first tick and the running maxima (over all blocks up to and
 * including it) of sequence and timestamp.
 *
 * <p>Seek semantics are "the first tick in stream order whose key is ≥ the target", exactly as a
 * linear scan from the start. Because the running maxima never decrease, the first block whose
 * running maximum reaches the target is found by binary search, and it contains the answer: no
 * earlier tick reaches the target, and some tick of this block does. So a seek reads at most {@code
 * interval} ticks — also for recordings whose sequences or timestamps are not monotonic.
 *
 * <p>The index covers the ordinals {@code [0, covered)}: ticks are added only at the frontier, so
 * it is always a contiguous prefix of the stream. Not thread-safe (guarded by the engine's lock).
 */
final class SeekIndex {
  private final int interval;
  private final List<FramePosition> starts = new ArrayList<>();
  private long[] maxSeq = new long[16];
  private final List<Instant> maxTime = new ArrayList<>();
  private long covered;
  private boolean complete;

  SeekIndex(int interval) {
    this.interval = interval;
  }

  int interval() {
    return interval;
  }

  /** Number of leading ticks indexed. */
  long covered() {
    return covered;
  }

  /** Whether the end of the stream has been seen (then {@link #covered()} is the tick count). */
  boolean complete() {
    return complete;
  }

  int blocks() {
    return starts.size();
  }

  long blockStart(int block) {
    return (long) block * interval;
  }

  FramePosition position(int block) {
    return starts.get(block);
  }

  /** Records the tick at {@code ordinal}, read from {@code position}; ignored unless at the frontier. */
  void observe(long ordinal, GameTick tick, FramePosition position) {
    if (ordinal != covered || complete) {
      return;
    }
    int b = starts.size();
    if (ordinal % interval == 0) {
      if (b == maxSeq.length) {
        maxSeq = Arrays.copyOf(maxSeq, b * 2);
      }
      long prevSeq = b == 0 ? Long.MIN_VALUE : maxSeq[b - 1];
      Instant prevTime = b == 0 ? tick.timestamp() : maxTime.get(b - 1);
      starts.add(position);
      maxSeq[b] = Math.max(prevSeq, tick.sequence());
      maxTime.add(max(prevTime, tick.timestamp()));
    } else {
      maxSeq[b - 1] = Math.max(maxSeq[b - 1], tick.sequence());
      maxTime.set(b - 1, max(maxTime.get(b - 1), tick.timestamp()));
    }
    covered++;
  }

  /** The stream ended after {@code count} ticks (only meaningful when reached at the frontier). */
  void end(long count) {
    if (count == covered) {
      complete = true;
    }
  }

  /** The first block holding a tick with {@code sequence >= seq}, or -1 if no indexed tick has one. */
  int firstBlockWithSequence(long seq) {
    int lo = 0;
    int hi = starts.size() - 1;
    int found = -1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (maxSeq[mid] >= seq) {
        found = mid;
        hi = mid - 1;
      } else {
        lo = mid + 1;
      }
    }
    return found;
  }

  /** The first block holding a tick with {@code timestamp >= time}, or -1 if none is indexed. */
  int firstBlockWithTime(Instant time) {
    int lo = 0;
    int hi = starts.size() - 1;
    int found = -1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (!maxTime.get(mid).isBefore(time)) {
        found = mid;
        hi = mid - 1;
      } else {
        lo = mid + 1;
      }
    }
    return found;
  }

  private static Instant max(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }
}
