package dev.fragkit.economy.ledger;

import dev.fragkit.economy.LedgerException;

/**
 * Source and destination of a transfer or rob are the same account.
 *
 * <p>Immutable.
 */
public final class SelfTransferException extends LedgerException {
  private static final long serialVersionUID = 1L;

  public SelfTransferException(AccountId account) {
    super("transfer to self: " + account, account.key(), null, null);
  }
}
