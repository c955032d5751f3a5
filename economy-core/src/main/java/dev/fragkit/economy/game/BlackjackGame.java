package dev.fragkit.economy.game;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * The rules of one blackjack hand as an immutable value: one 52-card deck shuffled by the injected
 * generator, dealer stands on every 17, a natural blackjack pays 3:2 (rounded down), double down
 * doubles the bet, draws one card and stands. Cards are 0..51; rank = card % 13 (0 = ace, 1..9 = 2..10,
 * 10..12 = jack, queen, king).
 *
 * <p>Immutable.
 */
public record BlackjackGame(List<Integer> deck, List<Integer> player, List<Integer> dealer, long bet,
    boolean doubled, Status status) {
  /** Where a game stands. Every status but {@link #PLAYER_TURN} is final. */
  public enum Status { PLAYER_TURN, BLACKJACK, PLAYER_WIN, DEALER_WIN, PUSH }

  public BlackjackGame {
    deck = List.copyOf(deck);
    player = List.copyOf(player);
    dealer = List.copyOf(dealer);
    Objects.requireNonNull(status, "status");
  }

  /** Shuffles a fresh deck with {@code random} and deals two cards each. */
  public static BlackjackGame deal(long bet, RandomGenerator random) {
    if (bet <= 0) {
      throw new IllegalArgumentException("bet <= 0: " + bet);
    }
    List<Integer> deck = new ArrayList<>(52);
    for (int i = 0; i < 52; i++) {
      deck.add(i);
    }
    for (int i = deck.size() - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      Integer t = deck.get(i);
      deck.set(i, deck.get(j));
      deck.set(j, t);
    }
    return dealFrom(bet, deck);
  }

  /** Deals from a given deck order (first card on top): player, dealer, player, dealer. */
  public static BlackjackGame dealFrom(long bet, List<Integer> deck) {
    List<Integer> rest = new ArrayList<>(deck);
    List<Integer> p = new ArrayList<>();
    List<Integer> d = new ArrayList<>();
    p.add(rest.remove(0));
    d.add(rest.remove(0));
    p.add(rest.remove(0));
    d.add(rest.remove(0));
    BlackjackGame g = new BlackjackGame(rest, p, d, bet, false, Status.PLAYER_TURN);
    boolean playerNatural = total(p) == 21;
    boolean dealerNatural = total(d) == 21;
    if (playerNatural || dealerNatural) {
      Status s = playerNatural && dealerNatural ? Status.PUSH : playerNatural ? Status.BLACKJACK : Status.DEALER_WIN;
      return g.withStatus(s);
    }
    return g;
  }

  public boolean isOver() {
    return status != Status.PLAYER_TURN;
  }

  /** Player takes a card; busting ends the game. */
  public BlackjackGame hit() {
    requireTurn("hit");
    List<Integer> rest = new ArrayList<>(deck);
    List<Integer> p = new ArrayList<>(player);
    p.add(rest.remove(0));
    BlackjackGame g = new BlackjackGame(rest, p, dealer, bet, doubled, status);
    return total(p) > 21 ? g.withStatus(Status.DEALER_WIN) : g;
  }

  /** Player stands; the dealer draws to 17 or more and the hand is decided. */
  public BlackjackGame stand() {
    requireTurn("stand");
    List<Integer> rest = new ArrayList<>(deck);
    List<Integer> d = new ArrayList<>(dealer);
    while (total(d) < 17) {
      d.add(rest.remove(0));
    }
    int pt = total(player);
    int dt = total(d);
    Status s = dt > 21 || pt > dt ? Status.PLAYER_WIN : pt == dt ? Status.PUSH : Status.DEALER_WIN;
    return new BlackjackGame(rest, player, d, bet, doubled, s);
  }

  /** Doubles the bet, takes exactly one card and stands (unless bust). Only on the first two cards. */
  public BlackjackGame doubleDown() {
    requireTurn("double down");
    if (player.size() != 2) {
      throw new IllegalStateException("double down only on the first two cards");
    }
    BlackjackGame doubledGame = new BlackjackGame(deck, player, dealer, Math.multiplyExact(bet, 2), true, status);
    BlackjackGame afterHit = doubledGame.hit();
    return afterHit.isOver() ? afterHit : afterHit.stand();
  }

  /** What the player receives when the game is over: 0, the bet back, twice the bet, or 2.5×. */
  public long payout() {
    return switch (status) {
      case PLAYER_TURN -> throw new IllegalStateException("game not over");
      case DEALER_WIN -> 0;
      case PUSH -> bet;
      case PLAYER_WIN -> Math.multiplyExact(bet, 2);
      case BLACKJACK -> Math.addExact(bet, Math.multiplyExact(bet, 3) / 2);
    };
  }

  /** Best total of a hand (aces count 11 when that does not bust). */
  public static int total(List<Integer> hand) {
    int sum = 0;
    int aces = 0;
    for (int c : hand) {
      int rank = c % 13;
      if (rank == 0) {
        aces++;
        sum += 1;
      } else {
        sum += Math.min(10, rank + 1);
      }
    }
    return aces > 0 && sum + 10 <= 21 ? sum + 10 : sum;
  }

  /** Compact text form stored as the hold's payload. */
  public String encode() {
    return "v1|" + join(deck) + "|" + join(player) + "|" + join(dealer) + "|" + bet + "|" + (doubled ? 1 : 0) + "|"
        + status.name();
  }

  /** Parses {@link #encode()}. */
  public static BlackjackGame decode(String s) {
    String[] f = s.split("\\|", -1);
    if (f.length != 7 || !f[0].equals("v1")) {
      throw new IllegalArgumentException("not a blackjack payload: " + s);
    }
    return new BlackjackGame(split(f[1]), split(f[2]), split(f[3]), Long.parseLong(f[4]), f[5].equals("1"),
        Status.valueOf(f[6]));
  }

  private BlackjackGame withStatus(Status s) {
    return new BlackjackGame(deck, player, dealer, bet, doubled, s);
  }

  private void requireTurn(String action) {
    if (isOver()) {
      throw new IllegalStateException("cannot " + action + ": game is over (" + status + ")");
    }
  }

  private static String join(List<Integer> cards) {
    StringBuilder sb = new StringBuilder();
    for (int c : cards) {
      if (sb.length() > 0) {
        sb.append(',');
      }
      sb.append(c);
    }
    return sb.toString();
  }

  private static List<Integer> split(String s) {
    List<Integer> out = new ArrayList<>();
    if (!s.isEmpty()) {
      for (String p : s.split(",")) {
        out.add(Integer.parseInt(p));
      }
    }
    return out;
  }
}
