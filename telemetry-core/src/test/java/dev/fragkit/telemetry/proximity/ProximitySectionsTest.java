package dev.fragkit.telemetry.proximity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every documented section: typed round trip, malformed variants and documented value ranges. */
class ProximitySectionsTest {
  private final ProximityParser parser = ProximityParser.defaults();

  private ProximityFile parseRow(Section s, String line) {
    return parser.parse("# PROXIMITY_TRACKER_V6\n# " + s.name() + "\n# " + String.join(";", s.columns())
        + "\n" + line + "\n");
  }

  private String[] fields(Section s, String line) {
    return ProximityParser.split(line, ';', s == Section.ENGAGEMENTS ? 24 : Integer.MAX_VALUE);
  }

  @Test
  void everySectionRoundTripsGeneratedRowsIntoEqualTypedRecords() {
    Random r = new Random(20261122);
    for (Section s : Section.values()) {
      for (int i = 0; i < 200; i++) {
        ProximityRow expected = ProximityFileGenerator.randomRow(s, r, i);
        String line = ProximityFileGenerator.format(expected);
        ProximityFile f = parseRow(s, line);
        assertThat(f.errors()).as("%s: %s", s, line).isEmpty();
        // Record equality compares every component, i.e. every field of the line.
        assertThat(f.rows(s)).as("%s: %s", s, line).containsExactly(expected);
        assertThat(f.sectionsWithRows()).containsExactly(s);
      }
    }
  }

  @Test
  void everySectionHasItsDocumentedColumnsAndMinimumFieldCount() {
    assertThat(Section.values()).hasSize(29);
    Map<Section, Integer> documented = new EnumMap<>(Section.class);
    for (Section s : Section.values()) {
      documented.put(s, s.columns().size());
    }
    // §3.5 minimum counts; the columns beyond them are the optional trailing ones.
    assertThat(documented).containsEntry(Section.ENGAGEMENTS, 24).containsEntry(Section.PLAYER_TRACKS, 10)
        .containsEntry(Section.SPAWN_TIMING, 12).containsEntry(Section.COMBAT_POSITIONS, 21)
        .containsEntry(Section.OBJECTIVE_RUNS, 21).containsEntry(Section.CARRIER_EVENTS, 20);
    for (Section s : Section.values()) {
      int optional = switch (s) {
        case PLAYER_TRACKS -> 1;
        case SPAWN_TIMING -> 2;
        case COMBAT_POSITIONS -> 3;
        default -> 0;
      };
      assertThat(s.columns()).as(s.name()).hasSize(s.minFields() + optional);
    }
  }

  @Test
  void tooFewFieldsInAnySectionIsALineErrorWithoutAField() {
    Random r = new Random(1);
    for (Section s : Section.values()) {
      String line = ProximityFileGenerator.format(ProximityFileGenerator.randomRow(s, r, 0));
      String[] f = fields(s, line);
      String shortLine = String.join(";", Arrays.copyOf(f, s.minFields() - 1));
      ProximityFile parsed = parseRow(s, shortLine);
      assertThat(parsed.rows(s)).as(s.name()).isEmpty();
      assertThat(parsed.errors()).as(s.name()).singleElement().satisfies(e -> {
        assertThat(e.line()).isEqualTo(4);
        assertThat(e.section()).isEqualTo(s.name());
        assertThat(e.field()).isNull();
        assertThat(e.message()).isEqualTo(s.name() + " row has " + (s.minFields() - 1)
            + " fields, needs at least " + s.minFields());
      });
    }
  }

