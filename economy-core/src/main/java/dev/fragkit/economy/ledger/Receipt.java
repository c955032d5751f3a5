package dev.fragkit.economy.ledger;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The result of one applied operation. A retry with the same operation id returns this same receipt
 * (same transfers, same outcome) instead of applying again.
 *
 * <p>Immutable.
 *
 * @param request canonical description of the request; a retry must match it
 * @param outcome operation-specific result, e.g. {@code "success"} or {@code "caught"} for a rob
 * @param transfers the journal entries the operation made, in order (may be empty)
 */
public record Receipt(String operationId, OperationKind kind, String request, String outcome,
    Instant appliedAt, List<Transfer> transfers) {
  public Receipt {
    Objects.requireNonNull(operationId, "operationId");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(appliedAt, "appliedAt");
    transfers = List.copyOf(transfers);
  }

  /** Sum of the amounts of the transfers crediting {@code account}. */
  public long creditedTo(AccountId account) {
    return transfers.stream().filter(t -> t.credit().equals(account)).mapToLong(Transfer::amount).sum();
  }

  /** Sum of the amounts of the transfers debiting {@code account}. */
  public long debitedFrom(AccountId account) {
    return transfers.stream().filter(t -> t.debit().equals(account)).mapToLong(Transfer::amount).sum();
  }
}
