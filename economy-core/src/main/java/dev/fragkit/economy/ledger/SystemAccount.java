package dev.fragkit.economy.ledger;

/**
 * The per-guild system accounts. Only {@link #MINT} and {@link #HOUSE} may go below zero: the mint
 * is where new money comes from (its balance is minus the money in circulation) and the house pays
 * game winnings. {@link #ESCROW} holds the bets of games in progress; {@link #SHOP} collects sales.
 *
 * <p>Immutable.
 */
public enum SystemAccount {
  MINT, HOUSE, ESCROW, SHOP;

  /** Whether the ledger lets this account's balance go below zero. */
  public boolean mayGoNegative() {
    return this == MINT || this == HOUSE;
  }
}
