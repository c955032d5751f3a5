package dev.fragkit.economy.ledger;

import java.util.Objects;

/**
 * An item for sale in a guild's shop.
 *
 * <p>Immutable.
 *
 * @param stock units left, or {@link #UNLIMITED}
 */
public record ShopItem(String guild, String sku, String name, long price, long stock) {
  /** Stock value of an item that never runs out. */
  public static final long UNLIMITED = -1;
  /** Longest item name accepted. */
  public static final int MAX_NAME_LENGTH = 64;

  public ShopItem {
    Objects.requireNonNull(guild, "guild");
    Objects.requireNonNull(sku, "sku");
    Objects.requireNonNull(name, "name");
    Identifiers.check("guild", guild, AccountId.ID);
    Identifiers.check("sku", sku, Identifiers.SKU);
    if (name.isBlank() || name.length() > MAX_NAME_LENGTH) {
      throw new InvalidIdentifierException("name", name, "1.." + MAX_NAME_LENGTH + " characters, not blank");
    }
    if (price <= 0) {
      throw new InvalidAmountException("price", price, "must be > 0");
    }
    if (stock < 0 && stock != UNLIMITED) {
      throw new InvalidAmountException("stock", stock, "must be >= 0 or UNLIMITED (-1)");
    }
  }

  ShopItem withStock(long newStock) {
    return new ShopItem(guild, sku, name, price, newStock);
  }
}
