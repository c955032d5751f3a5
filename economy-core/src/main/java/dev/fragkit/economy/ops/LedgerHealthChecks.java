package dev.fragkit.economy.ops;

import dev.fragkit.economy.ledger.AccountBalance;
import dev.fragkit.economy.ledger.Hold;
import dev.fragkit.economy.ledger.HoldState;
import dev.fragkit.economy.ledger.LedgerStore;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Stock checks over a {@link LedgerStore}: storage readable, negative user balances (critical;
 * admin {@code allowNegative} debits show up here on purpose), stale pending games (warn).
 *
 * <p>Thread-safe (static factories).
 */
public final class LedgerHealthChecks {
  private LedgerHealthChecks() {}

  /** Critical when the store cannot be read. */
  public static HealthCheck storageReadable(LedgerStore store) {
    return name -> HealthResult.ok(name, store.balances().size() + " accounts readable");
  }

  /** Critical when a user account is below zero, naming up to 10 of them. */
  public static HealthCheck negativeBalances(LedgerStore store) {
    return name -> {
      List<AccountBalance> negative = store.balances().stream()
          .filter(b -> !b.account().isSystem() && b.balance() < 0).toList();
      if (negative.isEmpty()) {
        return HealthResult.ok(name, "no negative balances");
      }
      return new HealthResult(name, HealthStatus.CRITICAL, negative.size() + " negative balances: "
          + negative.stream().limit(10).map(b -> b.account() + "=" + b.balance()).toList());
    };
  }

  /** Warn when games are pending longer than {@code maxAge} (the sweeper is not running). */
  public static HealthCheck stalePendingGames(LedgerStore store, Clock clock, Duration maxAge) {
    return name -> {
      List<Hold> stale = store.holds(HoldState.PENDING).stream()
          .filter(h -> h.updatedAt().isBefore(clock.instant().minus(maxAge))).toList();
      return stale.isEmpty() ? HealthResult.ok(name, "no stale games")
          : new HealthResult(name, HealthStatus.WARN, stale.size() + " games pending longer than " + maxAge);
    };
  }
}
