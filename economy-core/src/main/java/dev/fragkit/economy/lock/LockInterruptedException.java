package dev.fragkit.economy.lock;

import dev.fragkit.economy.LedgerException;

/**
 * The thread was interrupted while waiting for a lock. The interrupt flag has been restored.
 *
 * <p>Immutable.
 */
public final class LockInterruptedException extends LedgerException {
  private static final long serialVersionUID = 1L;

  public LockInterruptedException(String key, InterruptedException cause) {
    super("interrupted while waiting for lock " + key, null, key, cause);
  }
}
