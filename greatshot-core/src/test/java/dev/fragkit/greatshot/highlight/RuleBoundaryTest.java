package dev.fragkit.greatshot.highlight;

import static dev.fragkit.greatshot.testing.Kills.head;
import static dev.fragkit.greatshot.testing.Kills.kill;
import static dev.fragkit.greatshot.testing.Kills.suicide;
import static dev.fragkit.greatshot.testing.Kills.world;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.fragkit.greatshot.analysis.AliveTracker;
import dev.fragkit.greatshot.analysis.Kill;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every window and count boundary of the stock rules, table-driven. */
class RuleBoundaryTest {
  private static List<Highlight> run(HighlightRule rule, List<Kill> kills) {
    return HighlightEngine.builder().rule(rule).build().detect(KillTimeline.of(kills), AliveTracker.UNKNOWN);
  }

  static Stream<Arguments> multiKillCases() {
    return Stream.of(
        // rule, kill times of client 1, expected (start-end) spans
        Arguments.of("multi_kill", new int[] {0, 1000, 4000}, List.of("0-4000")), // exactly the window
        Arguments.of("multi_kill", new int[] {0, 1000, 4001}, List.of()), // one ms over
        Arguments.of("multi_kill", new int[] {0, 0, 0}, List.of("0-0")), // ties in time: one deduplicated span
        Arguments.of("multi_kill", new int[] {0, 1000}, List.of()), // below the minimum
        Arguments.of("multi_kill", new int[] {0, 1000, 2000, 3000}, List.of("0-3000", "0-2000")), // every right edge; 4 kills score higher
        Arguments.of("burst_multi_kill", new int[] {0, 4000, 8000}, List.of("0-8000")),
        Arguments.of("burst_multi_kill", new int[] {0, 4000, 8001}, List.of()),
        Arguments.of("burst_multi_kill", new int[] {0, 8001, 8002, 8003}, List.of("8001-8003")));
  }

  @ParameterizedTest(name = "{0} at {1} gives {2}")
  @MethodSource("multiKillCases")
  void multiKillWindowsAreInclusive(String type, int[] times, List<String> spans) {
    HighlightRule rule = type.equals("multi_kill") ? MultiKillRule.multiKill() : MultiKillRule.burst();
    List<Kill> kills = new java.util.ArrayList<>();
    for (int i = 0; i < times.length; i++) {
      kills.add(kill(times[i], 1, 33 + i));
    }
    assertThat(run(rule, kills)).extracting(h -> h.startMs() + "-" + h.endMs()).containsExactlyElementsOf(spans);
  }

  @Test
  void deduplicationKeepsTheHigherScoreForTheSameSpan() {
    // Three kills at t=0 and a fourth at 0: right edges 2 and 3 both span 0-0; the 4-kill one wins.
    List<Kill> kills = List.of(kill(0, 1, 33), kill(0, 1, 34), kill(0, 1, 35), kill(0, 1, 36));

    assertThat(run(MultiKillRule.multiKill(), kills)).extracting(Highlight::kills, Highlight::score)
        .containsExactly(tuple(4, 40.0));
  }

  @Test
  void headshotsAddTwoPointsEachToAMultiKill() {
    List<Kill> kills = List.of(head(0, 1, 33), kill(100, 1, 34), head(200, 1, 35));

    assertThat(run(MultiKillRule.multiKill(), kills)).extracting(Highlight::score).containsExactly(34.0);
  }

  static Stream<Arguments> headshotCases() {
    return Stream.of(
        Arguments.of(new int[] {0, 2500}, List.of("quick_headshot_chain 0-2500")), // exactly the window
        Arguments.of(new int[] {0, 2501}, List.of()), // one ms over
        Arguments.of(new int[] {0}, List.of()),
        Arguments.of(new int[] {0, 1000, 2000}, List.of("aim_moment 0-2000", "quick_headshot_chain 0-1000")),
        Arguments.of(new int[] {0, 1000, 2501}, List.of("quick_headshot_chain 0-1000", "quick_headshot_chain 1000-2501")));
  }

