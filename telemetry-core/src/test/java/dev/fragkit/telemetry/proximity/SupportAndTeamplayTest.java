package dev.fragkit.telemetry.proximity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Support uptime and teamplay on hand-built rounds whose answers are worked out in the comments. */
class SupportAndTeamplayTest {
  private final ProximityParser parser = ProximityParser.defaults();
  private final ProximityAggregations agg = ProximityAggregations.defaults();

  /** An ENGAGEMENTS row; {@code attackers} as written in the file. */
  private static String eng(int id, int start, int end, String target, String team, String outcome,
      int damage, String killer, int numAttackers, String crossfire, String delay, String participants,
      String distance, String attackers) {
    return id + ";" + start + ";" + end + ";" + (end - start) + ";" + target + ";" + target + ";" + team
        + ";" + outcome + ";" + damage + ";" + killer + ";" + killer + ";" + numAttackers + ";" + crossfire
        + ";" + delay + ";" + participants + ";0.0;0.0;0.0;0.0;0.0;0.0;" + distance + ";;" + attackers;
  }

  private static String track(String guid, String team, int spawn, int death, String... points) {
    return guid + ";" + guid + ";" + team + ";SOLDIER;" + spawn + ";" + death + ";;killed;" + points.length
        + ";" + String.join("|", points);
  }

  private static String pt(int t, double x, double y) {
    return t + "," + x + "," + y + ",0.0,100,0.0,8,0,0,sample";
  }

  private ProximityFile supportRound() {
    return parser.parse(String.join("\n",
        "# ENGAGEMENTS",
        // B targeted 1000..2000 -> B in combat [1000, 3500]; E attacker 1000..1900 -> E [1000, 3400].
        eng(1, 1000, 2000, "B", "AXIS", "escaped", 40, "", 1, "0", "", "", "0.0", "E,E,ALLIES,40,2,1000,1900,0,0:0"),
        // E targeted 5000..6000 by C -> C in combat [5000, 7500].
        eng(2, 5000, 6000, "E", "ALLIES", "killed", 100, "C", 1, "0", "", "", "0.0", "C,C,AXIS,100,3,5000,6000,1,8:3;"),
        "# PLAYER_TRACKS",
        track("A", "AXIS", 0, 0,
            pt(0, 0, 0),        // nobody of AXIS in combat                                   -> no
            pt(1000, 100, 0),   // B in combat, B@1000 (500,0) is 400 away                      -> yes
            pt(2000, 100, 0),   // B in combat, B@2000 (800,0) is 700 away (E is an enemy)      -> no
            pt(3000, 500, 0),   // B in combat (<= 3500), nearest B point @2000 (1000 ms) 300 away -> yes
            pt(5000, 0, 0),     // C in combat, nearest C point @4000 (3000,3000) far            -> no
            pt(6500, 0, 0),     // C alive (dies 6500, inclusive) in combat, C@6500 10 away      -> yes
            pt(7000, 0, 0)),    // C dead                                                       -> no
        track("B", "AXIS", 0, 0, pt(1000, 500, 0), pt(2000, 800, 0)),   // A never in combat; C only later
        track("C", "AXIS", 4000, 6500, pt(4000, 3000, 3000), pt(6500, 10, 0)), // B out of combat by then
        track("E", "ALLIES", 0, 6000, pt(2000, 150, 0))));               // no teammates
  }

  @Test
  void supportUptimeCountsSamplesWithAnAliveTeammateInCombatNearby() {
    SupportUptime s = agg.supportUptime(supportRound());
    assertThat(s.perPlayer()).containsExactly(
        Map.entry("A", new SupportUptime.Counts(3, 7)),
        Map.entry("B", new SupportUptime.Counts(0, 2)),
        Map.entry("C", new SupportUptime.Counts(0, 2)),
        Map.entry("E", new SupportUptime.Counts(0, 1)));
    assertThat(s.supportSamples()).isEqualTo(3);
    assertThat(s.totalSamples()).isEqualTo(12);
    assertThat(s.uptimePercent()).isEqualByComparingTo("25.00");
    assertThat(s.perPlayer().get("A").uptimePercent()).isEqualTo(new BigDecimal("42.86")); // 300/7
  }

  @Test
  void supportUptimeHonoursThePositionDeltaAndDistance() {
    // With a 999 ms delta, A@3000 has no B point close enough in time (nearest is 1000 ms away).
    SupportUptime tight = agg.toBuilder().supportPositionDeltaMs(999).build().supportUptime(supportRound());
    assertThat(tight.perPlayer().get("A")).isEqualTo(new SupportUptime.Counts(2, 7));
    assertThat(tight.uptimePercent()).isEqualTo(new BigDecimal("16.67")); // 200/12
    // With 750 units, A@2000 (700 away from B) becomes supported too.
    SupportUptime wide = agg.toBuilder().supportDistance(750).build().supportUptime(supportRound());
    assertThat(wide.perPlayer().get("A")).isEqualTo(new SupportUptime.Counts(4, 7));
    // Without the 1500 ms "recent combat" tail, A@3000 (B's engagement ended at 2000) and A@6500
    // (C's last hit was at 6000) are unsupported; only A@1000 remains.
    SupportUptime noTail = agg.toBuilder().combatRecentMs(0).build().supportUptime(supportRound());
    assertThat(noTail.perPlayer().get("A")).isEqualTo(new SupportUptime.Counts(1, 7));
    assertThat(agg.supportUptime(parser.parse("# ENGAGEMENTS\n")).uptimePercent())
        .isEqualTo(new BigDecimal("0.00"));
  }

