package dev.fragkit.adapters.fs.economy;

import dev.fragkit.economy.LedgerException;
import java.nio.file.Path;
import java.time.Instant;

/**
 * The store directory's single-instance lease is held by another, live instance. {@link #key()} is
 * the lease name; {@link #owner()} is the holder's token (host, pid and a random id) and {@link
 * #expiresAt()} when the lease ends unless its holder refreshes it. Immutable.
 */
public final class LeaseHeldException extends LedgerException {
  private static final long serialVersionUID = 1L;

  private final String owner;
  private final Instant expiresAt;

  LeaseHeldException(Path dir, String lease, String owner, Instant expiresAt) {
    super("ledger directory " + dir + " is leased to another instance: lease \"" + lease + "\" is held by \""
        + owner + "\" until " + expiresAt, null, lease, null);
    this.owner = owner;
    this.expiresAt = expiresAt;
  }

  public String owner() {
    return owner;
  }

  public Instant expiresAt() {
    return expiresAt;
  }
}
