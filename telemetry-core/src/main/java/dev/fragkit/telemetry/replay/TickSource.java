package dev.fragkit.telemetry.replay;

import dev.fragkit.telemetry.record.RecordingFileSystem;
import dev.fragkit.telemetry.record.RecordingReader;
import dev.fragkit.telemetry.tick.GameTick;
import dev.fragkit.telemetry.tick.TickCodec;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Where file-mode replay reads ticks from. A source can be opened any number of times; each cursor
 * streams from the start (seeking backwards reopens).
 *
 * <p>Implementations must be thread-safe; cursors are used by one thread at a time.
 */
@FunctionalInterface
public interface TickSource {

  /** A new cursor positioned before the first tick. */
  TickCursor open();

  /** A streaming cursor. Not thread-safe. */
  interface TickCursor extends AutoCloseable {
    /** The next tick, or null at the end. */
    @Nullable GameTick next();

    @Override
    void close();
  }

  /** Streams a recording directory (with recovery: torn tails and corrupt frames are skipped). */
  static TickSource recording(Path dir, RecordingFileSystem fs, TickCodec codec) {
    Objects.requireNonNull(dir, "dir");
    return () -> {
      RecordingReader r = RecordingReader.open(dir, fs, codec);
      return new TickCursor() {
        @Override
        public @Nullable GameTick next() {
          return r.hasNext() ? r.next() : null;
        }

        @Override
        public void close() {
          r.close();
        }
      };
    };
  }

  /** An in-memory source. */
  static TickSource of(List<GameTick> ticks) {
    List<GameTick> copy = List.copyOf(ticks);
    return () -> {
      Iterator<GameTick> it = copy.iterator();
      return new TickCursor() {
        @Override
        public @Nullable GameTick next() {
          return it.hasNext() ? it.next() : null;
        }

        @Override
        public void close() {}
      };
    };
  }
}
