package dev.fragkit.telemetry.time;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs tasks after a delay. The recorder's flush timer, the replay engine's pacing and the health
 * monitors' sampling all go through this SPI, so tests drive them in virtual time.
 *
 * <p>Implementations must be thread-safe. Tasks of one scheduler run one at a time.
 */
public interface Scheduler {

  /** Schedules {@code task} to run once after {@code delay} (zero or positive). */
  Cancellable schedule(Runnable task, Duration delay);

  /**
   * Runs {@code task} after {@code initialDelay}, then again {@code delay} after each run ends,
   * until cancelled. Implemented on top of {@link #schedule}.
   */
  default Cancellable scheduleWithFixedDelay(Runnable task, Duration initialDelay, Duration delay) {
    Objects.requireNonNull(task, "task");
    if (delay.isNegative() || delay.isZero()) {
      throw new IllegalArgumentException("delay <= 0: " + delay);
    }
    AtomicBoolean cancelled = new AtomicBoolean();
    AtomicReference<Cancellable> current = new AtomicReference<>();
    Runnable[] loop = new Runnable[1];
    loop[0] = () -> {
      if (cancelled.get()) {
        return;
      }
      try {
        task.run();
      } finally {
        if (!cancelled.get()) {
          current.set(schedule(loop[0], delay));
        }
      }
    };
    current.set(schedule(loop[0], initialDelay));
    return () -> {
      cancelled.set(true);
      Cancellable c = current.get();
      if (c != null) {
        c.cancel();
      }
    };
  }

  /** A handle to a scheduled task. */
  @FunctionalInterface
  interface Cancellable {
    /** Prevents the task from running if it has not started; idempotent. */
    void cancel();
  }
}
