package dev.fragkit.telemetry.proximity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProximityParserTest {
  private final ProximityParser parser = ProximityParser.defaults();

  /** Rows written exactly as greatshot-reference.md §3.2–3.4 documents them. */
  static final String DOCUMENTED_V6 = String.join("\n",
      "# PROXIMITY_TRACKER_V6",
      "# map=supply",
      "# round=2",
      "# crossfire_window=1000",
      "# escape_time=5000",
      "# escape_distance=300",
      "# position_sample_interval=200",
      "# round_start_unix=1767225600",
      "# round_end_unix=1767226800",
      "# axis_spawn_interval=30000",
      "# allies_spawn_interval=20000",
      "# tracker_version_full=6.11",
      "# test_mode=0",
      "# capabilities=engagement_tracking:1,crossfire_detection:1,spawn_select:0,comm_events:0",
      "# ENGAGEMENTS",
      "# id;start_time;end_time;duration;target_guid;target_name;target_team;outcome;total_damage;killer_guid;killer_name;num_attackers;is_crossfire;crossfire_delay;crossfire_participants;start_x;start_y;start_z;end_x;end_y;end_z;distance_traveled;positions;attackers",
      "1;12000;13500;1500;AAAA1111;^1Victim;AXIS;killed;140;BBBB2222;Killer;2;1;350;BBBB2222,CCCC3333;"
          + "100.0;200.0;0.0;150.5;260.0;8.0;78.3;"
          + "12000,100.0,200.0,0.0,start|12200,120.0,230.0,0.0,hit|13500,150.5,260.0,8.0,death;"
          + "BBBB2222,Killer,ALLIES,100,4,12200,13400,1,8:3;10:1;|CCCC3333,Helper,ALLIES,40,1,12550,12550,0,0:0",
      "2;20000;26000;6000;DDDD4444;Runner;ALLIES;escaped;25;;;1;0;;;0.0;0.0;0.0;400.0;0.0;0.0;400.0;"
          + "20000,0.0,0.0,0.0,start|26000,400.0,0.0,0.0,escape;EEEE5555,Shooter,AXIS,25,1,20000,20000,0,3:1;",
      "",
      "# PLAYER_TRACKS",
      "# guid;name;team;class;spawn_time;death_time;first_move_time;death_type;samples;path",
      "AAAA1111;^1Victim;AXIS;MEDIC;10000;13500;10400;killed;3;"
          + "10000,90.0,190.0,0.0,100,0.0,8,0,0,spawn|10200,95.0,195.0,0.0,100,180.5,8,1,1,sample|"
          + "13500,150.5,260.0,8.0,0,0.0,8,0,0,killed",
      "FFFF6666;Camper;AXIS;SOLDIER;10000;0;;unknown;1;10000,-600.0,-10.0,0.0,100,0.0,3,2,0,spawn",
      "",
      "# KILL_HEATMAP",
      "# grid_x;grid_y;axis_kills;allies_kills",
      "0;0;0;1",
      "",
      "# MOVEMENT_HEATMAP",
      "# grid_x;grid_y;traversal;combat;escape",
      "-2;-1;12;0;1",
      "",
      "# REACTION_METRICS",
      "# engagement_id;target_guid;target_name;target_team;target_class;outcome;num_attackers;return_fire_ms;dodge_reaction_ms;support_reaction_ms;start_time;end_time;duration",
      "1;AAAA1111;^1Victim;AXIS;MEDIC;killed;2;420;;1100;12000;13500;1500",
      "",
      "# TRADE_KILLS",
      "# original_kill_time;traded_kill_time;delta_ms;original_victim_guid;original_victim_name;original_killer_guid;original_killer_name;trader_guid;trader_name",
      "13500;15200;1700;AAAA1111;^1Victim;BBBB2222;Killer;FFFF6666;Camper",
      "",
      "# WEAPON_ACCURACY",
      "# player_guid;player_name;team;weapon_id;shots_fired;hits;kills;headshots",
      "BBBB2222;Killer;ALLIES;8;10;14;1;0",
      "",
      "# KILL_OUTCOME",
      "# kill_time;victim_guid;victim_name;killer_guid;killer_name;kill_mod;outcome;outcome_time;delta_ms;effective_denied_ms;gibber_guid;gibber_name;reviver_guid;reviver_name",
      "# outcome: gibbed|revived|tapped_out|round_end|expired",
      "13500;AAAA1111;^1Victim;BBBB2222;Killer;8;revived;16000;2500;2500;;;GGGG7777;Medic",
      "",
      "# TEAM_PUSHES",
      "# start_time;end_time;team;avg_speed;direction_x;direction_y;alignment_score;push_quality;participant_count;toward_objective",
      "30000;34000;ALLIES;210.0;0.600;0.800;0.900;1.260;4;truck",
      "",
      "# SHOT_FIRED",
      "# time;guid;weapon;ox;oy;oz;yaw;pitch",
      "# yaw/pitch from ps.viewangles (runtime-validated binding)",
      "12150;BBBB2222;8;-120.9;455;24;91.25;-12.50",
      "",
      "# COMBAT_POSITIONS",
      "# time;event;atk_guid;atk_name;atk_team;atk_class;vic_guid;vic_name;vic_team;vic_class;ax;ay;az;vx;vy;vz;weapon;mod;killer_health;axis_alive;allies_alive",
      "13500;kill;BBBB2222;Killer;ALLIES;SOLDIER;AAAA1111;^1Victim;AXIS;MEDIC;700;-300;0;150;260;8;8;8;76;5;4",
      "14000;kill;BBBB2222;Killer;ALLIES;SOLDIER;FFFF6666;Camper;AXIS;SOLDIER;600;-20;0;-600;-10;0;8;8",
      "");

  @Test
  void documentedExampleParsesIntoTypedRecords() {
    ProximityFile f = parser.parse(DOCUMENTED_V6);

    assertThat(f.errors()).isEmpty();
    ProximityHeader h = f.header();
    assertThat(h.trackerVersion()).isEqualTo(6);
    assertThat(h.magicPresent()).isTrue();
    assertThat(h.map()).isEqualTo("supply");
    assertThat(h.round()).isEqualTo(2);
    assertThat(h.roundStartUnix()).isEqualTo(1767225600L);
    assertThat(h.axisSpawnIntervalMs()).isEqualTo(30000);
    assertThat(h.trackerVersionFull()).isEqualTo("6.11");
    assertThat(h.testMode()).isFalse();
    assertThat(h.capabilities()).containsExactly(Map.entry("engagement_tracking", true),
        Map.entry("crossfire_detection", true), Map.entry("spawn_select", false), Map.entry("comm_events", false));

    Engagement e = f.engagements().get(0);
    assertThat(e.id()).isEqualTo(1);
    assertThat(e.targetName()).isEqualTo("^1Victim");
    assertThat(e.killed()).isTrue();
    assertThat(e.killerGuid()).isEqualTo("BBBB2222");
    assertThat(e.crossfire()).isTrue();
    assertThat(e.crossfireDelay()).isEqualTo(350);
    assertThat(e.crossfireParticipants()).containsExactly("BBBB2222", "CCCC3333");
    assertThat(e.end()).isEqualTo(new Position(150.5, 260.0, 8.0));
    assertThat(e.positions()).extracting(PathPoint::event).containsExactly("start", "hit", "death");
    assertThat(e.attackers()).hasSize(2);
    Attacker killer = e.attackers().get(0);
    assertThat(killer.gotKill()).isTrue();
    assertThat(killer.weapons()).containsExactly(Map.entry(8, 3), Map.entry(10, 1));
    assertThat(e.attackers().get(1).weapons()).isEmpty();

    Engagement esc = f.engagements().get(1);
    assertThat(esc.outcome()).isEqualTo("escaped");
    assertThat(esc.killerGuid()).isNull();
    assertThat(esc.killerName()).isNull();
    assertThat(esc.crossfire()).isFalse();
    assertThat(esc.crossfireDelay()).isNull();
    assertThat(esc.attackers().get(0).weapons()).containsExactly(Map.entry(3, 1));

    PlayerTrack t = f.tracks().get(0);
    assertThat(t.deathTime()).isEqualTo(13500);
    assertThat(t.deathType()).isEqualTo("killed");
    assertThat(t.path()).hasSize(3);
    assertThat(t.path().get(1).sprint()).isTrue();
    assertThat(t.path().get(1).stance()).isEqualTo(1);
    PlayerTrack camper = f.tracks().get(1);
    assertThat(camper.deathTime()).as("0 means no death").isNull();
    assertThat(camper.firstMoveTime()).isNull();
    assertThat(camper.deathType()).as("unknown becomes null").isNull();

    assertThat(f.killHeatmap()).containsExactly(new KillHeatCell(0, 0, 0, 1));
    assertThat(f.movementHeatmap()).containsExactly(new MovementHeatCell(-2, -1, 12, 0, 1));
    ReactionMetric rm = f.reactionMetrics().get(0);
    assertThat(rm.returnFireMs()).isEqualTo(420);
    assertThat(rm.dodgeReactionMs()).isNull();
    assertThat(rm.supportReactionMs()).isEqualTo(1100);
    assertThat(f.tradeKills().get(0).deltaMs()).isEqualTo(1700);
    assertThat(f.weaponAccuracy().get(0).hits()).as("hits clamped to shots").isEqualTo(10);
    assertThat(f.killOutcomes()).singleElement().satisfies(k -> {
      assertThat(k.outcome()).isEqualTo("revived");
      assertThat(k.gibberGuid()).isNull();
      assertThat(k.reviverGuid()).isEqualTo("GGGG7777");
    });
    assertThat(f.teamPushes()).singleElement().satisfies(p -> {
      assertThat(p.pushQuality()).as("clamped").isEqualTo(1.0);
      assertThat(p.objective()).hasValue("truck");
    });
    assertThat(f.shotsFired()).singleElement().satisfies(s -> {
      assertThat(s.originX()).as("truncated toward zero").isEqualTo(-120);
      assertThat(s.originY()).isEqualTo(455);
      assertThat(s.pitch()).isEqualTo(-12.5);
    });
    assertThat(f.combatPositions()).hasSize(2);
    assertThat(f.combatPositions().get(0).killerHealth()).isEqualTo(76);
    assertThat(f.combatPositions().get(1).killerHealth()).as("18-field row").isNull();
    assertThat(f.sectionsWithRows()).containsExactlyInAnyOrder(Section.ENGAGEMENTS, Section.PLAYER_TRACKS,
        Section.KILL_HEATMAP, Section.MOVEMENT_HEATMAP, Section.REACTION_METRICS, Section.TRADE_KILLS,
        Section.WEAPON_ACCURACY, Section.KILL_OUTCOME, Section.TEAM_PUSHES, Section.SHOT_FIRED,
        Section.COMBAT_POSITIONS);
  }

  @Test
  void v4FileWithoutMagicHasNineFieldTracksAndTrackerDefaults() {
    String v4 = String.join("\n",
        "# map=goldrush",
        "# round=1",
        "# ENGAGEMENTS",
        "# PLAYER_TRACKS",
        "AAAA1111;Old;ALLIES;ENGINEER;0;;1200;2;0,0.0,0.0,0.0,100,0.0,8,0,0,spawn|200,10.0,0.0,0.0,100,50.0,8,0,0,sample");
    ProximityFile f = parser.parse(v4);
    assertThat(f.errors()).isEmpty();
    assertThat(f.header().trackerVersion()).isEqualTo(4);
    assertThat(f.header().magicPresent()).isFalse();
    assertThat(f.header().positionSampleIntervalMs()).isEqualTo(200);
    assertThat(f.header().capabilitiesDeclared()).isFalse();
    PlayerTrack t = f.tracks().get(0);
    assertThat(t.deathType()).isNull();
    assertThat(t.deathTime()).isNull();
    assertThat(t.firstMoveTime()).isEqualTo(1200);
    assertThat(t.samples()).isEqualTo(2);
    assertThat(f.inferredCapabilities()).isEmpty();
  }

  @Test
  void malformedLinesAreCollectedAndTheRestIsParsed() {
    String text = String.join("\n",
        "# PROXIMITY_TRACKER_V5",
        "# crossfire_window=abc",
        "# capabilities=engagement_tracking:1,broken,aim_lock:7",
        "orphan;row",
        "# KILL_HEATMAP",
        "1;2;3",
        "1;x;3;4",
        "5;6;7;8",
        "# ENGAGEMENTS",
        "1;0;1;1;G;N;AXIS;killed;5;K;KN;1;0;;;0;0;0;0;0;0;0;1,2,3;",
        "# WEAPON_ACCURACY",
        "G;N;AXIS;8;-1;0;0;0",
        "# SOME_FUTURE_SECTION",
        "a;b;c");
    ProximityFile f = parser.parse(text);

    assertThat(f.errors()).extracting(LineError::line, LineError::section, LineError::message).containsExactly(
        org.assertj.core.groups.Tuple.tuple(2, "HEADER", "crossfire_window not an integer: 'abc'"),
        org.assertj.core.groups.Tuple.tuple(3, "HEADER", "capability entry without ':': broken"),
        org.assertj.core.groups.Tuple.tuple(3, "HEADER", "capability aim_lock not 0 or 1: '7'"),
        org.assertj.core.groups.Tuple.tuple(4, "HEADER", "data row outside any section"),
        org.assertj.core.groups.Tuple.tuple(6, "KILL_HEATMAP", "KILL_HEATMAP row has 3 fields, needs at least 4"),
        org.assertj.core.groups.Tuple.tuple(7, "KILL_HEATMAP", "field 2 (grid_y) not an integer: 'x'"),
        org.assertj.core.groups.Tuple.tuple(10, "ENGAGEMENTS", "field 23 (positions) point '1,2,3' has 3 parts, needs 5"),
        org.assertj.core.groups.Tuple.tuple(12, "WEAPON_ACCURACY", "field 5 (shots_fired) negative: '-1'"));
    assertThat(f.errors()).extracting(LineError::field, LineError::value).containsExactly(
        org.assertj.core.groups.Tuple.tuple("crossfire_window", "abc"),
        org.assertj.core.groups.Tuple.tuple("capabilities", "broken"),
        org.assertj.core.groups.Tuple.tuple("capability aim_lock", "7"),
        org.assertj.core.groups.Tuple.tuple(null, null),
        org.assertj.core.groups.Tuple.tuple(null, null),
        org.assertj.core.groups.Tuple.tuple("grid_y", "x"),
        org.assertj.core.groups.Tuple.tuple("positions", "1,2,3"),
        org.assertj.core.groups.Tuple.tuple("shots_fired", "-1"));
    assertThat(f.header().trackerVersion()).isEqualTo(5);
    assertThat(f.header().crossfireWindowMs()).as("default kept").isEqualTo(1000);
    assertThat(f.header().capabilities()).containsExactly(Map.entry("engagement_tracking", true));
    assertThat(f.killHeatmap()).containsExactly(new KillHeatCell(5, 6, 7, 8));
    assertThat(f.engagements()).isEmpty();
    assertThat(f.unknownSections().get("SOME_FUTURE_SECTION")).singleElement()
        .satisfies(r -> assertThat(r.fields()).containsExactly("a", "b", "c"));
    assertThat(f.errors().get(3).text()).isEqualTo("orphan;row");
  }

  @Test
  void generatedFileWithEverySectionParsesCompletely() {
    String text = ProximityFileGenerator.generate(42, 25);
    ProximityFile f = parser.parse(text);
    assertThat(f.errors()).isEmpty();
    assertThat(f.sectionsWithRows()).isEqualTo(EnumSet.allOf(Section.class));
    assertThat(f.engagements()).hasSize(25);
    assertThat(f.tracks()).hasSize(25);
    assertThat(f.combatPositions()).hasSize(25);
    assertThat(f.teamPushes()).hasSize(25).allSatisfy(p -> assertThat(p.pushQuality()).isBetween(0.0, 1.0));
    assertThat(f.shotsFired()).hasSize(25);
    assertThat(f.killOutcomes()).hasSize(25);
    for (Section s : Section.values()) {
      assertThat(f.rows(s)).as(s.name()).hasSize(25);
    }
    assertThat(f.aimLocks()).hasSize(25);
    assertThat(f.objectiveRuns()).hasSize(25);
    assertThat(f.unknownSections()).isEmpty();
    assertThat(f.header().capabilities()).containsEntry("objective_run_tracking", true).hasSize(22);
    assertThat(f.inferredCapabilities()).isEqualTo(f.header().capabilities());
  }

  @Test
  void crlfAndInvalidUtf8AreTolerated() throws IOException {
    String text = ProximityFileGenerator.generate(7, 5);
    ProximityFile lf = parser.parse(text);
    ProximityFile crlf = parser.parse(text.replace("\n", "\r\n"));
    assertThat(crlf.engagements()).isEqualTo(lf.engagements());
    assertThat(crlf.tracks()).isEqualTo(lf.tracks());

    byte[] bytes = "# KILL_HEATMAP\n1;2;3;4\n\u00ff".getBytes(StandardCharsets.ISO_8859_1);
    ProximityFile bad = parser.parse(new ByteArrayInputStream(bytes));
    assertThat(bad.killHeatmap()).hasSize(1);
    assertThat(bad.errors()).singleElement()
        .satisfies(e -> assertThat(e.message()).startsWith("KILL_HEATMAP row has 1 fields"));
  }

  @Test
  void overlongLinesAreRejectedWithoutReadingThemIntoMemory() {
    ProximityParser small = ProximityParser.withLimits(100, 10);
    String text = "# KILL_HEATMAP\n" + "9".repeat(5000) + "\n1;2;3;4\n";
    ProximityFile f = small.parse(text);
    assertThat(f.killHeatmap()).containsExactly(new KillHeatCell(1, 2, 3, 4));
    assertThat(f.errors()).singleElement().satisfies(e -> {
      assertThat(e.line()).isEqualTo(2);
      assertThat(e.message()).isEqualTo("line of 5000 characters exceeds maxLineChars 100 (ProximityParser.maxLineChars)");
    });
  }

  @Test
  void errorListIsCapped() {
    StringBuilder sb = new StringBuilder("# KILL_HEATMAP\n");
    for (int i = 0; i < 50; i++) {
      sb.append("bad\n");
    }
    ProximityFile f = ProximityParser.withLimits(1000, 5).parse(sb.toString());
    assertThat(f.errors()).hasSize(6);
    assertThat(f.errors().get(5).message()).isEqualTo("45 further errors not recorded (ProximityParser.maxErrors 5)");
    assertThatThrownBy(() -> ProximityParser.withLimits(0, 1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxLineChars < 1: 0");
  }

  @Test
  void fileNamesYieldTimeMapAndRound() {
    assertThat(ProximityFileName.parse("2026-01-05-223015-et_ice-round-2_engagements.txt")).hasValue(
        new ProximityFileName(LocalDateTime.of(2026, 1, 5, 22, 30, 15), "et_ice", 2));
    assertThat(ProximityFileName.parse("2026-13-05-223015-x-round-2_engagements.txt")).isEmpty();
    assertThat(ProximityFileName.parse("notes.txt")).isEmpty();
  }

  @Test
  void randomGarbageNeverThrows() {
    java.util.Random rnd = new java.util.Random(99);
    String base = ProximityFileGenerator.generate(3, 4);
    for (int round = 0; round < 200; round++) {
      char[] c = base.toCharArray();
      for (int k = 0; k < 20; k++) {
        c[rnd.nextInt(c.length)] = ";|,:#\n0a-".charAt(rnd.nextInt(9));
      }
      ProximityFile f = parser.parse(new String(c));
      // Every row is either parsed or reported: nothing silently vanishes.
      long dataLines = new String(c).lines().map(String::strip)
          .filter(l -> !l.isEmpty() && !l.startsWith("#")).count();
      long parsed = f.rows().values().stream().mapToLong(List::size).sum()
          + f.unknownSections().values().stream().mapToLong(List::size).sum();
      long rowErrors = f.errors().stream().filter(e -> !e.text().startsWith("#")).count();
      assertThat(parsed + rowErrors).as("round %d", round).isEqualTo(dataLines);
    }
  }
}
