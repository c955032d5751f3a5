package dev.fragkit.greatshot.store;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The files of each demo: the original upload, its artifacts ({@code analysis.json},
 * {@code report.txt}, {@code report.html}) and extracted clips. Every write is atomic: readers see
 * the old content or the whole new content, never a partial file. Where the files live is the
 * implementation's business (adapters/fs keeps a directory tree). Thread-safe.
 */
public interface DemoFiles {
  /** Bytes available to this process on the storage holding the demos. */
  long usableBytes() throws IOException;

  /** A new temporary file to stream into, then commit under a name or discard by closing. */
  StagedFile stage() throws IOException;

  /** Path of a committed original. */
  Path original(String demoId, String extension);

  /** Atomically writes (replaces) an artifact such as {@code analysis.json}. */
  void writeArtifact(String demoId, String name, byte[] content) throws IOException;

  /** The artifact's path, when it exists. */
  Optional<Path> artifact(String demoId, String name);

  /** Ids of the demos that have files, in no particular order (for the orphan reconciler). */
  List<String> demoIdsOnDisk() throws IOException;

  /** Removes all files of a demo; true when something was removed. */
  boolean deleteDemoFiles(String demoId) throws IOException;

  /**
   * A temporary file being written. Not thread-safe. Closing without committing deletes it; closing
   * after a commit does nothing.
   */
  interface StagedFile extends AutoCloseable {
    OutputStream stream();

    /** Flushes, forces to disk and atomically moves the file into place as the demo's original. */
    Path commitOriginal(String demoId, String extension) throws IOException;

    /** Same, as the clip of a highlight. */
    Path commitClip(String demoId, String highlightId, String extension) throws IOException;

    @Override
    void close() throws IOException;
  }
}
