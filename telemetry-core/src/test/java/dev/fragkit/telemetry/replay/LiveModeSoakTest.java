package dev.fragkit.telemetry.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fragkit.telemetry.tick.GameTick;
import dev.fragkit.telemetry.time.VirtualTime;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Pushes 10 million fresh ticks through live mode and measures used heap after a full GC before and
 * after: the ring must not grow. The measurement's sensitivity is checked against a retained 32 MiB
 * allocation, so a leak of that size could not pass unnoticed.
 */
class LiveModeSoakTest {
  private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

  private static long usedAfterGc() {
    long best = Long.MAX_VALUE;
    for (int i = 0; i < 3; i++) {
      System.gc();
      best = Math.min(best, MEMORY.getHeapMemoryUsage().getUsed());
    }
    return best;
  }

  @Test
  void tenMillionPushesKeepHeapBounded() {
    VirtualTime vt = new VirtualTime();
    ReplayEngine engine = ReplayEngine.builder().scheduler(vt).clock(vt).build();
    engine.startLive();
    Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
    int warm = 1_000_000;
    int total = 10_000_000;
    for (int i = 0; i < warm; i++) {
      engine.push(GameTick.builder("live", i, t0).put("v", i).build());
    }
    long before = usedAfterGc();
    for (int i = warm; i < total; i++) {
      engine.push(GameTick.builder("live", i, t0).put("v", i).build());
    }
    long after = usedAfterGc();

    byte[] retained = new byte[32 << 20];
    long withRetained = usedAfterGc();
    assertThat(withRetained - after).as("measurement sees a 32 MiB retention").isGreaterThan(30L << 20);
    assertThat(retained).hasSize(32 << 20);

    TickRingBuffer ring = engine.liveBuffer();
    assertThat(ring.pushed()).isEqualTo(total);
    assertThat(ring.size()).isEqualTo(5000);
    assertThat(ring.latest(1).get(0).sequence()).isEqualTo(total - 1);
    long growth = after - before;
    System.getLogger(getClass().getName()).log(System.Logger.Level.INFO,
        "live soak: " + total + " pushes, used heap after GC " + before + " -> " + after
            + " bytes (growth " + growth + ")");
    assertThat(growth).as("heap growth over 9M pushes").isLessThan(4L << 20);
    engine.stop();
  }
}
