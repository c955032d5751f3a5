package dev.fragkit.economy.ledger;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The reads and writes one ledger operation makes inside {@link LedgerStore#inTransaction}. The
 * {@link Ledger} decides (checks invariants, computes new balances); the transaction only stores.
 * All writes become visible together when the transaction commits, or not at all.
 *
 * <p>A transaction may only touch what its lock keys cover (see {@link LockKeys}); stores may
 * reject anything else with {@link IllegalStateException}.
 *
 * <p>Not thread-safe: confined to the thread running the transaction.
 */
public interface LedgerTransaction {
  /** The receipt of an already applied operation, with its transfers. */
  Optional<Receipt> receipt(String operationId);

  /** Records that {@code operationId} was applied (its transfers are those appended with that id). */
  void recordOperation(String operationId, OperationKind kind, String request, String outcome, Instant at);

  /** The balance, or empty when the account does not exist. */
  OptionalLong balance(AccountId account);

  /** Creates the account with balance zero. */
  void createAccount(AccountId account, Instant at);

  /** Stores a new balance for an existing account. */
  void setBalance(AccountId account, long balance);

  /** Appends one journal entry; the store assigns the sequence number. */
  Transfer append(String operationId, OperationKind kind, AccountId debit, AccountId credit, long amount,
      Instant at);

  /** A per-account timestamp (last daily claim, last rob, …). */
  Optional<Instant> marker(AccountId account, String name);

  void setMarker(AccountId account, String name, Instant at);

  Optional<ShopItem> shopItem(String guild, String sku);

  void putShopItem(ShopItem item);

  /** Units of {@code sku} the account owns (0 if none). */
  long inventory(AccountId account, String sku);

  void setInventory(AccountId account, String sku, long quantity);

  Optional<Hold> hold(String holdId);

  void putHold(Hold hold);
}
