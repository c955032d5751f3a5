package dev.fragkit.economy.game;

import dev.fragkit.economy.ledger.AccountId;
import dev.fragkit.economy.ledger.Hold;
import dev.fragkit.economy.ledger.HoldState;
import dev.fragkit.economy.ledger.HoldStateException;
import dev.fragkit.economy.ledger.Ledger;
import dev.fragkit.economy.ledger.NoSuchHoldException;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Blackjack against the house with the bet in escrow. A game is a ledger hold whose payload is the
 * game state: starting a game takes the bet into escrow and stores the dealt hand in one atomic
 * step (so a crash can never lose a bet without a game record); a finished game is posted (payout to
 * the player, the rest to the house) with the final state, again in one step. Operation ids are
 * derived from the game id ({@code bet:}, {@code double:}, {@code settle:}), so retrying a call
 * after a crash never applies it twice.
 *
 * <p>Thread-safe (moves on one game are serialised by the hold's lock; a move that loses the race
 * with a refund fails with {@link HoldStateException}).
 */
public final class BlackjackTable {
  private final Ledger ledger;
  private final RandomGenerator deckRandom;

  /** @param deckRandom shuffles each new deck; must be thread-safe */
  public BlackjackTable(Ledger ledger, RandomGenerator deckRandom) {
    this.ledger = Objects.requireNonNull(ledger, "ledger");
    this.deckRandom = Objects.requireNonNull(deckRandom, "deckRandom");
  }

  /** Takes the bet into escrow and deals; a natural blackjack (either side) settles at once. */
  public BlackjackGame start(String gameId, AccountId player, long bet) {
    BlackjackGame game = BlackjackGame.deal(bet, deckRandom);
    ledger.hold("bet:" + gameId, gameId, player, bet, game.encode());
    return game.isOver() ? settle(gameId, game) : game;
  }

  /** The current state of a game. */
  public BlackjackGame game(String gameId) {
    Hold h = ledger.hold(gameId).orElseThrow(() -> new NoSuchHoldException(gameId));
    return BlackjackGame.decode(h.payload());
  }

  public BlackjackGame hit(String gameId) {
    BlackjackGame next = pending(gameId, "hit").hit();
    return next.isOver() ? settle(gameId, next) : save(gameId, next);
  }

  public BlackjackGame stand(String gameId) {
    return settle(gameId, pending(gameId, "stand").stand());
  }

  /** Takes a second bet into escrow (atomically with the new state) and finishes the hand. */
  public BlackjackGame doubleDown(String gameId) {
    BlackjackGame current = pending(gameId, "double down");
    BlackjackGame next = current.doubleDown();
    ledger.increaseHold("double:" + gameId, gameId, current.bet(), next.encode());
    return settle(gameId, next);
  }

  private BlackjackGame pending(String gameId, String action) {
    Hold h = ledger.hold(gameId).orElseThrow(() -> new NoSuchHoldException(gameId));
    if (h.state() != HoldState.PENDING) {
      throw new HoldStateException(h, action);
    }
    return BlackjackGame.decode(h.payload());
  }

  private BlackjackGame save(String gameId, BlackjackGame game) {
    ledger.updateHold(gameId, game.encode());
    return game;
  }

  private BlackjackGame settle(String gameId, BlackjackGame game) {
    ledger.postHold("settle:" + gameId, gameId, game.payout(), game.encode());
    return game;
  }
}
