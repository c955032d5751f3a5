package dev.fragkit.telemetry.replay;

import dev.fragkit.telemetry.record.FramePosition;
import dev.fragkit.telemetry.record.RecordingFileSystem;
import dev.fragkit.telemetry.record.RecordingReader;
import dev.fragkit.telemetry.tick.GameTick;
import dev.fragkit.telemetry.tick.TickCodec;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Where file-mode replay reads ticks from. A source can be opened any number of times; each cursor
 * streams from the start. A source that {@link #supportsPositions() supports positions} can also
 * reopen at the position of a tick a cursor returned earlier ({@link TickCursor#position()}), which
 * the engine's seek index uses to jump near a seek target instead of re-reading from the start.
 *
 * <p>Implementations must be thread-safe; cursors are used by one thread at a time.
 */
@FunctionalInterface
public interface TickSource {

  /** A new cursor positioned before the first tick. */
  TickCursor open();

  /** Whether {@link #openAt} works and cursors report {@link TickCursor#position()}s. */
  default boolean supportsPositions() {
    return false;
  }

  /**
   * A new cursor whose first tick is the one at {@code position} (returned by a cursor of this
   * source).
   *
   * @throws UnsupportedOperationException unless {@link #supportsPositions()}
   */
  default TickCursor openAt(FramePosition position) {
    throw new UnsupportedOperationException("source does not support positions");
  }

  /** A streaming cursor. Not thread-safe. */
  interface TickCursor extends AutoCloseable {
    /** The next tick, or null at the end. */
    @Nullable GameTick next();

    /**
     * Where the tick last returned by {@link #next()} is stored, if the source supports positions;
     * null otherwise or before the first tick.
     */
    default @Nullable FramePosition position() {
      return null;
    }

    @Override
    void close();
  }

  /**
   * Streams a recording directory (with recovery: torn tails and corrupt frames are skipped).
   * Supports positions: {@link #openAt} opens the segment and starts reading at the frame's byte
   * offset. The recording must not change while the source is in use.
   */
  static TickSource recording(Path dir, RecordingFileSystem fs, TickCodec codec) {
    Objects.requireNonNull(dir, "dir");
    Objects.requireNonNull(fs, "fs");
    Objects.requireNonNull(codec, "codec");
    return new TickSource() {
      @Override
      public TickCursor open() {
        return cursor(RecordingReader.open(dir, fs, codec));
      }

      @Override
      public boolean supportsPositions() {
        return true;
      }

      @Override
      public TickCursor openAt(FramePosition position) {
        return cursor(RecordingReader.open(dir, fs, codec, position));
      }

      private TickCursor cursor(RecordingReader r) {
        return new TickCursor() {
          private @Nullable FramePosition last;

          @Override
          public @Nullable GameTick next() {
            if (!r.hasNext()) {
              return null;
            }
            GameTick t = r.next();
            last = r.lastPosition();
            return t;
          }

          @Override
          public @Nullable FramePosition position() {
            return last;
          }

          @Override
          public void close() {
            r.close();
          }
        };
      }
    };
  }

  /** An in-memory source; supports positions (segment 0, offset = index). */
  static TickSource of(List<GameTick> ticks) {
    List<GameTick> copy = List.copyOf(ticks);
    return new TickSource() {
      @Override
      public TickCursor open() {
        return cursor(0);
      }

      @Override
      public boolean supportsPositions() {
        return true;
      }

      @Override
      public TickCursor openAt(FramePosition position) {
        if (position.segment() != 0 || position.offset() > copy.size()) {
          throw new IllegalArgumentException("no tick at " + position + " (" + copy.size() + " ticks)");
        }
        return cursor((int) position.offset());
      }

      private TickCursor cursor(int from) {
        return new TickCursor() {
          private int next = from;

          @Override
          public @Nullable GameTick next() {
            return next < copy.size() ? copy.get(next++) : null;
          }

          @Override
          public @Nullable FramePosition position() {
            return next == from ? null : new FramePosition(0, next - 1);
          }

          @Override
          public void close() {}
        };
      }
    };
  }
}
