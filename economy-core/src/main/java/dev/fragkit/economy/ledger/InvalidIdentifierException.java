package dev.fragkit.economy.ledger;

import dev.fragkit.economy.LedgerException;

/**
 * An id or name is malformed or too long; {@link #field()} names it.
 *
 * <p>Immutable.
 */
public final class InvalidIdentifierException extends LedgerException {
  private static final long serialVersionUID = 1L;

  private final String field;

  public InvalidIdentifierException(String field, String value, String rule) {
    super(field + " \"" + value + "\" rejected: " + rule, null, value, null);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
