package dev.fragkit.economy.ledger;

import dev.fragkit.economy.LedgerException;

/**
 * The accounts of one operation belong to different guilds.
 *
 * <p>Immutable.
 */
public final class GuildMismatchException extends LedgerException {
  private static final long serialVersionUID = 1L;

  public GuildMismatchException(AccountId from, AccountId to) {
    super("accounts of different guilds: " + from + " and " + to, from.key(), to.key(), null);
  }
}
