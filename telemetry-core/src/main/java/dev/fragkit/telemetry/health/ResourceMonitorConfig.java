package dev.fragkit.telemetry.health;

import dev.fragkit.telemetry.ConfigSource;
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

    /**
     * Applies {@code health.*} settings from {@code source}, e.g. {@code
     * FRAGKIT_HEALTH_MEMORY_WARNING=0.7} or {@code fragkit.health.sampleInterval=PT5S}. Thresholds
     * are fractions in (0, 1]; absent settings keep their current value.
     */
    public Builder bind(ConfigSource source) {
      memory = Thresholds.of(
          source.getDouble("health.memoryWarning").orElse(memory.warning()),
          source.getDouble("health.memoryCritical").orElse(memory.critical()),
          source.getDouble("health.memoryEmergency").orElse(memory.emergency()));
      cpu = Thresholds.of(
          source.getDouble("health.cpuWarning").orElse(cpu.warning()),
          source.getDouble("health.cpuCritical").orElse(cpu.critical()),
          source.getDouble("health.cpuEmergency").orElse(cpu.emergency()));
      disk = Thresholds.of(
          source.getDouble("health.diskWarning").orElse(disk.warning()),
          source.getDouble("health.diskCritical").orElse(disk.critical()),
          source.getDouble("health.diskEmergency").orElse(disk.emergency()));
      source.getDuration("health.sampleInterval").ifPresent(this::sampleInterval);
      return this;
    }

    public ResourceMonitorConfig build() {
      return new ResourceMonitorConfig(this);
    }
  }
}
