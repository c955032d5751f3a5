package dev.fragkit.economy.ledger;

import java.time.Instant;
import java.util.Objects;

/**
 * A pending transfer: {@code amount} taken from {@code account} into the guild's escrow account,
 * waiting to be posted (paid out to the player and/or the house) or voided (refunded). A hold
 * resolves at most once. {@code payload} is opaque state owned by the caller (a game's state),
 * written in the same atomic step as the money movements.
 *
 * <p>Immutable.
 */
public record Hold(String holdId, AccountId account, long amount, HoldState state, Instant createdAt,
    Instant updatedAt, String payload) {
  /** Longest payload accepted. */
  public static final int MAX_PAYLOAD_LENGTH = 4096;

  public Hold {
    Objects.requireNonNull(holdId, "holdId");
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
    Objects.requireNonNull(payload, "payload");
    if (payload.length() > MAX_PAYLOAD_LENGTH) {
      throw new InvalidIdentifierException("payload", payload.substring(0, 32) + "…",
          "at most " + MAX_PAYLOAD_LENGTH + " characters");
    }
  }

  Hold with(long newAmount, HoldState newState, Instant at, String newPayload) {
    return new Hold(holdId, account, newAmount, newState, createdAt, at, newPayload);
  }
}
