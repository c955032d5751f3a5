package dev.fragkit.economy.ledger;

import dev.fragkit.economy.LedgerException;

/**
 * An operation id was reused for a different request. {@link #key()} is the operation id.
 *
 * <p>Immutable.
 */
public final class IdempotencyConflictException extends LedgerException {
  private static final long serialVersionUID = 1L;

  private final String originalRequest;

  public IdempotencyConflictException(String operationId, String originalRequest, String newRequest) {
    super("operation id " + operationId + " was already used for [" + originalRequest
        + "], not [" + newRequest + "]", null, operationId, null);
    this.originalRequest = originalRequest;
  }

  public String originalRequest() {
    return originalRequest;
  }
}
