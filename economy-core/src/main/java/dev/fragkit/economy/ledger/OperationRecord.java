package dev.fragkit.economy.ledger;

import java.time.Instant;
import java.util.Objects;

/** A stored record of an applied operation (its transfers are kept in the journal). Immutable. */
public record OperationRecord(String operationId, OperationKind kind, String request, String outcome,
    Instant appliedAt) {
  public OperationRecord {
    Objects.requireNonNull(operationId, "operationId");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(appliedAt, "appliedAt");
  }
}
