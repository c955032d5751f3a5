package dev.fragkit.economy.ledger;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;

/**
 * Storage SPI of the ledger. Implementations: {@link InMemoryLedgerStore} here, a file store in
 * {@code adapters/fs} and a JDBC store (H2, PostgreSQL) in {@code adapters/jdbc}; all pass the same
 * contract test suite ({@code LedgerStoreContractTest} in this module's test-jar).
 *
 * <p>Guarantee required of {@link #inTransaction}: transactions whose lock-key sets overlap run
 * one after the other (each sees every write of those committed before it), and a transaction's
 * writes are applied all together or not at all. An exception thrown by {@code work} rolls back;
 * a failure of the store itself surfaces as {@link StoreException}.
 *
 * <p>Implementations must be thread-safe.
 */
public interface LedgerStore extends AutoCloseable {
  /** Runs {@code work} atomically while holding {@code lockKeys} (see {@link LockKeys}). */
  <T> T inTransaction(Set<String> lockKeys, Function<LedgerTransaction, T> work);

  /** The committed balance, or empty when the account does not exist. */
  OptionalLong balance(AccountId account);

  /** User accounts of {@code guild} by balance (highest first, ties by account), one page. */
  List<AccountBalance> leaderboard(String guild, int offset, int limit);

  /** Every account's balance (system accounts included), for audits. */
  List<AccountBalance> balances();

  /** Entries debiting or crediting {@code account} with {@code from <= timestamp < to}, by sequence. */
  List<Transfer> journal(AccountId account, Instant from, Instant to);

  /** Up to {@code limit} entries with sequence greater than {@code afterSequence}, by sequence. */
  List<Transfer> journalAfter(long afterSequence, int limit);

  Optional<Receipt> receipt(String operationId);

  Optional<Hold> hold(String holdId);

  /** Holds in {@code state}, oldest first. */
  List<Hold> holds(HoldState state);

  Optional<ShopItem> shopItem(String guild, String sku);

  long inventory(AccountId account, String sku);

  /** Every inventory row with a positive quantity (audits, orphan checks). */
  List<ChangeSet.Inventory> inventories();

  /** Releases resources. Idempotent. The default does nothing. */
  @Override
  default void close() {}
}
