package dev.fragkit.economy.ledger;

import dev.fragkit.economy.LedgerException;

/**
 * No shop item with that sku in the guild. {@link #key()} is {@code guild/sku}.
 *
 * <p>Immutable.
 */
public final class NoSuchItemException extends LedgerException {
  private static final long serialVersionUID = 1L;

  public NoSuchItemException(String guild, String sku) {
    super("no such shop item: " + guild + "/" + sku, null, guild + "/" + sku, null);
  }
}
