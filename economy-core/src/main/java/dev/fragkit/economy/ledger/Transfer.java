package dev.fragkit.economy.ledger;

import java.time.Instant;
import java.util.Objects;

/**
 * One immutable journal entry: {@code amount} moved from {@code debit} to {@code credit}. Every
 * entry has both sides, so the sum of all balances is always zero (the mint holds minus the money
 * in circulation). Entries are never changed or deleted; corrections are new entries.
 *
 * <p>Immutable.
 *
 * @param sequence store-assigned, increasing; may have gaps (rolled-back transactions)
 * @param operationId the idempotency id of the operation that made it
 */
public record Transfer(long sequence, String operationId, OperationKind kind, AccountId debit,
    AccountId credit, long amount, Instant timestamp) {
  public Transfer {
    Objects.requireNonNull(operationId, "operationId");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(debit, "debit");
    Objects.requireNonNull(credit, "credit");
    Objects.requireNonNull(timestamp, "timestamp");
    if (amount <= 0) {
      throw new IllegalArgumentException("amount <= 0: " + amount);
    }
  }
}
