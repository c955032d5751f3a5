package dev.fragkit.greatshot.job;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.Optional;

/**
 * A cooperative stop signal for one job attempt. The runner sets it (timeout, cancel request, lost
 * lease, shutdown) and also interrupts the worker thread; an analyzer checks
 * {@link #throwIfCancelled()} regularly (e.g. once per demo record) so the worker is really freed.
 * The first reason set wins. Thread-safe.
 */
public final class Cancellation {
  /** Why the work must stop. */
  public enum Reason { TIMEOUT, CANCELLED, LEASE_LOST, SHUTDOWN }

  private final AtomicReference<Reason> reason = new AtomicReference<>();
  private final CountDownLatch signalled = new CountDownLatch(1);

  /** A cancellation that is never set (for callers outside the runner). */
  public static Cancellation none() {
    return new Cancellation();
  }

  /** Sets the reason; returns false when a reason was already set. */
  public boolean cancel(Reason why) {
    boolean first = reason.compareAndSet(null, why);
    signalled.countDown();
    return first;
  }

  public boolean isCancelled() {
    return reason.get() != null;
  }

  public Optional<Reason> reason() {
    return Optional.ofNullable(reason.get());
  }

  /** @throws AnalysisCancelledException when cancelled */
  public void throwIfCancelled() {
    Reason r = reason.get();
    if (r != null) {
      throw new AnalysisCancelledException(r);
    }
  }

  /** Blocks until cancelled or the timeout passes; true when cancelled. */
  public boolean await(long timeout, TimeUnit unit) throws InterruptedException {
    return signalled.await(timeout, unit);
  }
}