  /**
   * Columns that are free text (any value is valid). Every other column has a type (integer,
   * number, 0/1 flag, enumerated value or structured list) and must reject {@code x}.
   */
  private static final Map<Section, Set<String>> TEXT = new EnumMap<>(Map.ofEntries(
      Map.entry(Section.ENGAGEMENTS, Set.of("target_guid", "target_name", "target_team", "outcome",
          "killer_guid", "killer_name", "crossfire_participants")),
      Map.entry(Section.PLAYER_TRACKS, Set.of("guid", "name", "team", "class", "death_type")),
      Map.entry(Section.KILL_HEATMAP, Set.of()),
      Map.entry(Section.MOVEMENT_HEATMAP, Set.of()),
      Map.entry(Section.OBJECTIVE_FOCUS, Set.of("guid", "name", "team", "objective")),
      Map.entry(Section.REACTION_METRICS, Set.of("target_guid", "target_name", "target_team",
          "target_class", "outcome")),
      Map.entry(Section.SPAWN_TIMING, Set.of("killer_guid", "killer_name", "killer_team", "victim_guid",
          "victim_name", "victim_team")),
      Map.entry(Section.TEAM_COHESION, Set.of("team")),
      Map.entry(Section.CROSSFIRE_OPPORTUNITIES, Set.of("target_guid", "target_name", "target_team",
          "teammate1_guid", "teammate2_guid")),
      Map.entry(Section.FOCUS_FIRE, Set.of("target_guid", "target_name", "attacker_guids")),
      Map.entry(Section.TEAM_PUSHES, Set.of("team", "toward_objective")),
      Map.entry(Section.TRADE_KILLS, Set.of("original_victim_guid", "original_victim_name",
          "original_killer_guid", "original_killer_name", "trader_guid", "trader_name")),
      Map.entry(Section.REVIVES, Set.of("medic_guid", "medic_name", "revived_guid", "revived_name",
          "nearest_enemy_guid")),
      Map.entry(Section.WEAPON_ACCURACY, Set.of("player_guid", "player_name", "team")),
      Map.entry(Section.KILL_OUTCOME, Set.of("victim_guid", "victim_name", "killer_guid", "killer_name",
          "outcome", "gibber_guid", "gibber_name", "reviver_guid", "reviver_name")),
      Map.entry(Section.HIT_REGIONS, Set.of("attacker_guid", "attacker_name", "victim_guid", "victim_name")),
      Map.entry(Section.COMBAT_POSITIONS, Set.of("event", "atk_guid", "atk_name", "atk_team", "atk_class",
          "vic_guid", "vic_name", "vic_team", "vic_class")),
      Map.entry(Section.SHOT_FIRED, Set.of("guid")),
      Map.entry(Section.AIM_LOCK, Set.of("guid", "name", "team", "target_guid", "target_name")),
      Map.entry(Section.SPAWN_SELECT, Set.of("guid", "name", "team")),
      Map.entry(Section.SKILL_SNAPSHOT, Set.of("guid", "name", "team")),
      Map.entry(Section.COMM_EVENTS, Set.of("guid", "name", "team")),
      Map.entry(Section.CARRIER_EVENTS, Set.of("carrier_guid", "carrier_name", "carrier_team", "flag_team",
          "killer_guid", "killer_name")),
      Map.entry(Section.CARRIER_KILLS, Set.of("carrier_guid", "carrier_name", "carrier_team", "killer_guid",
          "killer_name", "killer_team", "flag_team")),
      Map.entry(Section.CARRIER_RETURNS, Set.of("returner_guid", "returner_name", "returner_team",
          "flag_team", "original_carrier_guid")),
      Map.entry(Section.VEHICLE_PROGRESS, Set.of("vehicle_name", "vehicle_type")),
      Map.entry(Section.ESCORT_CREDIT, Set.of("player_guid", "player_name", "player_team", "vehicle_name")),
      Map.entry(Section.CONSTRUCTION_EVENTS, Set.of("player_guid", "player_name", "player_team",
          "track_name")),
      Map.entry(Section.OBJECTIVE_RUNS, Set.of("engineer_guid", "engineer_name", "engineer_team",
          "track_name", "escort_guids", "killer_guid", "killer_name"))));

  /** Columns whose validity depends on another field of the row (checked separately below). */
  private static final Set<String> DEPENDENT = Set.of("ENGAGEMENTS.crossfire_delay", "COMM_EVENTS.arg",
      "OBJECTIVE_RUNS.action_type");

  @Test
  void aNonNumericValueInAnyTypedColumnIsALineErrorNamingFieldAndValue() {
    assertThat(TEXT.keySet()).containsExactlyInAnyOrder(Section.values());
    Random r = new Random(2);
    int typedColumnsChecked = 0;
    for (Section s : Section.values()) {
      String line = ProximityFileGenerator.format(ProximityFileGenerator.randomRow(s, r, 3));
      String[] f = fields(s, line);
      for (int i = 0; i < f.length; i++) {
        String column = s.columns().get(i);
        if (DEPENDENT.contains(s + "." + column)) {
          continue;
        }
        String[] bad = f.clone();
        bad[i] = "x";
        ProximityFile parsed = parseRow(s, String.join(";", bad));
        if (TEXT.get(s).contains(column)) {
          assertThat(parsed.errors()).as("%s.%s is text", s, column).isEmpty();
          continue;
        }
        typedColumnsChecked++;
        assertThat(parsed.rows(s)).as("%s.%s", s, column).isEmpty();
        assertThat(parsed.errors()).as("%s.%s", s, column).singleElement().satisfies(e -> {
          assertThat(e.field()).isEqualTo(column);
          assertThat(e.value()).isEqualTo("x");
          assertThat(e.section()).isEqualTo(s.name());
          assertThat(e.message()).contains(column).contains("'x'");
        });
      }
    }
    assertThat(typedColumnsChecked).isGreaterThan(150);
  }

