package dev.fragkit.economy.ledger;

import dev.fragkit.economy.LedgerException;

/**
 * Not enough units of a shop item left. {@link #key()} is {@code guild/sku}.
 *
 * <p>Immutable.
 */
public final class OutOfStockException extends LedgerException {
  private static final long serialVersionUID = 1L;

  private final long stock;
  private final long requested;

  public OutOfStockException(String guild, String sku, long stock, long requested) {
    super("out of stock: " + guild + "/" + sku + " has " + stock + ", requested " + requested,
        null, guild + "/" + sku, null);
    this.stock = stock;
    this.requested = requested;
  }

  public long stock() {
    return stock;
  }

  public long requested() {
    return requested;
  }
}
