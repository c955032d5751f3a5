package dev.fragkit.economy.ledger;

import dev.fragkit.economy.LedgerException;

/**
 * An amount (or price, quantity, stock) is out of range; {@link #field()} names it.
 *
 * <p>Immutable.
 */
public final class InvalidAmountException extends LedgerException {
  private static final long serialVersionUID = 1L;

  private final String field;
  private final long value;

  public InvalidAmountException(String field, long value, String rule) {
    super(field + " " + value + ": " + rule, null, null, null);
    this.field = field;
    this.value = value;
  }

  public String field() {
    return field;
  }

  public long value() {
    return value;
  }
}
