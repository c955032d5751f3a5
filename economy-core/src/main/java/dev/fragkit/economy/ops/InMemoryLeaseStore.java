package dev.fragkit.economy.ops;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** {@link LeaseStore} for one JVM (tests, single-process deployments). Thread-safe. */
public final class InMemoryLeaseStore implements LeaseStore {
  private final ConcurrentHashMap<String, Lease> leases = new ConcurrentHashMap<>();

  @Override
  public boolean tryAcquire(String name, String owner, Instant now, Duration ttl) {
    Objects.requireNonNull(owner, "owner");
    Lease mine = new Lease(name, owner, now.plus(ttl));
    Lease result = leases.compute(name, (k, old) ->
        old == null || !old.expiresAt().isAfter(now) || old.owner().equals(owner) ? mine : old);
    return result == mine;
  }

  @Override
  public boolean refresh(String name, String owner, Instant now, Duration ttl) {
    Lease mine = new Lease(name, owner, now.plus(ttl));
    Lease result = leases.computeIfPresent(name, (k, old) ->
        old.owner().equals(owner) && old.expiresAt().isAfter(now) ? mine : old);
    return result == mine;
  }

  @Override
  public boolean release(String name, String owner) {
    boolean[] released = {false};
    leases.computeIfPresent(name, (k, old) -> {
      if (old.owner().equals(owner)) {
        released[0] = true;
        return null;
      }
      return old;
    });
    return released[0];
  }

  @Override
  public Optional<Lease> current(String name) {
    return Optional.ofNullable(leases.get(name));
  }
}
