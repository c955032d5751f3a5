package dev.fragkit.telemetry.proximity;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The sections of a tracker file in write order, with the minimum field count of a row (fewer →
 * the row is rejected), the tracker version that introduced it and the capability flag that gates
 * it (null for ungated sections). Source: greatshot-reference.md §3.3 and §3.5.
 */
public enum Section {
  ENGAGEMENTS(24, "4", "engagement_tracking",
      "id;start_time;end_time;duration;target_guid;target_name;target_team;outcome;total_damage;killer_guid;killer_name;num_attackers;is_crossfire;crossfire_delay;crossfire_participants;start_x;start_y;start_z;end_x;end_y;end_z;distance_traveled;positions;attackers"),
  PLAYER_TRACKS(9, "4", null,
      "guid;name;team;class;spawn_time;death_time;first_move_time;death_type;samples;path"),
  KILL_HEATMAP(4, "4", "heatmap_generation",
      "grid_x;grid_y;axis_kills;allies_kills"),
  MOVEMENT_HEATMAP(5, "4", "heatmap_generation",
      "grid_x;grid_y;traversal;combat;escape"),
  OBJECTIVE_FOCUS(7, "4", null,
      "guid;name;team;objective;avg_distance;time_within_radius_ms;samples"),
  REACTION_METRICS(13, "4.2", "reaction_tracking",
      "engagement_id;target_guid;target_name;target_team;target_class;outcome;num_attackers;return_fire_ms;dodge_reaction_ms;support_reaction_ms;start_time;end_time;duration"),
  SPAWN_TIMING(10, "5", "spawn_timing",
      "killer_guid;killer_name;killer_team;victim_guid;victim_name;victim_team;kill_time;enemy_spawn_interval;time_to_next_spawn;spawn_timing_score;killer_reinf;victim_reinf"),
  TEAM_COHESION(10, "5", "team_cohesion",
      "time;team;alive_count;centroid_x;centroid_y;dispersion;max_spread;straggler_count;buddy_pair_guids;buddy_distance"),
  CROSSFIRE_OPPORTUNITIES(9, "5", "crossfire_opportunities",
      "time;target_guid;target_name;target_team;teammate1_guid;teammate2_guid;angular_separation;was_executed;damage_within_window"),
  FOCUS_FIRE(8, "5", "focus_fire",
      "engagement_id;target_guid;target_name;attacker_count;attacker_guids;total_damage;duration;focus_score"),
  TEAM_PUSHES(10, "5", "team_push_detection",
      "start_time;end_time;team;avg_speed;direction_x;direction_y;alignment_score;push_quality;participant_count;toward_objective"),
  TRADE_KILLS(9, "5", "trade_kills",
      "original_kill_time;traded_kill_time;delta_ms;original_victim_guid;original_victim_name;original_killer_guid;original_killer_name;trader_guid;trader_name"),
  REVIVES(11, "5", null,
      "time;medic_guid;medic_name;revived_guid;revived_name;x;y;z;distance_to_enemy;nearest_enemy_guid;under_fire"),
  WEAPON_ACCURACY(8, "5", null,
      "player_guid;player_name;team;weapon_id;shots_fired;hits;kills;headshots"),
  KILL_OUTCOME(14, "5.1", "kill_outcome_tracking",
      "kill_time;victim_guid;victim_name;killer_guid;killer_name;kill_mod;outcome;outcome_time;delta_ms;effective_denied_ms;gibber_guid;gibber_name;reviver_guid;reviver_name"),
  HIT_REGIONS(8, "5.2", "hit_region_tracking",
      "time;attacker_guid;attacker_name;victim_guid;victim_name;weapon;region;damage"),
  COMBAT_POSITIONS(18, "5.2", "combat_positions",
      "time;event;atk_guid;atk_name;atk_team;atk_class;vic_guid;vic_name;vic_team;vic_class;ax;ay;az;vx;vy;vz;weapon;mod;killer_health;axis_alive;allies_alive"),
  SHOT_FIRED(8, "6.02", "shot_fired",
      "time;guid;weapon;ox;oy;oz;yaw;pitch"),
  AIM_LOCK(11, "6.10", "aim_lock",
      "start_time;end_time;duration_ms;guid;name;team;target_guid;target_name;avg_err_deg;avg_dist;samples"),
  SPAWN_SELECT(6, "6.10", "spawn_select",
      "time;guid;name;team;spawn_index;last_spawn_time"),
  SKILL_SNAPSHOT(10, "6.10", "skill_snapshot",
      "guid;name;team;battle_sense;engineering;first_aid;signals;light_weapons;heavy_weapons;covertops"),
  COMM_EVENTS(6, "6.10", "comm_events",
      "time;guid;name;team;cmd;arg"),
  CARRIER_EVENTS(20, "6", "carrier_tracking",
      "carrier_guid;carrier_name;carrier_team;flag_team;pickup_time;drop_time;duration_ms;outcome;carry_distance;beeline_distance;efficiency;path_samples;pickup_x;pickup_y;pickup_z;drop_x;drop_y;drop_z;killer_guid;killer_name"),
  CARRIER_KILLS(10, "6", "carrier_tracking",
      "kill_time;carrier_guid;carrier_name;carrier_team;killer_guid;killer_name;killer_team;means_of_death;carrier_distance_at_kill;flag_team"),
  CARRIER_RETURNS(11, "6", "carrier_returns",
      "return_time;returner_guid;returner_name;returner_team;flag_team;original_carrier_guid;drop_time;return_delay_ms;drop_x;drop_y;drop_z"),
  VEHICLE_PROGRESS(12, "6", "vehicle_tracking",
      "vehicle_name;vehicle_type;start_x;start_y;start_z;end_x;end_y;end_z;total_distance;max_health;final_health;destroyed_count"),
  ESCORT_CREDIT(9, "6", "vehicle_tracking",
      "player_guid;player_name;player_team;vehicle_name;mounted_time_ms;proximity_time_ms;total_escort_distance;credit_distance;samples"),
  CONSTRUCTION_EVENTS(9, "6", "construction_tracking",
      "event_time;event_type;player_guid;player_name;player_team;track_name;player_x;player_y;player_z"),
  OBJECTIVE_RUNS(21, "6.01", "objective_run_tracking",
      "engineer_guid;engineer_name;engineer_team;action_type;track_name;action_time;approach_time_ms;approach_distance;beeline_distance;path_efficiency;self_kills;team_kills;escort_guids;enemies_nearby;nearby_teammates;run_type;obj_x;obj_y;obj_z;killer_guid;killer_name");

  private static final Map<String, Section> BY_NAME = new HashMap<>();

  static {
    for (Section s : values()) {
      BY_NAME.put(s.name(), s);
    }
  }

  private final int minFields;
  private final String since;
  private final @Nullable String capability;
  private final List<String> columns;

  Section(int minFields, String since, @Nullable String capability, String columns) {
    this.minFields = minFields;
    this.since = since;
    this.capability = capability;
    this.columns = List.of(columns.split(";"));
  }

  /**
   * The documented column names in file order (greatshot-reference.md §3.4); {@link LineError#field()}
   * uses these names. Optional trailing columns (PLAYER_TRACKS death_type before v4.1, SPAWN_TIMING
   * reinforcement columns, the last three COMBAT_POSITIONS columns) are included.
   */
  public List<String> columns() {
    return columns;
  }

  public int minFields() {
    return minFields;
  }

  /** Tracker version that introduced the section. */
  public String since() {
    return since;
  }

  /** The capability flag gating the section, if any. */
  public Optional<String> capability() {
    return Optional.ofNullable(capability);
  }

  static @Nullable Section byName(String name) {
    return BY_NAME.get(name);
  }
}
