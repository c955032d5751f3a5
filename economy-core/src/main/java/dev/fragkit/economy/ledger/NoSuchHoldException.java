package dev.fragkit.economy.ledger;

import dev.fragkit.economy.LedgerException;

/**
 * No hold (pending transfer) with that id. {@link #key()} is the hold id.
 *
 * <p>Immutable.
 */
public final class NoSuchHoldException extends LedgerException {
  private static final long serialVersionUID = 1L;

  public NoSuchHoldException(String holdId) {
    super("no such hold: " + holdId, null, holdId, null);
  }
}
