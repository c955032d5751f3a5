package dev.fragkit.economy.ledger;

/**
 * Told about operations after they commit, on the calling thread, with no ledger lock held. Must be
 * fast and must not call back into the ledger on the same thread expecting ordering guarantees.
 * Replays of already applied operation ids are not reported.
 *
 * <p>Implementations must be thread-safe.
 */
public interface LedgerListener {
  /** Does nothing. */
  LedgerListener NONE = new LedgerListener() {};

  /** An operation was applied (first time for its id). */
  default void onApplied(Receipt receipt) {}
}
