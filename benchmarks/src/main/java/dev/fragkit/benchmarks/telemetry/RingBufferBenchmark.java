package dev.fragkit.benchmarks.telemetry;

import dev.fragkit.telemetry.replay.TickRingBuffer;
import dev.fragkit.telemetry.tick.GameTick;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Push latency into the live ring (5000 slots, full, so every push evicts); goal ≤ 100 ns. Baseline:
 * a synchronised {@link ArrayDeque} with manual eviction, as the reference's deque(maxlen) + lock.
 * The group variant has two threads pushing into one ring.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class RingBufferBenchmark {
  TickRingBuffer ring;
  ArrayDeque<GameTick> deque;
  GameTick tick;

  @Setup
  public void setUp() {
    tick = GameTick.builder("live", 1, Instant.parse("2026-11-22T08:00:00Z")).put("v", 1).build();
    ring = new TickRingBuffer(5000);
    deque = new ArrayDeque<>(5000);
    for (int i = 0; i < 5000; i++) {
      ring.push(tick);
      deque.add(tick);
    }
  }

  @Benchmark
  public void push() {
    ring.push(tick);
  }

  @Benchmark
  public void synchronizedDequeBaseline() {
    synchronized (deque) {
      if (deque.size() == 5000) {
        deque.pollFirst();
      }
      deque.addLast(tick);
    }
  }

  @Benchmark
  @Group("contended")
  @GroupThreads(2)
  public void pushContended() {
    ring.push(tick);
  }
}
