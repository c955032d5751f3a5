package dev.fragkit.economy.ledger;

import dev.fragkit.economy.LedgerException;

/**
 * The balance of {@link #account()} is too low for the operation; nothing changed.
 *
 * <p>Immutable.
 */
public final class InsufficientFundsException extends LedgerException {
  private static final long serialVersionUID = 1L;

  private final long balance;
  private final long required;

  public InsufficientFundsException(AccountId account, long balance, long required) {
    super("insufficient funds in " + account + ": balance " + balance + ", required " + required,
        account.key(), null, null);
    this.balance = balance;
    this.required = required;
  }

  public long balance() {
    return balance;
  }

  public long required() {
    return required;
  }
}
