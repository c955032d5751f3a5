package dev.fragkit.telemetry.record;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link RecordingFileSystem} over the local one that can report a chosen amount of free space and
 * fail writes or syncs on demand. A failing write first writes half of its bytes, like a torn
 * write on a full disk. Thread-safe.
 */
public final class FaultyFileSystem implements RecordingFileSystem {
  private final RecordingFileSystem delegate = RecordingFileSystem.local();
  /** Reported usable space; negative means "ask the real file system". */
  public final AtomicLong usableSpace = new AtomicLong(-1);
  /** Number of upcoming segment writes that fail. */
  public final AtomicInteger failWrites = new AtomicInteger();
  /** Number of upcoming syncs that fail. */
  public final AtomicInteger failSyncs = new AtomicInteger();
  /** Writes attempted. */
  public final AtomicInteger writes = new AtomicInteger();
  /** Syncs performed successfully. */
  public final AtomicInteger syncs = new AtomicInteger();
  /** Segments created. */
  public final AtomicInteger creates = new AtomicInteger();

  @Override
  public void createDirectories(Path dir) throws IOException {
    delegate.createDirectories(dir);
  }

  @Override
  public List<Path> list(Path dir) throws IOException {
    return delegate.list(dir);
  }

  @Override
  public SegmentOutput create(Path file) throws IOException {
    SegmentOutput out = delegate.create(file);
    creates.incrementAndGet();
    return new SegmentOutput() {
      @Override
      public void write(ByteBuffer src) throws IOException {
        writes.incrementAndGet();
        if (failWrites.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
          ByteBuffer half = src.duplicate();
          half.limit(src.position() + src.remaining() / 2);
          out.write(half);
          throw new IOException("No space left on device (simulated)");
        }
        out.write(src);
      }

      @Override
      public void sync(boolean metadata) throws IOException {
        if (failSyncs.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
          throw new IOException("Input/output error on fsync (simulated)");
        }
        out.sync(metadata);
        syncs.incrementAndGet();
      }

      @Override
      public void close() throws IOException {
        out.close();
      }
    };
  }

  @Override
  public SeekableByteChannel openRead(Path file) throws IOException {
    return delegate.openRead(file);
  }

  @Override
  public long usableSpace(Path dir) throws IOException {
    long v = usableSpace.get();
    return v >= 0 ? v : delegate.usableSpace(dir);
  }

  @Override
  public void syncDirectory(Path dir) throws IOException {
    delegate.syncDirectory(dir);
  }

  @Override
  public void truncate(Path file, long size) throws IOException {
    delegate.truncate(file, size);
  }
}
