package dev.fragkit.adapters.fs.economy;

import dev.fragkit.economy.ops.HealthCheck;
import dev.fragkit.economy.ops.HealthResult;
import dev.fragkit.economy.ops.HealthStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * File-system health checks: real free space on the data directory's file store (warn / critical
 * thresholds; the reference only tried to write a file) and files above a size limit.
 *
 * <p>Thread-safe (static factories).
 */
public final class FsHealthChecks {
  private FsHealthChecks() {}

  /** Usable bytes below {@code warnBelow} warn, below {@code criticalBelow} are critical. */
  public static HealthCheck freeSpace(Path dir, long warnBelow, long criticalBelow) {
    if (criticalBelow > warnBelow) {
      throw new IllegalArgumentException("criticalBelow > warnBelow: " + criticalBelow + " > " + warnBelow);
    }
    return name -> {
      long usable;
      try {
        usable = Files.getFileStore(dir).getUsableSpace();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      String msg = usable + " bytes free on " + dir;
      HealthStatus s = usable < criticalBelow ? HealthStatus.CRITICAL : usable < warnBelow ? HealthStatus.WARN
          : HealthStatus.OK;
      return new HealthResult(name, s, msg);
    };
  }

  /** Warn when a regular file directly in {@code dir} is larger than {@code maxBytes} (reference: 10 MB). */
  public static HealthCheck largeFiles(Path dir, long maxBytes) {
    return name -> {
      try (Stream<Path> files = Files.list(dir)) {
        List<String> big = files.filter(Files::isRegularFile).filter(p -> size(p) > maxBytes)
            .map(p -> p.getFileName() + " (" + size(p) + " bytes)").sorted().toList();
        return big.isEmpty() ? HealthResult.ok(name, "no file above " + maxBytes + " bytes")
            : new HealthResult(name, HealthStatus.WARN, "files above " + maxBytes + " bytes: " + big);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    };
  }

  private static long size(Path p) {
    try {
      return Files.size(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