  private record Bad(Section section, String column, String value, String message) {}

  @Test
  void valuesOutsideTheDocumentedRangesAreLineErrors() {
    List<Bad> cases = List.of(
        new Bad(Section.HIT_REGIONS, "region", "4", "field 7 (region) outside 0..3: '4'"),
        new Bad(Section.HIT_REGIONS, "damage", "-3", "field 8 (damage) outside 0..: '-3'"),
        new Bad(Section.CROSSFIRE_OPPORTUNITIES, "angular_separation", "30.0",
            "field 7 (angular_separation) outside 45.0..180.0: '30.0'"),
        new Bad(Section.CROSSFIRE_OPPORTUNITIES, "was_executed", "2", "field 8 (was_executed) not 0 or 1: '2'"),
        new Bad(Section.FOCUS_FIRE, "attacker_count", "1", "field 4 (attacker_count) outside 2..: '1'"),
        new Bad(Section.FOCUS_FIRE, "focus_score", "1.500", "field 8 (focus_score) outside 0.0..1.0: '1.500'"),
        new Bad(Section.AIM_LOCK, "duration_ms", "300", null),
        new Bad(Section.AIM_LOCK, "avg_err_deg", "12.5", "field 9 (avg_err_deg) outside 0.0..10.0: '12.5'"),
        new Bad(Section.AIM_LOCK, "avg_dist", "3500", "field 10 (avg_dist) outside 0..3000: '3500'"),
        new Bad(Section.AIM_LOCK, "samples", "0", "field 11 (samples) outside 1..: '0'"),
        new Bad(Section.SPAWN_TIMING, "spawn_timing_score", "1.200",
            "field 10 (spawn_timing_score) outside 0.0..1.0: '1.200'"),
        new Bad(Section.TEAM_COHESION, "alive_count", "1", "field 3 (alive_count) outside 2..: '1'"),
        new Bad(Section.TEAM_COHESION, "buddy_pair_guids", "AAAA+",
            "field 9 (buddy_pair_guids) not two GUIDs joined by '+': 'AAAA+'"),
        new Bad(Section.CARRIER_EVENTS, "efficiency", "1.200", "field 11 (efficiency) outside 0.0..1.0: '1.200'"),
        new Bad(Section.CARRIER_EVENTS, "outcome", "eaten", "field 8 (outcome) not one of killed, dropped, "
            + "secured, round_end, disconnected, shutdown: 'eaten'"),
        new Bad(Section.CARRIER_RETURNS, "return_delay_ms", "40000",
            "field 8 (return_delay_ms) outside 0..35000: '40000'"),
        new Bad(Section.ESCORT_CREDIT, "samples", "0", "field 9 (samples) outside 1..: '0'"),
        new Bad(Section.CONSTRUCTION_EVENTS, "event_type", "dynamite_eaten", null),
        new Bad(Section.SKILL_SNAPSHOT, "signals", "-1", "field 7 (signals) outside 0..: '-1'"),
        new Bad(Section.WEAPON_ACCURACY, "hits", "-2", "field 6 (hits) negative: '-2'"),
        new Bad(Section.KILL_HEATMAP, "axis_kills", "-1", "field 3 (axis_kills) outside 0..: '-1'"),
        new Bad(Section.VEHICLE_PROGRESS, "destroyed_count", "-1", "field 12 (destroyed_count) outside 0..: '-1'"),
        new Bad(Section.VEHICLE_PROGRESS, "start_x", "12.5", "field 3 (start_x) not an integer: '12.5'"),
        new Bad(Section.REVIVES, "distance_to_enemy", "-1.0",
            "field 9 (distance_to_enemy) outside 0.0..: '-1.0'"),
        new Bad(Section.OBJECTIVE_FOCUS, "samples", "-1", "field 7 (samples) outside 0..: '-1'"),
        new Bad(Section.CARRIER_KILLS, "carrier_distance_at_kill", "NaN",
            "field 9 (carrier_distance_at_kill) not a number: 'NaN'"),
        new Bad(Section.SPAWN_SELECT, "time", "-5", "field 1 (time) outside 0..: '-5'"),
        new Bad(Section.OBJECTIVE_RUNS, "run_type", "heroic", null),
        new Bad(Section.COMM_EVENTS, "cmd", "shout", null));
    Random r = new Random(3);
    for (Bad c : cases) {
      String line = ProximityFileGenerator.format(ProximityFileGenerator.randomRow(c.section(), r, 2));
      String[] f = fields(c.section(), line);
      f[c.section().columns().indexOf(c.column())] = c.value();
      ProximityFile parsed = parseRow(c.section(), String.join(";", f));
      assertThat(parsed.rows(c.section())).as(c.toString()).isEmpty();
      assertThat(parsed.errors()).as(c.toString()).singleElement().satisfies(e -> {
        assertThat(e.field()).isEqualTo(c.column());
        assertThat(e.value()).isEqualTo(c.value());
        if (c.message() != null) {
          assertThat(e.message()).isEqualTo(c.message());
        }
      });
    }
  }

