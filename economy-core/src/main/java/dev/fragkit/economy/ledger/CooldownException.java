package dev.fragkit.economy.ledger;

import dev.fragkit.economy.LedgerException;
import java.time.Instant;

/**
 * The account is on cooldown for this action until {@link #availableAt()}.
 *
 * <p>Immutable.
 */
public final class CooldownException extends LedgerException {
  private static final long serialVersionUID = 1L;

  private final String action;
  private final Instant availableAt;

  public CooldownException(AccountId account, String action, Instant availableAt) {
    super(action + " on cooldown for " + account + " until " + availableAt, account.key(), action, null);
    this.action = action;
    this.availableAt = availableAt;
  }

  public String action() {
    return action;
  }

  public Instant availableAt() {
    return availableAt;
  }
}
