package dev.fragkit.telemetry.health;

import dev.fragkit.telemetry.time.MonotonicClock;
import dev.fragkit.telemetry.time.Scheduler;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Probes a peer every {@code interval} (default 20 s) on a probe thread of its own, abandoning a
 * probe after {@code probeTimeout} (default 10 s), and declares the peer timed out when no probe has
 * succeeded for {@code timeout} (default 60 s); tracks probe latency over the last {@code window}
 * probes. Push-style peers can report beats with {@link #recordBeat(Duration)} instead.
 *
 * <p>Thread-safe. Listener callbacks run on the scheduling thread, never under the monitor's lock.
 * {@link #close()} stops the probe thread.
 */
public final class HeartbeatMonitor implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(HeartbeatMonitor.class);
  private static final AtomicInteger PROBE_THREADS = new AtomicInteger();

  /** Liveness of the peer. */
  public enum State {
    /** No probe has completed yet and the timeout has not elapsed. */
    STARTING,
    ALIVE,
    TIMED_OUT
  }

  /** Performs one heartbeat round trip; throws if the peer did not answer. */
  @FunctionalInterface
  public interface Probe {
    void ping() throws Exception;
  }

  /** Liveness transitions. Called without locks held; must be fast. */
  public interface Listener {
    Listener NONE = new Listener() {};

    default void onTimeout(Duration sinceLastBeat) {}

    default void onRecovered(Duration latency) {}
  }

  private final Duration interval;
  private final Duration timeout;
  private final Duration probeTimeout;
  private final ExecutorService probeExecutor;
  private final Probe probe;
  private final Listener listener;
  private final MonotonicClock clock;
  private final Object lock = new Object();
  // @GuardedBy("lock") below
  private final long[] window;
  private int windowCount;
  private int windowNext;
  private long startedAt;
  private long lastBeat = Long.MIN_VALUE;
  private long beats;
  private long failures;
  private State state = State.STARTING;
  private Scheduler.@Nullable Cancellable task;
  private boolean running;

  private HeartbeatMonitor(Builder b) {
    this.interval = b.interval;
    this.timeout = b.timeout;
    this.probeTimeout = b.probeTimeout;
    this.probeExecutor = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "fragkit-telemetry-heartbeat-probe-" + PROBE_THREADS.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    this.probe = b.probe;
    this.listener = b.listener;
    this.clock = b.clock;
    this.window = new long[b.window];
    this.startedAt = clock.nanoTime();
  }

  public static Builder builder(Probe probe) {
    return new Builder(probe);
  }

  /**
   * Probes at a fixed rate on {@code scheduler}: at start + 1, 2, 3… intervals, however long each
   * probe takes (a probe running past its successor's slot delays only that successor).
   */
  public void start(Scheduler scheduler) {
    Objects.requireNonNull(scheduler, "scheduler");
    synchronized (lock) {
      if (running) {
        throw new IllegalStateException("already started");
      }
      running = true;
      startedAt = clock.nanoTime();
      long due = startedAt + interval.toNanos();
      task = scheduler.schedule(() -> loop(scheduler, due), interval);
    }
  }

  private void loop(Scheduler scheduler, long due) {
    synchronized (lock) {
      if (!running) {
        return;
      }
    }
    try {
      probeOnce();
    } finally {
      synchronized (lock) {
        if (running) {
          long next = due + interval.toNanos();
          long delay = Math.max(0, next - clock.nanoTime());
          task = scheduler.schedule(() -> loop(scheduler, next), Duration.ofNanos(delay));
        }
      }
    }
  }

  /**
   * Runs one probe now (on the monitor's probe thread, abandoned and interrupted after {@code
   * probeTimeout}, so a hung peer cannot stall the monitor) and re-evaluates liveness.
   */
  public void probeOnce() {
    long t0 = clock.nanoTime();
    boolean ok;
    Future<?> f;
    try {
      f = probeExecutor.submit(() -> {
        probe.ping();
        return null;
      });
    } catch (RejectedExecutionException e) {
      return; // closed
    }
    try {
      f.get(probeTimeout.toNanos(), TimeUnit.NANOSECONDS);
      ok = true;
    } catch (InterruptedException e) {
      f.cancel(true);
      Thread.currentThread().interrupt();
      return;
    } catch (TimeoutException e) {
      f.cancel(true);
      ok = false;
      log.debug("heartbeat probe timed out after {}", probeTimeout);
    } catch (ExecutionException e) {
      ok = false;
      log.debug("heartbeat probe failed", e.getCause());
    }
    long t1 = clock.nanoTime();
    if (ok) {
      recordBeatNanos(t1, t1 - t0);
    } else {
      synchronized (lock) {
        failures++;
      }
      evaluate(t1);
    }
  }

  /** Records a beat that took {@code latency}, observed now. */
  public void recordBeat(Duration latency) {
    recordBeatNanos(clock.nanoTime(), latency.toNanos());
  }

  private void recordBeatNanos(long now, long latencyNanos) {
    boolean recovered;
    synchronized (lock) {
      window[windowNext] = latencyNanos;
      windowNext = (windowNext + 1) % window.length;
      windowCount = Math.min(windowCount + 1, window.length);
      lastBeat = now;
      beats++;
      recovered = state == State.TIMED_OUT;
      state = State.ALIVE;
    }
    if (recovered) {
      listener.onRecovered(Duration.ofNanos(latencyNanos));
    }
  }

  private void evaluate(long now) {
    Duration since;
    synchronized (lock) {
      long ref = lastBeat == Long.MIN_VALUE ? startedAt : lastBeat;
      if (state == State.TIMED_OUT || now - ref < timeout.toNanos()) {
        return;
      }
      state = State.TIMED_OUT;
      since = Duration.ofNanos(now - ref);
    }
    listener.onTimeout(since);
  }

  /** Re-evaluates liveness at the current time without probing. */
  public State check() {
    evaluate(clock.nanoTime());
    return state();
  }

  public State state() {
    synchronized (lock) {
      return state;
    }
  }

  public long beats() {
    synchronized (lock) {
      return beats;
    }
  }

  public long failures() {
    synchronized (lock) {
      return failures;
    }
  }

  /** Latency over the recent window. */
  public LatencyStats latency() {
    long[] copy;
    synchronized (lock) {
      copy = Arrays.copyOf(window, windowCount);
    }
    Arrays.sort(copy);
    return LatencyStats.of(copy);
  }

  /** Stops probing and the probe thread. Idempotent. */
  @Override
  public void close() {
    synchronized (lock) {
      running = false;
      if (task != null) {
        task.cancel();
        task = null;
      }
    }
    probeExecutor.shutdownNow();
  }

  /** Builds a {@link HeartbeatMonitor}. Not thread-safe. */
  public static final class Builder {
    private final Probe probe;
    private Duration interval = Duration.ofSeconds(20);
    private Duration timeout = Duration.ofSeconds(60);
    private Duration probeTimeout = Duration.ofSeconds(10);
    private int window = 100;
    private Listener listener = Listener.NONE;
    private MonotonicClock clock = MonotonicClock.SYSTEM;

    private Builder(Probe probe) {
      this.probe = Objects.requireNonNull(probe, "probe");
    }

    public Builder interval(Duration d) {
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException("interval <= 0: " + d);
      }
      this.interval = d;
      return this;
    }

    public Builder timeout(Duration d) {
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException("timeout <= 0: " + d);
      }
      this.timeout = d;
      return this;
    }

    /** How long one probe may take before it counts as failed and is interrupted. Default 10 s. */
    public Builder probeTimeout(Duration d) {
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException("probeTimeout <= 0: " + d);
      }
      this.probeTimeout = d;
      return this;
    }

    public Builder window(int n) {
      if (n < 1 || n > 100_000) {
        throw new IllegalArgumentException("window outside 1..100000: " + n);
      }
      this.window = n;
      return this;
    }

    public Builder listener(Listener l) {
      this.listener = Objects.requireNonNull(l, "listener");
      return this;
    }

    public Builder clock(MonotonicClock c) {
      this.clock = Objects.requireNonNull(c, "clock");
      return this;
    }

    /** @throws IllegalStateException if timeout is shorter than interval */
    public HeartbeatMonitor build() {
      if (timeout.compareTo(interval) < 0) {
        throw new IllegalStateException("timeout " + timeout + " is shorter than interval " + interval);
      }
      return new HeartbeatMonitor(this);
    }
  }
}