  @Test
  void crossFieldRulesOfCommEventsAimLocksAndObjectiveRuns() {
    ProximityFile f = parser.parse(String.join("\n",
        "# COMM_EVENTS",
        "# time;guid;name;team;cmd;arg",
        "1000;G1;Ann;AXIS;vsay;Medic",
        "1100;G1;Ann;AXIS;say_team;hello",
        "1200;G1;Ann;AXIS;vsay_team;" + "x".repeat(33),
        "1300;G1;Ann;AXIS;say;",
        "# AIM_LOCK",
        "# start_time;end_time;duration_ms;guid;name;team;target_guid;target_name;avg_err_deg;avg_dist;samples",
        "5000;6200;1200;G1;Ann;AXIS;G2;Bob;3.5;900;2",
        "5000;4000;1200;G1;Ann;AXIS;G2;Bob;3.5;900;2",
        "5000;6300;1300;G1;Ann;AXIS;G2;Bob;3.5;900;2",
        "# OBJECTIVE_RUNS",
        "E1;Eng;AXIS;approach_killed;bridge;9000;4000;800.0;600.0;0.750;0;1;;2;0;denied;100;200;0;K1;Killer",
        "E1;Eng;AXIS;dynamite_plant;bridge;9000;4000;800.0;600.0;0.750;0;1;;2;0;denied;100;200;0;K1;Killer",
        "E1;Eng;AXIS;approach_killed;bridge;9000;4000;800.0;600.0;0.750;0;1;A|B;2;2;solo;100;200;0;;"));
    assertThat(f.commEvents()).containsExactly(
        new CommEvent(1000, "G1", "Ann", "AXIS", CommCommand.VSAY, "Medic"),
        new CommEvent(1300, "G1", "Ann", "AXIS", CommCommand.SAY, null));
    assertThat(f.aimLocks()).containsExactly(
        new AimLock(5000, 6200, 1200, "G1", "Ann", "AXIS", "G2", "Bob", 3.5, 900, 2));
    assertThat(f.objectiveRuns()).singleElement().satisfies(o -> {
      assertThat(o.runType()).isEqualTo(ObjectiveRunType.DENIED);
      assertThat(o.escortGuids()).isEmpty();
      assertThat(o.objective()).isEqualTo(new Position(100, 200, 0));
      assertThat(o.killerGuid()).isEqualTo("K1");
    });
    List<String> messages = new ArrayList<>();
    f.errors().forEach(e -> messages.add(e.line() + " " + e.field() + " " + e.message()));
    assertThat(messages).containsExactly(
        "4 arg field 6 (arg) must be empty for say_team: 'hello'",
        "5 arg field 6 (arg) longer than 32 characters: '" + "x".repeat(33) + "'",
        "10 end_time field 2 (end_time) outside 5000..: '4000'",
        "11 duration_ms field 3 (duration_ms) outside 400..1200: '1300'",
        "14 action_type field 4 (action_type) must be approach_killed exactly for run_type denied "
            + "(run_type denied): 'dynamite_plant'",
        "15 action_type field 4 (action_type) must be approach_killed exactly for run_type denied "
            + "(run_type solo): 'approach_killed'");
  }

