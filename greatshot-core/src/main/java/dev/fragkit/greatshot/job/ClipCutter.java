package dev.fragkit.greatshot.job;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;

/**
 * Extracts the part of a demo between two server times into {@code out} (a staged file the runner
 * then commits atomically). Same cancellation and exception rules as {@link DemoAnalyzer}.
 * Thread-safe. The real cutter comes with the demo writer; until then tests use a double.
 */
@FunctionalInterface
public interface ClipCutter {
  void cut(Path demo, long startMs, long endMs, OutputStream out, Cancellation cancel) throws IOException;
}