  @Test
  void longTracksAreThinnedToTheSampleCap() {
    StringBuilder points = new StringBuilder();
    for (int i = 0; i < 450; i++) {
      points.append(i == 0 ? "" : "|").append(pt(i * 200, 0, 0));
    }
    ProximityFile f = parser.parse("# PLAYER_TRACKS\nA;A;AXIS;SOLDIER;0;0;;unknown;450;" + points);
    // 450 points, cap 200: stride floor(450/200) = 2 -> points 0, 2, ..., 448 = 225 samples.
    assertThat(agg.toBuilder().supportMaxSamplesPerTrack(200).build().supportUptime(f).totalSamples())
        .isEqualTo(225);
    assertThat(agg.supportUptime(f).totalSamples()).isEqualTo(450);
    assertThatThrownBy(() -> ProximityAggregations.builder().supportMaxSamplesPerTrack(199))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("supportMaxSamplesPerTrack < 200: 199");
    assertThatThrownBy(() -> ProximityAggregations.builder().supportDistance(0))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("supportDistance <= 0: 0.0");
  }

  @Test
  void teamplayCountsFocusCrossfireSoloAndTrades() {
    ProximityFile f = parser.parse(String.join("\n",
        "# ENGAGEMENTS",
        eng(1, 1000, 2000, "V", "AXIS", "killed", 100, "K", 2, "1", "300", "K,H", "50.0",
            "K,K,ALLIES,70,3,1000,1900,1,8:3;|H,H,ALLIES,30,1,1300,1300,0,0:0"),
        eng(2, 5000, 8000, "V", "AXIS", "escaped", 20, "", 1, "0", "", "", "400.0",
            "K,K,ALLIES,20,1,5000,5000,0,0:0"),
        eng(3, 9000, 9500, "K", "ALLIES", "killed", 100, "W", 1, "0", "", "", "10.0",
            "W,W,AXIS,100,2,9000,9500,1,3:2;"),
        eng(4, 10000, 11000, "W", "AXIS", "escaped", 60, "", 3, "1", "0", "K,H", "0.0",
            "K,K,ALLIES,30,1,10000,10000,0,0:0|H,H,ALLIES,20,1,10000,10000,0,0:0|J,J,ALLIES,10,1,10500,10500,0,0:0"),
        "# TRADE_KILLS",
        "9500;9900;400;K;K;W;W;H;Hh"));
    assertThat(f.errors()).isEmpty();
    List<PlayerTeamplay> t = agg.teamplay(f);
    assertThat(t).extracting(PlayerTeamplay::guid).containsExactly("V", "K", "H", "W", "J");
    // V: targeted in 1 (focused, killed) and 2 (solo, escaped); damage 100+20; distance 50+400; 1000+3000 ms.
    assertThat(t.get(0)).isEqualTo(new PlayerTeamplay("V", "V", 2, 120, 1, 0, 1, 1, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 450.0, 4000));
    // K: targeted in 3 (solo death); crossfire in 1 (kill, final blow, 70 dmg, delay 300) and 4
    // (30 dmg, delay 0); solo attacker in 2 without the kill.
    assertThat(t.get(1)).isEqualTo(new PlayerTeamplay("K", "K", 1, 100, 0, 0, 0, 0, 1,
        2, 1, 1, 100, 300, 2, 1, 0, 0, 10.0, 500));
    assertThat(t.get(1).averageCrossfireDelayMs()).hasValue(150.0);
    // H: crossfire in 1 (a kill, not H's blow) and 4; one trade kill (the name stays the one of
    // H's last engagement row, not the TRADE_KILLS spelling).
    assertThat(t.get(2)).isEqualTo(new PlayerTeamplay("H", "H", 0, 0, 0, 0, 0, 0, 0,
        2, 1, 0, 50, 300, 2, 0, 0, 1, 0.0, 0));
    // W: targeted in 4 (focused by 3, escaped); solo killer in 3.
    assertThat(t.get(3)).isEqualTo(new PlayerTeamplay("W", "W", 1, 60, 1, 1, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 1, 1, 0, 0.0, 1000));
    assertThat(t.get(3).averageEngagementDurationMs()).hasValue(1000.0);
    // J: attacker in a crossfire without being a participant, and not alone: nothing counted.
    assertThat(t.get(4)).isEqualTo(new PlayerTeamplay("J", "J", 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0.0, 0));
    assertThat(t.get(4).averageEscapeDistance()).isEmpty();
  }
}
