package dev.fragkit.greatshot.store;

import java.time.Instant;

/** Result of {@link ClipClaims#claimClip}. Immutable. */
public sealed interface ClipClaim {
  /** The caller now owns the extraction until {@code leaseUntil}. */
  record Claimed(String highlightId, String owner, String token, Instant leaseUntil) implements ClipClaim {}

  /** Another worker is extracting it. */
  record HeldByOther(String highlightId, String owner, Instant leaseUntil) implements ClipClaim {}

  /** Already extracted to {@code clipPath}. */
  record Done(String highlightId, String clipPath) implements ClipClaim {}
}
