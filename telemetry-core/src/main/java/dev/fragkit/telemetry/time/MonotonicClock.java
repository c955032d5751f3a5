package dev.fragkit.telemetry.time;

/**
 * A monotonic time source for measuring durations (never wall time). Implementations must be
 * thread-safe.
 */
@FunctionalInterface
public interface MonotonicClock {
  /** The system's {@link System#nanoTime()}. */
  MonotonicClock SYSTEM = System::nanoTime;

  /** Nanoseconds from an arbitrary fixed origin; only differences are meaningful. */
  long nanoTime();
}
