package dev.fragkit.telemetry.health;

import java.time.Duration;

/**
 * Latency summary over a heartbeat monitor's recent window.
 *
 * @param count samples in the window
 * @param min smallest
 * @param max largest
 * @param mean arithmetic mean
 * @param p50 median (nearest rank)
 * @param p95 95th percentile (nearest rank)
 * @param p99 99th percentile (nearest rank)
 */
public record LatencyStats(int count, Duration min, Duration max, Duration mean, Duration p50,
    Duration p95, Duration p99) {
  static final LatencyStats EMPTY = new LatencyStats(0, Duration.ZERO, Duration.ZERO, Duration.ZERO,
      Duration.ZERO, Duration.ZERO, Duration.ZERO);

  static LatencyStats of(long[] sortedNanos) {
    int n = sortedNanos.length;
    if (n == 0) {
      return EMPTY;
    }
    long sum = 0;
    for (long v : sortedNanos) {
      sum += v;
    }
    return new LatencyStats(n, Duration.ofNanos(sortedNanos[0]), Duration.ofNanos(sortedNanos[n - 1]),
        Duration.ofNanos(sum / n), rank(sortedNanos, 0.50), rank(sortedNanos, 0.95),
        rank(sortedNanos, 0.99));
  }

  private static Duration rank(long[] sorted, double q) {
    int idx = (int) Math.ceil(q * sorted.length) - 1;
    return Duration.ofNanos(sorted[Math.max(0, Math.min(sorted.length - 1, idx))]);
  }
}
