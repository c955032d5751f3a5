package dev.fragkit.economy.ledger;

import dev.fragkit.economy.LedgerException;
import org.jspecify.annotations.Nullable;

/**
 * The store failed to read or write (after the configured retries). The operation may be retried with the same operation id: it is applied at most once.
 *
 * <p>Immutable.
 */
public final class StoreException extends LedgerException {
  private static final long serialVersionUID = 1L;

  public StoreException(String message, @Nullable Throwable cause) {
    super(message, null, null, cause);
  }
}
