package dev.fragkit.greatshot.highlight;

import static dev.fragkit.greatshot.testing.Kills.kill;
import static dev.fragkit.greatshot.testing.Kills.suicide;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.fragkit.greatshot.analysis.AliveTracker;
import dev.fragkit.greatshot.analysis.Kill;
import dev.fragkit.greatshot.analysis.LifeTimeline;
import dev.fragkit.greatshot.analysis.TeamLife;
import dev.fragkit.greatshot.demo.Team;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** clutch and team_wipe against explicit alive/dead state (LifeTimeline), and with unknown state. */
class AliveStateRulesTest {
  /** Axis 1,2,3 and allies 33,34,35 all spawn at 0. */
  private static LifeTimeline.Builder threeVsThree() {
    LifeTimeline.Builder b = LifeTimeline.builder();
    for (int c : new int[] {1, 2, 3}) {
      b.spawn(0, c, Team.AXIS);
    }
    for (int c : new int[] {33, 34, 35}) {
      b.spawn(0, c, Team.ALLIES);
    }
    return b;
  }

  private static List<Highlight> run(HighlightRule rule, List<Kill> kills, AliveTracker alive) {
    return HighlightEngine.builder().rule(rule).build().detect(KillTimeline.of(kills), alive);
  }

  @Test
  void lifeTimelineAnswersTheStateAfterTransitionsAtOrBeforeTheTime() {
    LifeTimeline t = threeVsThree().death(1000, 2).spawn(5000, 2, Team.AXIS).build();

    assertThat(t.team(Team.AXIS, -1)).isEmpty();
    assertThat(t.team(Team.AXIS, 999)).get().extracting(TeamLife::alive).isEqualTo(Set.of(1, 2, 3));
    assertThat(t.team(Team.AXIS, 1000)).get().extracting(TeamLife::alive, TeamLife::aliveSinceMs)
        .containsExactly(Set.of(1, 3), 1000);
    assertThat(t.team(Team.AXIS, 5000)).get().extracting(TeamLife::alive).isEqualTo(Set.of(1, 2, 3));
  }

  @Test
  void clutchNeedsTheLastOneAliveAndAtLeastTwoKills() {
    // axis 2 and 3 die at 1000/1100; axis 1 then kills 33 and 34 while alone.
    List<Kill> kills = List.of(kill(1000, 33, 2), kill(1100, 34, 3), kill(2000, 1, 33), kill(2500, 1, 34));
    LifeTimeline alive = threeVsThree().death(1000, 2).death(1100, 3).death(2000, 33).death(2500, 34).build();

    assertThat(run(new ClutchRule(), kills, alive))
        .extracting(Highlight::client, Highlight::startMs, Highlight::endMs, Highlight::kills, Highlight::score,
            Highlight::explanation)
        .containsExactly(tuple(1, 2000, 2500, 2, 24.0, "2 kills as the last one alive on axis (1v3)"));
  }

  @Test
  void oneKillWhileAloneIsNotAClutch() {
    List<Kill> kills = List.of(kill(1000, 33, 2), kill(1100, 34, 3), kill(2000, 1, 33));
    LifeTimeline alive = threeVsThree().death(1000, 2).death(1100, 3).death(2000, 33).build();

    assertThat(run(new ClutchRule(), kills, alive)).isEmpty();
  }

  @Test
  void aTeammateComingBackSplitsTheSituation() {
    // 1 alone kills 33, teammate 2 respawns at 2200 and dies again at 2300, 1 alone kills 34: two 1-kill
    // situations, no clutch.
    List<Kill> kills = List.of(kill(1000, 33, 2), kill(1100, 34, 3), kill(2000, 1, 33), kill(2300, 35, 2),
        kill(2500, 1, 34));
    LifeTimeline alive = threeVsThree().death(1000, 2).death(1100, 3).death(2000, 33).spawn(2200, 2, Team.AXIS)
        .death(2300, 2).death(2500, 34).build();

    assertThat(run(new ClutchRule(), kills, alive)).isEmpty();
  }

  @Test
  void killsWhileTeammatesLiveAreNotClutch() {
    List<Kill> kills = List.of(kill(2000, 1, 33), kill(2500, 1, 34));
    LifeTimeline alive = threeVsThree().death(2000, 33).death(2500, 34).build();

    assertThat(run(new ClutchRule(), kills, alive)).isEmpty();
  }

  @Test
  void unknownAliveStateReportsNothingRatherThanGuess() {
    List<Kill> kills = List.of(kill(1000, 33, 2), kill(1100, 34, 3), kill(2000, 1, 33), kill(2500, 1, 34),
        kill(2600, 1, 35));

    assertThat(run(new ClutchRule(), kills, AliveTracker.UNKNOWN)).isEmpty();
    assertThat(run(new TeamWipeRule(), kills, AliveTracker.UNKNOWN)).isEmpty();
  }

  @Test
  void teamWipeWhenEveryLivingEnemyDiesWithinTheWindow() {
    List<Kill> kills = List.of(kill(1000, 1, 33), kill(4000, 2, 34), kill(11000, 1, 35));
    LifeTimeline alive = threeVsThree().death(1000, 33).death(4000, 34).death(11000, 35).build();

    assertThat(run(new TeamWipeRule(), kills, alive))
        .extracting(Highlight::type, Highlight::client, Highlight::startMs, Highlight::endMs, Highlight::score,
            Highlight::explanation)
        .containsExactly(tuple("team_wipe", 1, 1000, 11000, 24.0, "axis wiped out allies: 3 kills in 10.00s"));
  }

  @Test
  void teamWipeWindowIsInclusiveAndOneMsOverFails() {
    List<Kill> kills = List.of(kill(1000, 1, 33), kill(4000, 2, 34), kill(11001, 1, 35));
    LifeTimeline alive = threeVsThree().death(1000, 33).death(4000, 34).death(11001, 35).build();

    assertThat(run(new TeamWipeRule(), kills, alive)).isEmpty();
  }

  @Test
  void aSuicideInTheWindowSpoilsTheWipe() {
    List<Kill> kills = List.of(kill(1000, 1, 33), suicide(2000, 34), kill(3000, 1, 35));
    LifeTimeline alive = threeVsThree().death(1000, 33).death(2000, 34).death(3000, 35).build();

    assertThat(run(new TeamWipeRule(), kills, alive)).isEmpty();
  }

  @Test
  void tooFewVictimsIsNoWipe() {
    // allies 33 and 34 were already dead before the window; only 35 dies in it.
    List<Kill> kills = List.of(kill(0, 1, 33), kill(100, 1, 34), kill(20000, 2, 35));
    LifeTimeline alive = threeVsThree().death(0, 33).death(100, 34).death(20000, 35).build();

    assertThat(run(new TeamWipeRule(), kills, alive)).isEmpty();
  }
}
