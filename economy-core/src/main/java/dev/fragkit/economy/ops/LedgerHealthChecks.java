package dev.fragkit.economy.ops;

import dev.fragkit.economy.ledger.AccountBalance;
import dev.fragkit.economy.ledger.AccountId;
import dev.fragkit.economy.ledger.Hold;
import dev.fragkit.economy.ledger.HoldState;
import dev.fragkit.economy.ledger.LedgerStore;
import dev.fragkit.economy.ledger.Transfer;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Stock checks over a {@link LedgerStore}: storage readable, journal matches balances (critical),
 * negative user balances (critical;
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

  /**
   * "Data valid": critical unless every balance equals the fold of the journal and all balances
   * sum to zero (double entry). Reads the whole journal: schedule it hourly, not per request. Only
   * meaningful while no writer runs concurrently on a store without snapshot reads (in-memory, fs).
   */
  public static HealthCheck journalMatchesBalances(LedgerStore store) {
    return name -> {
      Map<AccountId, Long> folded = new HashMap<>();
      long after = 0;
      long entries = 0;
      while (true) {
        List<Transfer> page = store.journalAfter(after, 10_000);
        if (page.isEmpty()) {
          break;
        }
        for (Transfer t : page) {
          folded.merge(t.debit(), -t.amount(), Long::sum);
          folded.merge(t.credit(), t.amount(), Long::sum);
        }
        entries += page.size();
        after = page.get(page.size() - 1).sequence();
      }
      List<String> mismatched = new ArrayList<>();
      long sum = 0;
      for (AccountBalance b : store.balances()) {
        sum += b.balance();
        long expected = folded.getOrDefault(b.account(), 0L);
        if (expected != b.balance()) {
          mismatched.add(b.account() + " balance " + b.balance() + " journal " + expected);
        }
      }
      if (!mismatched.isEmpty() || sum != 0) {
        return new HealthResult(name, HealthStatus.CRITICAL, "journal and balances disagree (sum " + sum + "): "
            + mismatched.stream().limit(10).toList());
      }
      return HealthResult.ok(name, entries + " journal entries match all balances");
    };
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

  /** Warn when an account owns units of an item its guild's shop no longer has. */
  public static HealthCheck orphanInventory(LedgerStore store) {
    return name -> {
      List<String> orphans = store.inventories().stream()
          .filter(i -> store.shopItem(i.account().guild(), i.sku()).isEmpty())
          .map(i -> i.account() + ":" + i.sku()).sorted().toList();
      return orphans.isEmpty() ? HealthResult.ok(name, "no orphan inventory")
          : new HealthResult(name, HealthStatus.WARN, orphans.size() + " inventory rows of unknown items: "
              + orphans.stream().limit(10).toList());
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
