package dev.fragkit.economy.game;

import dev.fragkit.economy.ledger.Hold;
import dev.fragkit.economy.ledger.HoldStateException;
import dev.fragkit.economy.ledger.Ledger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refunds abandoned games: {@link #forfeitIdle()} voids games idle longer than the idle limit
 * (default 2 minutes, the in-game timeout) and {@link #refundStale()} — run at start-up — voids games
 * older than the start-up limit (default 2 hours). Both use the same operation id {@code
 * void:<gameId>}, so a game refunded by the idle timer and again by a restart is refunded exactly
 * once (the second call returns the first receipt); a game settled meanwhile is skipped.
 *
 * <p>Thread-safe.
 */
public final class EscrowSweeper {
  private static final Logger LOG = LoggerFactory.getLogger(EscrowSweeper.class);

  private final Ledger ledger;
  private final Clock clock;
  private final Duration idleLimit;
  private final Duration startupLimit;

  public EscrowSweeper(Ledger ledger, Clock clock) {
    this(ledger, clock, Duration.ofMinutes(2), Duration.ofHours(2));
  }

  public EscrowSweeper(Ledger ledger, Clock clock, Duration idleLimit, Duration startupLimit) {
    this.ledger = Objects.requireNonNull(ledger, "ledger");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.idleLimit = positive("idleLimit", idleLimit);
    this.startupLimit = positive("startupLimit", startupLimit);
  }

  /** Voids pending games whose last move is older than the idle limit; returns their ids. */
  public List<String> forfeitIdle() {
    Instant cutoff = clock.instant().minus(idleLimit);
    return sweep(h -> h.updatedAt().isBefore(cutoff), "game_expired_refund");
  }

  /** Voids pending games created before now minus the start-up limit; returns their ids. */
  public List<String> refundStale() {
    Instant cutoff = clock.instant().minus(startupLimit);
    return sweep(h -> h.createdAt().isBefore(cutoff), "refund_on_restart");
  }

  private List<String> sweep(java.util.function.Predicate<Hold> due, String reason) {
    List<String> refunded = new ArrayList<>();
    for (Hold h : ledger.pendingHolds()) {
      if (!due.test(h)) {
        continue;
      }
      try {
        ledger.voidHold("void:" + h.holdId(), h.holdId(), reason);
        refunded.add(h.holdId());
      } catch (HoldStateException e) {
        LOG.debug("game {} resolved before it could be refunded: {}", h.holdId(), e.getMessage());
      }
    }
    if (!refunded.isEmpty()) {
      LOG.info("refunded {} games ({}): {}", refunded.size(), reason, refunded);
    }
    return refunded;
  }

  private static Duration positive(String name, Duration d) {
    Objects.requireNonNull(d, name);
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " <= 0: " + d);
    }
    return d;
  }
}
