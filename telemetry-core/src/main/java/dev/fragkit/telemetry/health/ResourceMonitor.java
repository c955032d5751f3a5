package dev.fragkit.telemetry.health;

import dev.fragkit.telemetry.time.Scheduler;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;

/**
 * Samples heap, process CPU, system load (per core) and the disk holding each configured path
 * against {@link ResourceMonitorConfig} thresholds. The overall status is the worst reading's. A
 * figure the platform cannot provide is reported as OK with value NaN. A disk that cannot be read
 * is CRITICAL (the reference's "can I write a test file" check hid real shortages).
 *
 * <p>Thread-safe. Listeners run on the sampling thread without any lock held. {@link #start} samples
 * periodically on the given scheduler; {@link #close()} stops that.
 */
public final class ResourceMonitor implements AutoCloseable {
  private final ResourceMonitorConfig config;
  private final ResourceSampler sampler;
  private final Clock clock;
  private final List<ResourceListener> listeners = new CopyOnWriteArrayList<>();
  private final Object lock = new Object();
  // @GuardedBy("lock")
  private @Nullable ResourceReport last;
  // @GuardedBy("lock")
  private Scheduler.@Nullable Cancellable task;

  public ResourceMonitor(ResourceMonitorConfig config, ResourceSampler sampler, Clock clock) {
    this.config = Objects.requireNonNull(config, "config");
    this.sampler = Objects.requireNonNull(sampler, "sampler");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** A monitor of this JVM with default thresholds. */
  public static ResourceMonitor ofJvm(ResourceMonitorConfig config) {
    return new ResourceMonitor(config, ResourceSampler.jvm(), Clock.systemUTC());
  }

  public void addListener(ResourceListener l) {
    listeners.add(Objects.requireNonNull(l, "listener"));
  }

  public void removeListener(ResourceListener l) {
    listeners.remove(l);
  }

  /** The last report, if any sample was taken. */
  public Optional<ResourceReport> lastReport() {
    synchronized (lock) {
      return Optional.ofNullable(last);
    }
  }

  /** Samples every {@link ResourceMonitorConfig#sampleInterval()} on {@code scheduler}, starting now. */
  public void start(Scheduler scheduler) {
    synchronized (lock) {
      if (task != null) {
        throw new IllegalStateException("already started");
      }
      task = scheduler.scheduleWithFixedDelay(this::sample, java.time.Duration.ZERO,
          config.sampleInterval());
    }
  }

  /** Takes one sample now, stores it and notifies listeners. */
  public ResourceReport sample() {
    List<ResourceReading> readings = new ArrayList<>();
    double heap = sampler.heapUsedFraction();
    readings.add(new ResourceReading("memory", heap, config.memory().classify(heap),
        pct(heap) + " of heap used"));
    double cpu = sampler.processCpuLoad();
    readings.add(cpu < 0
        ? new ResourceReading("cpu", Double.NaN, HealthStatus.OK, "process CPU unavailable")
        : new ResourceReading("cpu", cpu, config.cpu().classify(cpu), pct(cpu) + " process CPU"));
    double load = sampler.systemLoadAverage();
    int cores = Math.max(1, sampler.availableProcessors());
    if (load < 0) {
      readings.add(new ResourceReading("load", Double.NaN, HealthStatus.OK, "load average unavailable"));
    } else {
      double perCore = load / cores;
      readings.add(new ResourceReading("load", perCore, config.cpu().classify(perCore),
          String.format(Locale.ROOT, "load %.2f on %d cores", load, cores)));
    }
    for (Path p : config.diskPaths()) {
      String name = "disk:" + p;
      try {
        ResourceSampler.DiskUsage d = sampler.disk(p);
        double used = d.usedFraction();
        readings.add(new ResourceReading(name, used, config.disk().classify(used),
            pct(used) + " used, " + d.usableBytes() + " of " + d.totalBytes() + " bytes usable"));
      } catch (IOException e) {
        readings.add(new ResourceReading(name, Double.NaN, HealthStatus.CRITICAL,
            "cannot read disk usage: " + e));
      }
    }
    HealthStatus worst = HealthStatus.OK;
    for (ResourceReading r : readings) {
      worst = worst.worst(r.status());
    }
    ResourceReport report = new ResourceReport(clock.instant(), worst, readings);
    HealthStatus previous;
    synchronized (lock) {
      previous = last == null ? HealthStatus.OK : last.status();
      last = report;
    }
    for (ResourceListener l : listeners) {
      l.onSample(report);
      if (previous != worst) {
        l.onStatusChange(previous, report);
      }
    }
    return report;
  }

  private static String pct(double f) {
    return String.format(Locale.ROOT, "%.1f%%", f * 100);
  }

  /** Stops periodic sampling. Idempotent. */
  @Override
  public void close() {
    synchronized (lock) {
      if (task != null) {
        task.cancel();
        task = null;
      }
    }
  }
}
