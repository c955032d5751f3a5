package dev.fragkit.economy.lock;

import dev.fragkit.economy.LedgerException;
import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A lock could not be acquired within its timeout. {@link #key()} names the key, {@link
 * #holder()} the thread that held it at the time (if known).
 *
 * <p>Immutable.
 */
public final class LockTimeoutException extends LedgerException {
  private static final long serialVersionUID = 1L;

  private final Duration timeout;
  private final @Nullable String holder;

  public LockTimeoutException(String key, Duration timeout, @Nullable String holder) {
    super("lock " + key + " not acquired within " + timeout.toMillis() + " ms"
        + (holder == null ? "" : " (held by " + holder + ")"), null, key, null);
    this.timeout = timeout;
    this.holder = holder;
  }

  public Duration timeout() {
    return timeout;
  }

  /** Description of the holder when the wait gave up (thread name, since when). */
  public Optional<String> holder() {
    return Optional.ofNullable(holder);
  }
}
