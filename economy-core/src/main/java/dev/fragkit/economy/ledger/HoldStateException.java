package dev.fragkit.economy.ledger;

import dev.fragkit.economy.LedgerException;

/**
 * The hold is not pending any more (already posted or voided); nothing changed.
 *
 * <p>Immutable.
 */
public final class HoldStateException extends LedgerException {
  private static final long serialVersionUID = 1L;

  private final HoldState state;

  public HoldStateException(Hold hold, String action) {
    super("cannot " + action + " hold " + hold.holdId() + ": it is " + hold.state(), hold.account().key(),
        hold.holdId(), null);
    this.state = hold.state();
  }

  public HoldState state() {
    return state;
  }
}