  @ParameterizedTest(name = "head kills at {0} give {1}")
  @MethodSource("headshotCases")
  void headshotChainBoundaries(int[] times, List<String> expected) {
    List<Kill> kills = new java.util.ArrayList<>();
    for (int i = 0; i < times.length; i++) {
      kills.add(head(times[i], 1, 33 + i));
    }
    assertThat(run(new HeadshotRule(), kills)).extracting(h -> h.type() + " " + h.startMs() + "-" + h.endMs())
        .containsExactlyElementsOf(expected);
  }

  @Test
  void killsWithUnknownHitRegionAreNotHeadshots() {
    List<Kill> kills = List.of(kill(0, 1, 33), kill(100, 1, 34), kill(200, 1, 35, false));

    assertThat(run(new HeadshotRule(), kills)).isEmpty();
  }

  static Stream<Arguments> spreeCases() {
    return Stream.of(
        Arguments.of(List.of(kill(0, 1, 33), kill(10, 1, 34), kill(20, 1, 35)), List.of()), // 3 < 4
        Arguments.of(List.of(kill(0, 1, 33), kill(10, 1, 34), kill(20, 1, 35), kill(30, 1, 36)), List.of("4@0-30")),
        // six kills: reported once with its final length, not as 4, 5 and 6
        Arguments.of(List.of(kill(0, 1, 33), kill(10, 1, 34), kill(20, 1, 35), kill(30, 1, 36), kill(40, 1, 37),
            kill(50, 1, 38)), List.of("6@0-50")),
        // a death in the middle splits it into two sprees below the minimum
        Arguments.of(List.of(kill(0, 1, 33), kill(10, 1, 34), kill(20, 1, 35), kill(25, 40, 1), kill(30, 1, 36)),
            List.of()),
        // ended by a world death and by a suicide
        Arguments.of(List.of(kill(0, 1, 33), kill(10, 1, 34), kill(20, 1, 35), kill(30, 1, 36), world(40, 1),
            kill(50, 1, 37)), List.of("4@0-30")),
        Arguments.of(List.of(kill(0, 1, 33), kill(10, 1, 34), kill(20, 1, 35), kill(30, 1, 36), suicide(40, 1),
            kill(50, 1, 37)), List.of("4@0-30")),
        // a team kill neither counts nor ends the killer's spree
        Arguments.of(List.of(kill(0, 1, 33), kill(10, 1, 2), kill(20, 1, 34), kill(30, 1, 35), kill(40, 1, 36)),
            List.of("4@0-40")));
  }

  @ParameterizedTest(name = "spree case {index}")
  @MethodSource("spreeCases")
  void spreeIsReportedOncePerSpreeWithItsFinalLength(List<Kill> kills, List<String> expected) {
    assertThat(run(new SpreeRule(), kills)).extracting(h -> h.kills() + "@" + h.startMs() + "-" + h.endMs())
        .containsExactlyElementsOf(expected);
  }

  @Test
  void spreeScoresSevenPerKill() {
    List<Kill> kills = List.of(kill(0, 1, 33), kill(10, 1, 34), kill(20, 1, 35), kill(30, 1, 36), kill(40, 1, 37));
    assertThat(run(new SpreeRule(), kills)).extracting(Highlight::score, Highlight::explanation)
        .containsExactly(tuple(35.0, "5 kills without dying"));
  }

  @Test
  void suicidesTeamKillsAndWorldKillsNeverEarnHighlights() {
    // client 1 kills teammates 2,3,4 in a second, then kills itself; the world kills three allies.
    List<Kill> kills = List.of(kill(0, 1, 2), kill(100, 1, 3), kill(200, 1, 4), suicide(300, 1), world(400, 33),
        world(410, 34), world(420, 35), world(430, 36));

    assertThat(HighlightEngine.standard().detect(kills)).isEmpty();
  }