  /**
   * The column lines and comments below are verbatim from greatshot-reference.md §3.4 (the
   * reference gives no literal data rows; the rows are written to its field lists and checked field
   * by field by hand).
   */
  @Test
  void documentedColumnLinesCommentsAndOptionalColumnsParse() {
    ProximityFile f = parser.parse(String.join("\n",
        "# PROXIMITY_TRACKER_V5",
        "# OBJECTIVE_FOCUS",
        "# guid;name;team;objective;avg_distance;time_within_radius_ms;samples",
        "G1;Ann;AXIS;;0.0;0;0",
        "",
        "# SPAWN_TIMING",
        "# killer_guid;killer_name;killer_team;victim_guid;victim_name;victim_team;kill_time;enemy_spawn_interval;time_to_next_spawn;spawn_timing_score;killer_reinf;victim_reinf",
        "K1;Kim;AXIS;V1;Vic;ALLIES;61000;20000;19000;0.950",
        "K1;Kim;AXIS;V1;Vic;ALLIES;61000;0;0;0.000;12.5;19.0",
        "",
        "# TEAM_COHESION",
        "# time;team;alive_count;centroid_x;centroid_y;dispersion;max_spread;straggler_count;buddy_pair_guids;buddy_distance",
        "3500;ALLIES;3;-120.5;40.0;310.2;905.0;1;G7+G9;88.4",
        "",
        "# FOCUS_FIRE",
        "# engagement_id;target_guid;target_name;attacker_count;attacker_guids;total_damage;duration;focus_score",
        "7;V1;Vic;2;K1,K2;140;700;0.880",
        "",
        "# HIT_REGIONS",
        "# time;attacker_guid;attacker_name;victim_guid;victim_name;weapon;region;damage",
        "# region: 0=HEAD, 1=ARMS, 2=BODY, 3=LEGS",
        "12150;K1;Kim;V1;Vic;8;0;50",
        "",
        "# REVIVES",
        "# time;medic_guid;medic_name;revived_guid;revived_name;x;y;z;distance_to_enemy;nearest_enemy_guid;under_fire",
        "20000;M1;Doc;V1;Vic;10.0;20.0;-5.5;0.0;;0",
        "",
        "# CARRIER_EVENTS",
        "# carrier_guid;carrier_name;carrier_team;flag_team;pickup_time;drop_time;duration_ms;outcome;carry_distance;beeline_distance;efficiency;path_samples;pickup_x;pickup_y;pickup_z;drop_x;drop_y;drop_z;killer_guid;killer_name",
        "C1;Cal;ALLIES;AXIS;1000;9000;8000;secured;1200.0;900.0;0.750;40;-10;20;0;800;-500;16;;",
        "",
        "# SOME_V7_SECTION",
        "# a;b",
        "1;2"));
    assertThat(f.errors()).isEmpty();
    assertThat(f.header().trackerVersion()).isEqualTo(5);
    assertThat(f.objectiveFocus()).containsExactly(new ObjectiveFocus("G1", "Ann", "AXIS", null, 0.0, 0, 0));
    assertThat(f.spawnTimings()).containsExactly(
        new SpawnTiming("K1", "Kim", "AXIS", "V1", "Vic", "ALLIES", 61000, 20000, 19000, 0.95, null, null),
        new SpawnTiming("K1", "Kim", "AXIS", "V1", "Vic", "ALLIES", 61000, 0, 0, 0.0, 12.5, 19.0));
    assertThat(f.teamCohesion()).containsExactly(
        new TeamCohesion(3500, "ALLIES", 3, -120.5, 40.0, 310.2, 905.0, 1, "G7", "G9", 88.4));
    assertThat(f.focusFire()).containsExactly(new FocusFire(7, "V1", "Vic", 2, List.of("K1", "K2"), 140, 700, 0.88));
    assertThat(f.hitRegions()).containsExactly(new HitRegion(12150, "K1", "Kim", "V1", "Vic", 8, BodyRegion.HEAD, 50));
    assertThat(f.revives()).containsExactly(
        new Revive(20000, "M1", "Doc", "V1", "Vic", new Position(10.0, 20.0, -5.5), 0.0, null, false));
    assertThat(f.carrierEvents()).containsExactly(new CarrierEvent("C1", "Cal", "ALLIES", "AXIS", 1000, 9000,
        8000, CarrierOutcome.SECURED, 1200.0, 900.0, 0.75, 40, new Position(-10, 20, 0),
        new Position(800, -500, 16), null, null));
    assertThat(f.unknownSections()).containsOnlyKeys("SOME_V7_SECTION");
    assertThat(f.unknownSections().get("SOME_V7_SECTION")).containsExactly(
        new RawRow("SOME_V7_SECTION", 34, List.of("1", "2")));
  }
}
