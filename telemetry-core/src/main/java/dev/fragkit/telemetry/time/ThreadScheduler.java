package dev.fragkit.telemetry.time;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link Scheduler} backed by one daemon thread named {@code fragkit-telemetry-<role>-N}. A task
 * that throws is logged at ERROR with its exception and does not stop later tasks.
 *
 * <p>Thread-safe. {@link #close()} stops the thread and waits up to the configured join timeout.
 */
public final class ThreadScheduler implements Scheduler, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ThreadScheduler.class);
  private static final AtomicInteger COUNTER = new AtomicInteger();

  private final ScheduledThreadPoolExecutor executor;
  private final Duration joinTimeout;
  private final String threadName;
  /** Threads this scheduler started, joined by {@link #shutdown()}. */
  private final java.util.List<Thread> threads = new java.util.concurrent.CopyOnWriteArrayList<>();

  private ThreadScheduler(String role, Duration joinTimeout) {
    this.threadName = "fragkit-telemetry-" + role + "-" + COUNTER.incrementAndGet();
    this.joinTimeout = joinTimeout;
    this.executor = new ScheduledThreadPoolExecutor(1, r -> {
      Thread t = new Thread(r, threadName);
      t.setDaemon(true);
      threads.add(t);
      return t;
    });
    executor.setRemoveOnCancelPolicy(true);
    executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
  }

  /** A new single-thread scheduler; {@code role} names the thread (e.g. "recorder-flush"). */
  public static ThreadScheduler create(String role, Duration joinTimeout) {
    Objects.requireNonNull(role, "role");
    if (joinTimeout.isNegative()) {
      throw new IllegalArgumentException("joinTimeout < 0: " + joinTimeout);
    }
    return new ThreadScheduler(role, joinTimeout);
  }

  /** The name of this scheduler's thread. */
  public String threadName() {
    return threadName;
  }

  @Override
  public Cancellable schedule(Runnable task, Duration delay) {
    Objects.requireNonNull(task, "task");
    if (delay.isNegative()) {
      throw new IllegalArgumentException("delay < 0: " + delay);
    }
    if (executor.isShutdown()) {
      throw new IllegalStateException("closed");
    }
    ScheduledFuture<?> f = executor.schedule(() -> {
      try {
        task.run();
      } catch (RuntimeException | Error e) {
        log.error("task on {} failed", threadName, e);
        throw e;
      }
    }, delay.toNanos(), TimeUnit.NANOSECONDS);
    return () -> f.cancel(false);
  }

  /** True if called from this scheduler's own thread. */
  public boolean isSchedulerThread() {
    return Thread.currentThread().getName().equals(threadName);
  }

  /**
   * Stops accepting tasks, cancels pending ones and waits up to the join timeout for a running
   * task to end. Idempotent. Returns true if the thread has terminated.
   */
  public boolean shutdown() {
    executor.shutdownNow();
    if (isSchedulerThread()) {
      return false;
    }
    try {
      long deadline = System.nanoTime() + joinTimeout.toNanos();
      if (!executor.awaitTermination(joinTimeout.toNanos(), TimeUnit.NANOSECONDS)) {
        return false;
      }
      // The executor reports termination just before its worker thread exits: join the thread itself.
      for (Thread t : threads) {
        long remainingMillis = Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
        t.join(remainingMillis);
        if (t.isAlive()) {
          return false;
        }
      }
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  @Override
  public void close() {
    if (!shutdown() && !isSchedulerThread()) {
      log.warn("{} did not stop within {}", threadName, joinTimeout);
    }
  }
}
