package dev.fragkit.adapters.fs.economy;

import dev.fragkit.economy.LedgerException;

/**
 * A store in single-instance lease mode lost its lease (it was not refreshed in time, or another
 * instance took it over), so it refuses every write from then on; reads still work. Close the store
 * and open it again to compete for the lease. {@link #key()} is the lease name. Not retried by the
 * ledger: retrying cannot bring the lease back. Immutable.
 */
public final class LeaseLostException extends LedgerException {
  private static final long serialVersionUID = 1L;

  private final String owner;

  LeaseLostException(String message, String lease, String owner) {
    super(message, null, lease, null);
    this.owner = owner;
  }

  /** This instance's owner token (the one that lost the lease). */
  public String owner() {
    return owner;
  }
}
