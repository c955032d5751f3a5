package dev.fragkit.greatshot.store;

import java.time.Duration;

/**
 * Exactly one worker (across all processes) extracts a given highlight's clip: the claim is a lease
 * in the store, reclaimable once expired, and becomes {@link ClipClaim.Done} when completed.
 * Thread-safe.
 */
public interface ClipClaims {
  ClipClaim claimClip(String highlightId, String owner, Duration lease);

  /** Records the extracted clip; false (nothing written) when the claim was lost. */
  boolean completeClip(ClipClaim.Claimed claim, String clipPath);

  /** Gives the claim up after a failure so another worker may try at once. */
  boolean releaseClip(ClipClaim.Claimed claim);
}
