package dev.fragkit.economy.ops;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The one daemon thread behind {@link MaintenanceScheduler#start} and {@link EconomyMaintenance#start()}:
 * runs a tick now and then with a fixed delay. A tick that throws is handed to {@code onFailure} and
 * the schedule carries on (a {@link ScheduledExecutorService} would otherwise cancel it silently).
 *
 * <p>Thread-safe (stateless).
 */
final class Ticker {
  private static final AtomicInteger THREADS = new AtomicInteger();

  private Ticker() {}

  /** Starts {@code tick} on a new daemon thread named {@code <threadPrefix>N}; stop it with {@code shutdownNow()}. */
  static ScheduledExecutorService start(String threadPrefix, Duration every, Runnable tick,
      Consumer<RuntimeException> onFailure) {
    ScheduledExecutorService ex = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, threadPrefix + THREADS.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    ex.scheduleWithFixedDelay(() -> {
      try {
        tick.run();
      } catch (RuntimeException e) {
        onFailure.accept(e);
      }
    }, 0, every.toMillis(), TimeUnit.MILLISECONDS);
    return ex;
  }
}
