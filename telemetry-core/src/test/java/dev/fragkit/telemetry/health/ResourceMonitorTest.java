package dev.fragkit.telemetry.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fragkit.telemetry.time.VirtualTime;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResourceMonitorTest {
  /** A sampler whose figures the test sets. */
  static final class FixedSampler implements ResourceSampler {
    volatile double heap;
    volatile double cpu;
    volatile double load;
    volatile int cores = 4;
    volatile long diskTotal = 1000;
    volatile long diskUsable = 1000;
    volatile boolean diskFails;

    @Override
    public double heapUsedFraction() {
      return heap;
    }

    @Override
    public double processCpuLoad() {
      return cpu;
    }

    @Override
    public double systemLoadAverage() {
      return load;
    }

    @Override
    public int availableProcessors() {
      return cores;
    }

    @Override
    public DiskUsage disk(Path path) throws IOException {
      if (diskFails) {
        throw new IOException("stat failed");
      }
      return new DiskUsage(diskTotal, diskUsable);
    }
  }

  private final FixedSampler s = new FixedSampler();
  private final VirtualTime vt = new VirtualTime();
  private final ResourceMonitor monitor = new ResourceMonitor(
      ResourceMonitorConfig.builder().diskPaths(List.of(Path.of("/data"))).build(), s, vt);

  @Test
  void defaultThresholdsClassifyEachResource() {
    s.heap = 0.649;
    assertThat(monitor.sample().status()).isEqualTo(HealthStatus.OK);
    s.heap = 0.65;
    assertThat(monitor.sample().reading("memory").orElseThrow().status()).isEqualTo(HealthStatus.WARNING);
    s.heap = 0.75;
    assertThat(monitor.sample().status()).isEqualTo(HealthStatus.CRITICAL);
    s.heap = 0.85;
    assertThat(monitor.sample().status()).isEqualTo(HealthStatus.EMERGENCY);
    s.heap = 0.1;
    s.cpu = 0.70;
    assertThat(monitor.sample().reading("cpu").orElseThrow().status()).isEqualTo(HealthStatus.WARNING);
    s.cpu = 0.99;
    assertThat(monitor.sample().reading("cpu").orElseThrow().status()).isEqualTo(HealthStatus.CRITICAL);
    s.cpu = 0;
    s.diskUsable = 250; // 75 % used
    ResourceReport r = monitor.sample();
    assertThat(r.reading("disk:/data").orElseThrow().status()).isEqualTo(HealthStatus.WARNING);
    assertThat(r.reading("disk:/data").orElseThrow().detail()).isEqualTo("75.0% used, 250 of 1000 bytes usable");
    s.diskUsable = 150;
    assertThat(monitor.sample().status()).isEqualTo(HealthStatus.CRITICAL);
  }

  @Test
  void worstStatusWinsWhereTheReferenceAveraged() {
    // One critical disk beside healthy memory and CPU: the reference's average said WARNING.
    s.heap = 0.1;
    s.cpu = 0.1;
    s.diskUsable = 100;
    assertThat(monitor.sample().status()).isEqualTo(HealthStatus.CRITICAL);
  }

  @Test
  void loadIsJudgedPerCoreAndUnavailableFiguresAreOk() {
    s.load = 3.0; // 0.75 per core on 4 cores
    assertThat(monitor.sample().reading("load").orElseThrow().status()).isEqualTo(HealthStatus.WARNING);
    s.load = -1;
    s.cpu = -1;
    ResourceReport r = monitor.sample();
    assertThat(r.reading("load").orElseThrow().value()).isNaN();
    assertThat(r.reading("cpu").orElseThrow().status()).isEqualTo(HealthStatus.OK);
  }

  @Test
  void unreadableDiskIsCritical() {
    s.diskFails = true;
    ResourceReport r = monitor.sample();
    assertThat(r.status()).isEqualTo(HealthStatus.CRITICAL);
    assertThat(r.reading("disk:/data").orElseThrow().detail())
        .isEqualTo("cannot read disk usage: java.io.IOException: stat failed");
  }

  @Test
  void listenersSeeEverySampleAndEachStatusChangeOnSchedule() {
    List<String> events = new ArrayList<>();
    monitor.addListener(new ResourceListener() {
      @Override
      public void onSample(ResourceReport report) {
        events.add("sample " + report.status());
      }

      @Override
      public void onStatusChange(HealthStatus previous, ResourceReport report) {
        events.add(previous + "->" + report.status());
      }
    });
    monitor.start(vt);
    vt.runDue();
    s.heap = 0.8;
    vt.advance(Duration.ofSeconds(29));
    assertThat(events).containsExactly("sample OK");
    vt.advance(Duration.ofSeconds(1));
    vt.advance(Duration.ofSeconds(30));
    s.heap = 0.1;
    vt.advance(Duration.ofSeconds(30));
    assertThat(events).containsExactly("sample OK", "sample CRITICAL", "OK->CRITICAL",
        "sample CRITICAL", "sample OK", "CRITICAL->OK");
    assertThat(monitor.lastReport().orElseThrow().at()).isEqualTo(vt.instant());
    monitor.close();
    vt.advance(Duration.ofMinutes(5));
    assertThat(events).hasSize(6);
  }

  @Test
  void thresholdsValidateOrder() {
    assertThatThrownBy(() -> Thresholds.of(0.8, 0.7)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("critical 0.7 outside [warning 0.8, 1]");
    assertThatThrownBy(() -> Thresholds.of(0.5, 0.7, 0.6)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("emergency 0.6 below critical 0.7");
    assertThatThrownBy(() -> Thresholds.of(0, 0.7)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("warning outside (0, 1]: 0.0");
    ResourceMonitorConfig d = ResourceMonitorConfig.defaults();
    assertThat(d.memory()).isEqualTo(Thresholds.of(0.65, 0.75, 0.85));
    assertThat(d.cpu()).isEqualTo(Thresholds.of(0.70, 0.85));
    assertThat(d.disk()).isEqualTo(Thresholds.of(0.75, 0.85));
  }

  @Test
  void configBindsFromEnvironment() {
    ResourceMonitorConfig c = ResourceMonitorConfig.builder().bind(dev.fragkit.telemetry.ConfigSource.environment(
        java.util.Map.of("FRAGKIT_HEALTH_MEMORY_WARNING", "0.5", "FRAGKIT_HEALTH_DISK_CRITICAL", "0.95",
            "FRAGKIT_HEALTH_SAMPLE_INTERVAL", "PT5S"))).build();
    assertThat(c.memory()).isEqualTo(Thresholds.of(0.5, 0.75, 0.85));
    assertThat(c.disk()).isEqualTo(Thresholds.of(0.75, 0.95));
    assertThat(c.sampleInterval()).isEqualTo(Duration.ofSeconds(5));
    assertThatThrownBy(() -> ResourceMonitorConfig.builder().bind(dev.fragkit.telemetry.ConfigSource.environment(
        java.util.Map.of("FRAGKIT_HEALTH_CPU_WARNING", "0.9"))))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("critical 0.85 outside [warning 0.9, 1]");
  }

  @Test
  void jvmSamplerReturnsPlausibleFigures() throws IOException {
    ResourceSampler jvm = ResourceSampler.jvm();
    assertThat(jvm.heapUsedFraction()).isBetween(0.0, 1.0);
    assertThat(jvm.availableProcessors()).isPositive();
    ResourceSampler.DiskUsage d = jvm.disk(Path.of(System.getProperty("java.io.tmpdir")));
    assertThat(d.totalBytes()).isPositive();
    assertThat(d.usedFraction()).isBetween(0.0, 1.0);
  }
}
