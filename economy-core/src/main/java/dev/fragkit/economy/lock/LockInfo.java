package dev.fragkit.economy.lock;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Diagnostic view of one held lock: who holds it, since when, and how many threads wait.
 *
 * <p>Immutable.
 *
 * @param key the key, as {@code String.valueOf(key)}
 * @param holder the holding thread's name
 * @param since when the holder acquired it (wall clock of the manager)
 * @param heldFor how long it has been held (monotonic)
 * @param waiters threads waiting for it (an estimate, see {@code ReentrantLock.getQueueLength})
 */
public record LockInfo(String key, String holder, Instant since, Duration heldFor, int waiters) {
  public LockInfo {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(holder, "holder");
    Objects.requireNonNull(since, "since");
    Objects.requireNonNull(heldFor, "heldFor");
  }
}
