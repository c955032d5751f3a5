package dev.fragkit.economy.ledger;

import java.util.Objects;

/** An account and its balance at the time of the read. Immutable. */
public record AccountBalance(AccountId account, long balance) {
  public AccountBalance {
    Objects.requireNonNull(account, "account");
  }
}
