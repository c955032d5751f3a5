package dev.fragkit.economy.ops;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Named leases with an owner token and an expiry (ShedLock-style "run on one node"). Unlike the
 * reference's Redis lock, refresh and release verify the owner: an instance whose lease expired and
 * was taken over can neither extend nor delete the new owner's lease. A lease is not mutual
 * exclusion if its holder outlives the expiry; keep the ttl well above the work's duration.
 *
 * <p>Implementations must be thread-safe and atomic per operation.
 */
public interface LeaseStore {
  /** Takes the lease if free or expired at {@code now}; true when {@code owner} now holds it. */
  boolean tryAcquire(String name, String owner, Instant now, Duration ttl);

  /** Extends the lease only if {@code owner} holds it and it has not expired. */
  boolean refresh(String name, String owner, Instant now, Duration ttl);

  /** Releases the lease only if {@code owner} holds it. */
  boolean release(String name, String owner);

  Optional<Lease> current(String name);

  /** A held lease. Immutable. */
  record Lease(String name, String owner, Instant expiresAt) {}
}
