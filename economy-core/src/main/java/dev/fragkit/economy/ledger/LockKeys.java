package dev.fragkit.economy.ledger;

/**
 * The lock keys a {@link LedgerTransaction} declares. Stores lock them (sorted) before running the
 * transaction: in-process locks, row locks or advisory locks.
 *
 * <p>Immutable (static helpers only).
 */
public final class LockKeys {
  private LockKeys() {}

  /** Covers the account's balance, markers and inventory. */
  public static String account(AccountId account) {
    return "a:" + account.guild() + "/" + account.name();
  }

  /** Covers an operation id's record. */
  public static String operation(String operationId) {
    return "o:" + operationId;
  }

  /** Covers a shop item's record (price, stock). */
  public static String item(String guild, String sku) {
    return "i:" + guild + "/" + sku;
  }

  /** Covers a hold's record. */
  public static String hold(String holdId) {
    return "h:" + holdId;
  }
}
