package dev.fragkit.greatshot.highlight;

import static dev.fragkit.greatshot.testing.Kills.head;
import static dev.fragkit.greatshot.testing.Kills.kill;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.fragkit.greatshot.analysis.Kill;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The reference tool's verified outputs (greatshot-reference.md §1.3.6), with our documented fixes. */
class ReferenceParityTest {
  private final HighlightEngine engine = HighlightEngine.builder()
      .rule(MultiKillRule.multiKill()).rule(MultiKillRule.burst()).rule(new SpreeRule()).rule(new HeadshotRule())
      .build();

  @Test
  void goldenSampleThreeKillsGiveMultiAndBurstWithReferenceScores() {
    List<Kill> kills = List.of(kill(5000, 1, 34), kill(7400, 1, 34), kill(9000, 1, 34));

    assertThat(engine.detect(kills)).extracting(Highlight::type, Highlight::startMs, Highlight::endMs,
            Highlight::score, Highlight::explanation)
        .containsExactly(
            tuple("multi_kill", 5000, 9000, 30.0, "3 kills in 4.00s"),
            tuple("burst_multi_kill", 5000, 9000, 30.0, "3 kills in 4.00s"));
  }

  @Test
  void referenceTestEventsGiveTheReferenceOrderAndScores() {
    // A (client 1) head-kills at 1000, 2200, 2900, body kill at 5200; F (client 40) kills A at 9000.
    List<Kill> kills = List.of(head(1000, 1, 33), head(2200, 1, 34), head(2900, 1, 35), kill(5200, 1, 36, false),
        kill(9000, 40, 1));

    assertThat(engine.detect(kills)).extracting(Highlight::type, Highlight::startMs, Highlight::endMs,
            Highlight::score, Highlight::explanation)
        .containsExactly(
            tuple("burst_multi_kill", 1000, 5200, 46.0, "4 kills in 4.20s"),
            tuple("multi_kill", 1000, 2900, 36.0, "3 kills in 1.90s"),
            tuple("burst_multi_kill", 1000, 2900, 36.0, "3 kills in 1.90s"),
            tuple("multi_kill", 2200, 5200, 34.0, "3 kills in 3.00s"),
            tuple("spree", 1000, 5200, 28.0, "4 kills without dying"),
            tuple("aim_moment", 1000, 2900, 27.0, "3 headshot kills in 1.90s"),
            tuple("quick_headshot_chain", 1000, 2200, 12.0, "Headshot burst: 2 in 1.20s"));
  }

  @Test
  void killsAtZeroTwoThousandAndFourThousandOneGiveOnlyABurst() {
    List<Kill> kills = List.of(kill(0, 1, 33), kill(2000, 1, 34), kill(4001, 1, 35));

    assertThat(engine.detect(kills)).extracting(Highlight::type).containsExactly("burst_multi_kill");
  }

  @Test
  void twoHeadKillsAtTheSameMillisecondAreAChainOfZeroSeconds() {
    List<Kill> kills = List.of(head(700, 1, 33), head(700, 1, 34));

    assertThat(engine.detect(kills)).extracting(Highlight::type, Highlight::explanation)
        .containsExactly(tuple("quick_headshot_chain", "Headshot burst: 2 in 0.00s"));
  }

  @Test
  void secondsRoundTheExactBinaryValueHalfEvenLikePython() {
    // 1005 ms = 1.00499999999999989... s in binary: Python's %.2f gives 1.00 where HALF_UP would give 1.01.
    assertThat(Seconds.of(1005)).isEqualTo("1.00");
    assertThat(Seconds.of(1375)).isEqualTo("1.38");
    assertThat(Seconds.of(3475)).isEqualTo("3.48");
    assertThat(Seconds.of(125)).as("0.125 is exact in binary: a true tie, to even").isEqualTo("0.12");
    for (long ms = 0; ms <= 300_000; ms++) {
      String exact = new java.math.BigDecimal(ms / 1000.0).setScale(2, java.math.RoundingMode.HALF_EVEN).toPlainString();
      if (!Seconds.of(ms).equals(exact)) {
        throw new AssertionError(ms + " ms: " + Seconds.of(ms) + " != " + exact);
      }
    }
  }
}
