package dev.fragkit.telemetry.health;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.lang.management.OperatingSystemMXBean;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;

/** MXBean-backed sampler. Stateless and thread-safe. */
final class JvmResourceSampler implements ResourceSampler {
  static final JvmResourceSampler INSTANCE = new JvmResourceSampler();

  private JvmResourceSampler() {}

  @Override
  public double heapUsedFraction() {
    MemoryUsage u = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
    long max = u.getMax() > 0 ? u.getMax() : u.getCommitted();
    return max <= 0 ? 0 : (double) u.getUsed() / max;
  }

  @Override
  public double processCpuLoad() {
    OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
      return sun.getProcessCpuLoad();
    }
    return -1;
  }

  @Override
  public double systemLoadAverage() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  @Override
  public int availableProcessors() {
    return Runtime.getRuntime().availableProcessors();
  }

  @Override
  public DiskUsage disk(Path path) throws IOException {
    FileStore fs = Files.getFileStore(path);
    return new DiskUsage(fs.getTotalSpace(), fs.getUsableSpace());
  }
}
