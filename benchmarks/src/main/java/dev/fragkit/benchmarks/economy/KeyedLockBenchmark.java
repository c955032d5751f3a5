package dev.fragkit.benchmarks.economy;

import dev.fragkit.economy.lock.KeyedLockManager;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One acquire + release of a per-key lock, for {@code keys} distinct keys (1 = every thread on one
 * hot key): {@link KeyedLockManager} (timeouts, diagnostics, discards unused locks) against the naive
 * {@code ConcurrentHashMap<String, ReentrantLock>} (locks never discarded) and one global lock. Run
 * with {@code -t 1} (uncontended) and {@code -t 16}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class KeyedLockBenchmark {
  @Param({"1", "1000"})
  public int keys;

  private String[] names;
  private KeyedLockManager<String> manager;
  private ConcurrentHashMap<String, ReentrantLock> naive;
  private ReentrantLock global;

  @Setup
  public void setUp() {
    names = new String[keys];
    for (int i = 0; i < keys; i++) {
      names[i] = "a:g/u" + i;
    }
    manager = KeyedLockManager.create(Duration.ofSeconds(10));
    naive = new ConcurrentHashMap<>();
    global = new ReentrantLock();
  }

  private String key() {
    return names[keys == 1 ? 0 : ThreadLocalRandom.current().nextInt(keys)];
  }

  @Benchmark
  public boolean keyedLockManager() {
    try (KeyedLockManager.Held h = manager.acquire(key())) {
      return h != null;
    }
  }

  @Benchmark
  public boolean concurrentHashMapReentrantLock() {
    ReentrantLock lock = naive.computeIfAbsent(key(), k -> new ReentrantLock());
    lock.lock();
    try {
      return lock.isHeldByCurrentThread();
    } finally {
      lock.unlock();
    }
  }

  @Benchmark
  public boolean globalLock() {
    String k = key();
    global.lock();
    try {
      return k != null;
    } finally {
      global.unlock();
    }
  }
}
