package dev.fragkit.economy.game;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fragkit.economy.game.BlackjackGame.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BlackjackGameTest {
  // card numbers: rank = card % 13; 0 = ace, 4 = five, 5 = six, 6 = seven, 7 = eight, 8 = nine, 9 = ten, 12 = king
  private static List<Integer> deck(Integer... top) {
    List<Integer> d = new ArrayList<>(List.of(top));
    for (int i = 0; i < 20; i++) {
      d.add(1); // twos underneath
    }
    return d;
  }

  @Test
  void naturalBlackjackPaysThreeToTwo() {
    BlackjackGame g = BlackjackGame.dealFrom(100, deck(0, 8, 12, 6));
    assertThat(g.status()).isEqualTo(Status.BLACKJACK);
    assertThat(g.payout()).isEqualTo(250);
    assertThat(BlackjackGame.dealFrom(3, deck(0, 8, 12, 6)).payout()).as("3:2 rounds down").isEqualTo(7);
  }

  @Test
  void dealerStandsOnSeventeen() {
    BlackjackGame g = BlackjackGame.dealFrom(100, deck(9, 9, 7, 6)).stand();
    assertThat(g.dealer()).hasSize(2);
    assertThat(g.status()).isEqualTo(Status.PLAYER_WIN);
    assertThat(g.payout()).isEqualTo(200);
  }

  @Test
  void dealerDrawsBelowSeventeen() {
    BlackjackGame g = BlackjackGame.dealFrom(100, deck(9, 9, 8, 5, 4)).stand();
    assertThat(BlackjackGame.total(g.dealer())).isEqualTo(21);
    assertThat(g.status()).isEqualTo(Status.DEALER_WIN);
    assertThat(g.payout()).isZero();
  }

  @Test
  void doubleDownDoublesTheBetTakesOneCardAndStands() {
    BlackjackGame g = BlackjackGame.dealFrom(100, deck(4, 9, 5, 6, 22)).doubleDown();
    assertThat(g.player()).hasSize(3);
    assertThat(g.bet()).isEqualTo(200);
    assertThat(g.doubled()).isTrue();
    assertThat(g.status()).isEqualTo(Status.PLAYER_WIN);
    assertThat(g.payout()).isEqualTo(400);
    assertThatThrownBy(() -> BlackjackGame.dealFrom(100, deck(4, 9, 5, 6, 1)).hit().doubleDown())
        .isInstanceOf(IllegalStateException.class).hasMessage("double down only on the first two cards");
  }

  @Test
  void bustLosesAndEndsTheGame() {
    BlackjackGame g = BlackjackGame.dealFrom(100, deck(9, 9, 5, 6, 9)).hit();
    assertThat(g.status()).isEqualTo(Status.DEALER_WIN);
    assertThatThrownBy(g::stand).isInstanceOf(IllegalStateException.class)
        .hasMessage("cannot stand: game is over (DEALER_WIN)");
  }

  @Test
  void equalTotalsPushAndReturnTheBet() {
    BlackjackGame g = BlackjackGame.dealFrom(100, deck(9, 9, 6, 6)).stand();
    assertThat(g.status()).isEqualTo(Status.PUSH);
    assertThat(g.payout()).isEqualTo(100);
  }

  @Test
  void acesCountElevenUnlessThatBusts() {
    assertThat(BlackjackGame.total(List.of(0, 0))).isEqualTo(12);
    assertThat(BlackjackGame.total(List.of(0, 9))).isEqualTo(21);
    assertThat(BlackjackGame.total(List.of(0, 9, 9))).isEqualTo(21);
  }

  @Test
  void injectedRandomnessMakesDealsReproducibleAndStateRoundTrips() {
    BlackjackGame a = BlackjackGame.deal(10, new Random(42));
    BlackjackGame b = BlackjackGame.deal(10, new Random(42));
    assertThat(a).isEqualTo(b);
    assertThat(a.deck().size() + a.player().size() + a.dealer().size()).isEqualTo(52);
    assertThat(BlackjackGame.decode(a.encode())).isEqualTo(a);
    assertThat(BlackjackGame.deal(10, new Random(43))).isNotEqualTo(a);
  }
}
