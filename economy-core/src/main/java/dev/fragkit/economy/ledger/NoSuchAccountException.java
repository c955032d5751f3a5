package dev.fragkit.economy.ledger;

import dev.fragkit.economy.LedgerException;

/**
 * The account does not exist (open it first); nothing changed.
 *
 * <p>Immutable.
 */
public final class NoSuchAccountException extends LedgerException {
  private static final long serialVersionUID = 1L;

  public NoSuchAccountException(AccountId account) {
    super("no such account: " + account, account.key(), null, null);
  }
}