  static Stream<Arguments> tradeCases() {
    return Stream.of(
        // A=40 kills V=1 at 0; B=2 (V's teammate) kills A at dt
        Arguments.of(List.of(kill(0, 40, 1), kill(3000, 2, 40)), List.of("2:0-3000")), // exactly the window
        Arguments.of(List.of(kill(0, 40, 1), kill(3001, 2, 40)), List.of()), // one ms over
        Arguments.of(List.of(kill(0, 40, 1), kill(0, 2, 40)), List.of("2:0-0")), // same ms, later in the stream
        Arguments.of(List.of(kill(0, 2, 40), kill(0, 40, 1)), List.of()), // killer died first: nothing to trade
        Arguments.of(List.of(kill(0, 40, 1), kill(100, 1, 40)), List.of()), // the victim itself: revenge, not a trade
        Arguments.of(List.of(kill(0, 40, 1), kill(100, 41, 40)), List.of()), // a team kill is no trade
        // A killed two of B's teammates: the latest is the one traded
        Arguments.of(List.of(kill(0, 40, 1), kill(500, 40, 3), kill(900, 2, 40)), List.of("2:500-900")));
  }

  @ParameterizedTest(name = "trade case {index}")
  @MethodSource("tradeCases")
  void tradeKillBoundaries(List<Kill> kills, List<String> expected) {
    assertThat(run(new TradeKillRule(), kills)).extracting(h -> h.client() + ":" + h.startMs() + "-" + h.endMs())
        .containsExactlyElementsOf(expected);
  }

  @Test
  void tradeExplanationNamesBothPlayers() {
    assertThat(run(new TradeKillRule(), List.of(kill(0, 40, 1), kill(1350, 2, 40))))
        .extracting(Highlight::player, Highlight::score, Highlight::explanation)
        .containsExactly(tuple("p2", 10.0, "traded p1 by killing p40 1.35s later"));
  }

  @Test
  void orderingIsScoreThenStartThenEndThenPlayer() {
    List<Highlight> hs = new java.util.ArrayList<>(List.of(
        new Highlight("x", 1, "b", 10, 20, 1, 5, "e"), new Highlight("x", 2, "a", 10, 20, 1, 5, "e"),
        new Highlight("x", 3, "c", 5, 30, 1, 5, "e"), new Highlight("x", 4, "d", 5, 25, 1, 9, "e")));
    hs.sort(HighlightEngine.ORDER);
    assertThat(hs).extracting(Highlight::player).containsExactly("d", "c", "a", "b");
  }

  @Test
  void configRejectsBadValuesNamingTheSetting() {
    assertThatThrownBy(() -> HighlightConfig.builder().multiKillMin(1))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("multiKillMin < 2: 1");
    assertThatThrownBy(() -> HighlightConfig.builder().tradeWindowMs(-1))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("tradeWindowMs < 0: -1");
    assertThatThrownBy(() -> HighlightConfig.builder().quickHeadshotMin(4).aimMomentHeadshots(3).build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("aimMomentHeadshots (3) < quickHeadshotMin (4)");
    assertThat(HighlightConfig.defaults().toBuilder().build()).isEqualTo(HighlightConfig.defaults());
    assertThat(HighlightConfig.defaults().toString()).contains("multiKillWindowMs=4000").contains("spreeMin=4");
  }

  @Test
  void thresholdsComeFromTheConfig() {
    HighlightConfig strict = HighlightConfig.defaults().toBuilder().multiKillWindowMs(1000).build();
    List<Kill> kills = List.of(kill(0, 1, 33), kill(600, 1, 34), kill(1200, 1, 35));
    HighlightEngine engine = HighlightEngine.builder().config(strict).rule(MultiKillRule.multiKill()).build();

    assertThat(engine.detect(kills)).isEmpty();
    assertThat(HighlightEngine.builder().rule(MultiKillRule.multiKill()).build().detect(kills)).hasSize(1);
  }

  @Test
  void anEngineNeedsAtLeastOneRule() {
    assertThatThrownBy(() -> HighlightEngine.builder().build()).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no highlight rules");
  }
}
