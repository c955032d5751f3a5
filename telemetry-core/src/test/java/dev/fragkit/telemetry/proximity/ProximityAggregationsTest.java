package dev.fragkit.telemetry.proximity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProximityAggregationsTest {
  private final ProximityAggregations agg = ProximityAggregations.defaults();
  private final ProximityParser parser = ProximityParser.defaults();

  private static String engagement(int id, int end, String target, String team, String outcome,
      String killer, boolean cross, int delay, String participants, String endPos, String attackers) {
    return id + ";" + (end - 1000) + ";" + end + ";1000;" + target + ";" + target + ";" + team + ";"
        + outcome + ";100;" + killer + ";" + killer + ";2;" + (cross ? "1;" + delay + ";" + participants : "0;;")
        + ";0;0;0;" + endPos + ";0;;" + attackers;
  }

  private static String track(String guid, String team, int spawn, int death, String points) {
    return guid + ";" + guid + ";" + team + ";SOLDIER;" + spawn + ";" + death + ";;killed;1;" + points;
  }

  private static String point(int t, double x, double y) {
    return t + "," + x + "," + y + ",0.0,100,0.0,8,0,0,sample";
  }

  private ProximityFile scenario() {
    return parser.parse(String.join("\n",
        "# ENGAGEMENTS",
        // V (AXIS) killed by K at t=10000 at (0,0); crossfire K+H.
        engagement(1, 10000, "V", "AXIS", "killed", "K", true, 300, "K,H", "0.0;0.0;0.0",
            "K,K,ALLIES,70,3,9000,9900,1,8:3;|H,H,ALLIES,30,1,9300,9300,0,0:0"),
        // K (ALLIES) then killed by T1 at t=12000: T1 hit K first at 11000.
        engagement(2, 12000, "K", "ALLIES", "killed", "T1", false, 0, "", "100.0;0.0;0.0",
            "T1,T1,AXIS,100,2,11000,12000,1,3:2;"),
        // V2 (AXIS) killed by Z at t=50000 at (5000,5000), nobody near.
        engagement(3, 50000, "V2", "AXIS", "killed", "Z", true, 500, "Z,K,H", "5000.0;5000.0;0.0",
            "Z,Z,ALLIES,50,1,49000,49000,1,0:0|K,K,ALLIES,20,1,49100,49100,0,0:0|H,H,ALLIES,10,1,49400,49400,0,0:0"),
        // An escape: no trade event.
        engagement(4, 60000, "T2", "AXIS", "escaped", "", false, 0, "", "0.0;0.0;0.0", "K,K,ALLIES,5,1,59000,59000,0,0:0"),
        "# PLAYER_TRACKS",
        track("T1", "AXIS", 0, 0, point(9500, 300, 400) + "|" + point(20000, 6000, 6000)),
        track("T2", "AXIS", 0, 0, point(10000, 2000, 0) + "|" + point(49900, 6400, 5000)),
        track("T3", "AXIS", 0, 8000, point(7900, 10, 10)),
        track("V", "AXIS", 0, 10000, point(9800, 0, 0)),
        track("K", "ALLIES", 0, 12000, point(11800, 100, 0))));
  }

  @Test
  void positionHeatmapBinsEveryTrackSampleOn512Grid() {
    Map<GridCell, Long> heat = agg.positionHeatmap(scenario());
    assertThat(heat).containsEntry(new GridCell(0, 0), 4L) // (300,400) (10,10) (0,0) (100,0)
        .containsEntry(new GridCell(3, 0), 1L)     // (2000, 0)
        .containsEntry(new GridCell(11, 11), 1L)   // (6000, 6000)
        .containsEntry(new GridCell(12, 9), 1L);   // (6400, 5000)
    assertThat(heat.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(7);
  }

  @Test
  void killLocationsFallBackToEngagementsAndBinDeaths() {
    ProximityFile f = scenario();
    List<KillLocation> kills = agg.killLocations(f);
    assertThat(kills).extracting(KillLocation::victimGuid).containsExactly("V", "K", "V2");
    assertThat(kills).allSatisfy(k -> assertThat(k.source()).isEqualTo("engagements"));
    assertThat(agg.deathHeatmap(f)).containsEntry(new GridCell(0, 0), 2L).containsEntry(new GridCell(9, 9), 1L);
    assertThat(agg.killHeatmap(f)).isEmpty();

    ProximityFile withPositions = parser.parse(ProximityParserTest.DOCUMENTED_V6);
    assertThat(agg.killLocations(withPositions)).first().satisfies(k -> {
      assertThat(k.source()).isEqualTo("combat_positions");
      assertThat(k.killerPosition()).isEqualTo(new Position(700, -300, 0));
    });
    assertThat(agg.killHeatmap(withPositions)).containsEntry(new GridCell(1, -1), 2L);
  }

  @Test
  void tradeEventsFollowTheReferenceRules() {
    List<TradeEvent> trades = agg.tradeEvents(scenario());
    assertThat(trades).hasSize(3);

    TradeEvent v = trades.get(0);
    assertThat(v.victimGuid()).isEqualTo("V");
    assertThat(v.opportunities()).as("T1 at 500 units; T2 at 2000; T3 dead").containsExactly("T1");
    assertThat(v.attempts()).containsExactly("T1");
    assertThat(v.successes()).containsExactly("T1");
    assertThat(v.missed()).isEmpty();
    assertThat(v.isolated()).isFalse();
    assertThat(v.nearestTeammateDistance()).isEqualTo(500.0);

    TradeEvent v2 = trades.get(2);
    assertThat(v2.victimGuid()).isEqualTo("V2");
    assertThat(v2.opportunities()).isEmpty();
    assertThat(v2.isolated()).as("nearest teammate T2 is 1400 away").isTrue();
    assertThat(v2.nearestTeammateDistance()).isEqualTo(1400.0);

    TradeEvent k = trades.get(1);
    assertThat(k.victimGuid()).isEqualTo("K");
    assertThat(k.opportunities()).isEmpty();
    assertThat(k.isolated()).as("no located teammate").isTrue();
    assertThat(k.nearestTeammateDistance()).isNull();
  }

  @Test
  void missedTradeWhenTeammateNearButNobodyReacts() {
    ProximityFile f = parser.parse(String.join("\n",
        "# ENGAGEMENTS",
        engagement(1, 10000, "V", "AXIS", "killed", "K", false, 0, "", "0.0;0.0;0.0", "K,K,ALLIES,100,1,9500,9500,1,0:0"),
        "# PLAYER_TRACKS",
        track("M", "AXIS", 0, 0, point(11400, 0, 700))));
    TradeEvent t = agg.tradeEvents(f).get(0);
    assertThat(t.opportunities()).containsExactly("M");
    assertThat(t.missed()).containsExactly("M");
  }

  @Test
  void crossfirePairsCountKillsDamageAndDelay() {
    List<CrossfirePair> pairs = agg.crossfirePairs(scenario());
    assertThat(pairs).containsExactly(
        new CrossfirePair("H", "K", 2, 2, 70 + 30 + 20 + 10, 400.0),
        new CrossfirePair("H", "Z", 1, 1, 60, 500.0),
        new CrossfirePair("K", "Z", 1, 1, 70, 500.0));
  }
}
