package dev.fragkit.telemetry.record;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link RecordingFileSystem} over {@code java.nio.file}. Thread-safe. */
final class LocalRecordingFileSystem implements RecordingFileSystem {
  static final LocalRecordingFileSystem INSTANCE = new LocalRecordingFileSystem();
  private static final Logger log = LoggerFactory.getLogger(LocalRecordingFileSystem.class);

  private final ConcurrentHashMap<Path, FileStore> stores = new ConcurrentHashMap<>();

  private LocalRecordingFileSystem() {}

  @Override
  public void createDirectories(Path dir) throws IOException {
    Files.createDirectories(dir);
  }

  @Override
  public List<Path> list(Path dir) throws IOException {
    List<Path> out = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return out;
    }
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
      for (Path p : ds) {
        if (Files.isRegularFile(p)) {
          out.add(p);
        }
      }
    }
    return out;
  }

  @Override
  public SegmentOutput create(Path file) throws IOException {
    FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
        StandardOpenOption.APPEND);
    return new SegmentOutput() {
      @Override
      public void write(ByteBuffer src) throws IOException {
        while (src.hasRemaining()) {
          ch.write(src);
        }
      }

      @Override
      public void sync(boolean metadata) throws IOException {
        ch.force(metadata);
      }

      @Override
      public void close() throws IOException {
        ch.close();
      }
    };
  }

  @Override
  public SeekableByteChannel openRead(Path file) throws IOException {
    return FileChannel.open(file, StandardOpenOption.READ);
  }

  @Override
  public long usableSpace(Path dir) throws IOException {
    // Finding the FileStore scans the mount table; the statvfs behind getUsableSpace is cheap.
    // The recorder asks before every flush, so the store is cached per directory.
    FileStore store = stores.get(dir);
    if (store == null) {
      store = Files.getFileStore(dir);
      if (stores.size() > 1024) {
        stores.clear();
      }
      stores.put(dir, store);
    }
    return store.getUsableSpace();
  }

  @Override
  public void syncDirectory(Path dir) throws IOException {
    // Linux allows fsync on a directory opened read-only; other platforms may refuse.
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (NoSuchFileException e) {
      throw e;
    } catch (IOException | UnsupportedOperationException e) {
      log.debug("directory sync not supported for {}: {}", dir, e.toString());
    }
  }

  @Override
  public void truncate(Path file, long size) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
      ch.truncate(size);
      ch.force(true);
    }
  }
}
