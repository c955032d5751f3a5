package dev.fragkit.telemetry.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.PriorityQueue;

/**
 * Virtual time for tests: a wall {@link Clock}, a {@link MonotonicClock} and a {@link Scheduler} in
 * one. Nothing happens until {@link #advance(Duration)}, which runs due tasks in time order on the
 * calling thread, moving the clock to each task's due time first.
 *
 * <p>Thread-safe; tasks run outside the internal monitor so they may schedule more tasks.
 */
public final class VirtualTime extends Clock implements MonotonicClock, Scheduler {
  private final Instant origin;
  private final Object lock = new Object();
  private long nanos;
  private long seq;
  private final PriorityQueue<Task> queue = new PriorityQueue<>();

  private static final class Task implements Comparable<Task> {
    final long due;
    final long order;
    final Runnable body;
    volatile boolean cancelled;

    Task(long due, long order, Runnable body) {
      this.due = due;
      this.order = order;
      this.body = body;
    }

    @Override
    public int compareTo(Task o) {
      int c = Long.compare(due, o.due);
      return c != 0 ? c : Long.compare(order, o.order);
    }
  }

  public VirtualTime() {
    this(Instant.parse("2026-01-01T00:00:00Z"));
  }

  public VirtualTime(Instant origin) {
    this.origin = origin;
  }

  @Override
  public long nanoTime() {
    synchronized (lock) {
      return nanos;
    }
  }

  @Override
  public Instant instant() {
    return origin.plusNanos(nanoTime());
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("VirtualTime is UTC only");
  }

  @Override
  public Cancellable schedule(Runnable task, Duration delay) {
    if (delay.isNegative()) {
      throw new IllegalArgumentException("delay < 0: " + delay);
    }
    synchronized (lock) {
      Task t = new Task(nanos + delay.toNanos(), seq++, task);
      queue.add(t);
      return () -> t.cancelled = true;
    }
  }

  /** Moves the clock only (no tasks run), e.g. to model time spent inside a task. */
  public void elapse(Duration d) {
    synchronized (lock) {
      nanos += d.toNanos();
    }
  }

  /** Advances time by {@code d}, running every task that falls due, in order. */
  public void advance(Duration d) {
    long target;
    synchronized (lock) {
      target = nanos + d.toNanos();
    }
    while (true) {
      Task next;
      synchronized (lock) {
        next = queue.peek();
        if (next == null || next.due > target) {
          nanos = Math.max(nanos, target);
          return;
        }
        queue.poll();
        nanos = Math.max(nanos, next.due);
      }
      if (!next.cancelled) {
        next.body.run();
      }
    }
  }

  /** Runs tasks that are due now without moving the clock. */
  public void runDue() {
    advance(Duration.ZERO);
  }

  /** Scheduled tasks not yet run or cancelled. */
  public int pendingTasks() {
    synchronized (lock) {
      return (int) queue.stream().filter(t -> !t.cancelled).count();
    }
  }
}
