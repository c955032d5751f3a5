package dev.fragkit.telemetry.health;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Thresholds and sampling for {@link ResourceMonitor}. Defaults: memory 65/75/85 %, CPU 70/85 %,
 * disk 75/85 %, system load per core judged by the CPU thresholds, sampled every 30 s, no disk
 * paths.
 *
 * <p>Immutable and thread-safe.
 */
public final class ResourceMonitorConfig {
  private final Thresholds memory;
  private final Thresholds cpu;
  private final Thresholds disk;
  private final List<Path> diskPaths;
  private final Duration sampleInterval;

  private ResourceMonitorConfig(Builder b) {
    this.memory = b.memory;
    this.cpu = b.cpu;
    this.disk = b.disk;
    this.diskPaths = List.copyOf(b.diskPaths);
    this.sampleInterval = b.sampleInterval;
  }

  public static ResourceMonitorConfig defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder().memory(memory).cpu(cpu).disk(disk).diskPaths(diskPaths)
        .sampleInterval(sampleInterval);
  }

  public Thresholds memory() {
    return memory;
  }

  public Thresholds cpu() {
    return cpu;
  }

  public Thresholds disk() {
    return disk;
  }

  public List<Path> diskPaths() {
    return diskPaths;
  }

  public Duration sampleInterval() {
    return sampleInterval;
  }

  @Override
  public String toString() {
    return "ResourceMonitorConfig{memory=" + memory + ", cpu=" + cpu + ", disk=" + disk
        + ", diskPaths=" + diskPaths + ", sampleInterval=" + sampleInterval + "}";
  }

  /** Builds a {@link ResourceMonitorConfig}. Not thread-safe. */
  public static final class Builder {
    private Thresholds memory = Thresholds.of(0.65, 0.75, 0.85);
    private Thresholds cpu = Thresholds.of(0.70, 0.85);
    private Thresholds disk = Thresholds.of(0.75, 0.85);
    private List<Path> diskPaths = List.of();
    private Duration sampleInterval = Duration.ofSeconds(30);

    private Builder() {}

    public Builder memory(Thresholds t) {
      this.memory = Objects.requireNonNull(t, "memory");
      return this;
    }

    public Builder cpu(Thresholds t) {
      this.cpu = Objects.requireNonNull(t, "cpu");
      return this;
    }

    public Builder disk(Thresholds t) {
      this.disk = Objects.requireNonNull(t, "disk");
      return this;
    }

    public Builder diskPaths(List<Path> paths) {
      this.diskPaths = List.copyOf(paths);
      return this;
    }

    public Builder sampleInterval(Duration d) {
      Objects.requireNonNull(d, "sampleInterval");
      if (d.compareTo(Duration.ofMillis(10)) < 0) {
        throw new IllegalArgumentException("sampleInterval < 10ms: " + d);
      }
      this.sampleInterval = d;
      return this;
    }

    public ResourceMonitorConfig build() {
      return new ResourceMonitorConfig(this);
    }
  }
}
