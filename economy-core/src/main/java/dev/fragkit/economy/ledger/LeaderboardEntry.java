package dev.fragkit.economy.ledger;

import java.util.Objects;

/** One leaderboard row; {@code rank} starts at 1. Immutable. */
public record LeaderboardEntry(int rank, AccountId account, long balance) {
  public LeaderboardEntry {
    Objects.requireNonNull(account, "account");
  }
}
