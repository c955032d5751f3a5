package dev.fragkit.telemetry.record;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Path;
import java.util.List;

/**
 * A local {@link RecordingFileSystem} whose writes are issued in small pieces, each forced to disk
 * before the next: a slow device on which a kill often lands inside a frame. Thread-safe.
 */
final class SplittingFileSystem implements RecordingFileSystem {
  private final RecordingFileSystem delegate = RecordingFileSystem.local();
  private final int piece;

  SplittingFileSystem(int piece) {
    this.piece = piece;
  }

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
    return new SegmentOutput() {
      @Override
      public void write(ByteBuffer src) throws IOException {
        while (src.hasRemaining()) {
          ByteBuffer part = src.duplicate();
          part.limit(Math.min(src.limit(), src.position() + piece));
          int n = part.remaining();
          out.write(part);
          out.sync(false);
          src.position(src.position() + n);
        }
      }

      @Override
      public void sync(boolean metadata) throws IOException {
        out.sync(metadata);
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
    return delegate.usableSpace(dir);
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
