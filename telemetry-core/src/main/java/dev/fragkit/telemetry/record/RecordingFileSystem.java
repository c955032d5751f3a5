package dev.fragkit.telemetry.record;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Path;
import java.util.List;

/**
 * The file-system view the recorder and the recovery reader use for their own segment files. The
 * default, {@link #local()}, goes straight to {@code java.nio.file}; tests substitute a view that
 * fails writes or reports a full disk.
 *
 * <p>Implementations must be thread-safe; a {@link SegmentOutput} is used by one thread at a time.
 */
public interface RecordingFileSystem {

  /** The {@code java.nio.file} implementation (works for any {@link java.nio.file.FileSystem}). */
  static RecordingFileSystem local() {
    return LocalRecordingFileSystem.INSTANCE;
  }

  /** Creates {@code dir} and missing parents. */
  void createDirectories(Path dir) throws IOException;

  /** Regular files directly inside {@code dir}, in any order; empty if {@code dir} does not exist. */
  List<Path> list(Path dir) throws IOException;

  /** Creates a new file (failing if it exists) and opens it for appending. */
  SegmentOutput create(Path file) throws IOException;

  /** Opens an existing file for reading. */
  SeekableByteChannel openRead(Path file) throws IOException;

  /** Bytes available to this process on the file store holding {@code dir}. */
  long usableSpace(Path dir) throws IOException;

  /** Makes the directory entry of newly created files durable (a no-op where unsupported). */
  void syncDirectory(Path dir) throws IOException;

  /** Shortens {@code file} to {@code size} bytes. */
  void truncate(Path file, long size) throws IOException;

  /** An append-only output. Not thread-safe. */
  interface SegmentOutput extends Closeable {
    /** Writes all remaining bytes of {@code src}. */
    void write(ByteBuffer src) throws IOException;

    /**
     * Forces written bytes to the storage device: {@code metadata=false} is fdatasync-like,
     * {@code true} includes file metadata.
     */
    void sync(boolean metadata) throws IOException;
  }
}
