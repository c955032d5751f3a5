package dev.fragkit.telemetry.health;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Reads raw resource figures. {@link #jvm()} uses the platform MXBeans and {@code FileStore}; tests
 * inject fixed values. Implementations must be thread-safe.
 */
public interface ResourceSampler {

  /** Heap used / max (or committed when max is undefined), in [0, 1]. */
  double heapUsedFraction();

  /** Recent CPU use of this process in [0, 1], or negative if unavailable. */
  double processCpuLoad();

  /** The OS load average over the last minute, or negative if unavailable. */
  double systemLoadAverage();

  int availableProcessors();

  /** Total and usable bytes of the file store holding {@code path}. */
  DiskUsage disk(Path path) throws IOException;

  /** Space of one file store. */
  record DiskUsage(long totalBytes, long usableBytes) {
    /** Used fraction in [0, 1]; 0 for an empty store. */
    public double usedFraction() {
      return totalBytes <= 0 ? 0 : 1.0 - (double) usableBytes / totalBytes;
    }
  }

  /** The JVM's own view. */
  static ResourceSampler jvm() {
    return JvmResourceSampler.INSTANCE;
  }
}
