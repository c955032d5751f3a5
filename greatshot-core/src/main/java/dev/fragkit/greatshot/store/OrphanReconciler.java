package dev.fragkit.greatshot.store;

import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compares demo rows with demo files. Files without a row are left by a crash between writing the
 * original and inserting the row; rows without files (not already failed) by a lost disk. In dry-run
 * mode (the default) it only reports; with {@code fix} it deletes the orphaned files and marks the file-less demos
 * failed ("original file missing"). Run it while no upload is in flight, or accept that an upload
 * committed between the two listings is reported as an orphan file in dry-run mode. Thread-safe.
 */
public final class OrphanReconciler {
  private static final Logger LOG = LoggerFactory.getLogger(OrphanReconciler.class);
  private final DemoStore store;
  private final DemoFiles files;

  public OrphanReconciler(DemoStore store, DemoFiles files) {
    this.store = Objects.requireNonNull(store, "store");
    this.files = Objects.requireNonNull(files, "files");
  }

  /** What was found (and, when {@code fixed}, acted on). Sorted lists. Immutable. */
  public record Report(List<String> filesWithoutRows, List<String> rowsWithoutFiles, boolean fixed) {
    public Report {
      filesWithoutRows = List.copyOf(filesWithoutRows);
      rowsWithoutFiles = List.copyOf(rowsWithoutFiles);
    }

    public boolean clean() {
      return filesWithoutRows.isEmpty() && rowsWithoutFiles.isEmpty();
    }
  }

  /** Lists orphans; acts on them only when {@code fix} is true. */
  public Report reconcile(boolean fix) throws IOException {
    // Rows first, then files: a demo uploaded in between has a file and a row, never a "row without file".
    Set<String> rows = new HashSet<>(store.demoIds());
    Set<String> onDisk = new HashSet<>(files.demoIdsOnDisk());
    Set<String> filesWithoutRows = new TreeSet<>(onDisk);
    filesWithoutRows.removeAll(rows);
    Set<String> rowsWithoutFiles = new TreeSet<>();
    for (String id : rows) {
      DemoRecord demo = store.findDemo(id).orElse(null);
      // A failed demo needs nothing more: marking it failed is what fixing a lost original does.
      if (demo != null && demo.status() != DemoStatus.FAILED
          && !java.nio.file.Files.isRegularFile(files.original(id, demo.extension()))) {
        rowsWithoutFiles.add(id);
      }
    }
    if (fix) {
      for (String id : filesWithoutRows) {
        files.deleteDemoFiles(id);
        LOG.info("reconciler: deleted files of {} (no row)", id);
      }
      for (String id : rowsWithoutFiles) {
        store.markDemoFailed(id, "original file missing");
        LOG.info("reconciler: marked demo {} failed (original file missing)", id);
      }
    }
    return new Report(List.copyOf(filesWithoutRows), List.copyOf(rowsWithoutFiles), fix);
  }
}
