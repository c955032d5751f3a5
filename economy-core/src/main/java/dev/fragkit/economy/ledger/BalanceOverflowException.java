package dev.fragkit.economy.ledger;

import dev.fragkit.economy.LedgerException;

/**
 * The operation would overflow a balance (or a total) beyond the range of {@code long}.
 *
 * <p>Immutable.
 */
public final class BalanceOverflowException extends LedgerException {
  private static final long serialVersionUID = 1L;

  private final long balance;
  private final long delta;

  public BalanceOverflowException(String account, long balance, long delta) {
    super("overflow: " + account + " balance " + balance + " + " + delta + " exceeds the long range",
        account, null, null);
    this.balance = balance;
    this.delta = delta;
  }

  public long balance() {
    return balance;
  }

  public long delta() {
    return delta;
  }
}
