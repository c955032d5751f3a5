package dev.fragkit.telemetry.proximity;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The sections of a tracker file in write order, with the minimum field count of a row (fewer →
 * the row is rejected), the tracker version that introduced it and the capability flag that gates
 * it (null for ungated sections). Source: greatshot-reference.md §3.3 and §3.5.
 */
public enum Section {
  ENGAGEMENTS(24, "4", "engagement_tracking"),
  PLAYER_TRACKS(9, "4", null),
  KILL_HEATMAP(4, "4", "heatmap_generation"),
  MOVEMENT_HEATMAP(5, "4", "heatmap_generation"),
  OBJECTIVE_FOCUS(7, "4", null),
  REACTION_METRICS(13, "4.2", "reaction_tracking"),
  SPAWN_TIMING(10, "5", "spawn_timing"),
  TEAM_COHESION(10, "5", "team_cohesion"),
  CROSSFIRE_OPPORTUNITIES(9, "5", "crossfire_opportunities"),
  FOCUS_FIRE(8, "5", "focus_fire"),
  TEAM_PUSHES(10, "5", "team_push_detection"),
  TRADE_KILLS(9, "5", "trade_kills"),
  REVIVES(11, "5", null),
  WEAPON_ACCURACY(8, "5", null),
  KILL_OUTCOME(14, "5.1", "kill_outcome_tracking"),
  HIT_REGIONS(8, "5.2", "hit_region_tracking"),
  COMBAT_POSITIONS(18, "5.2", "combat_positions"),
  SHOT_FIRED(8, "6.02", "shot_fired"),
  AIM_LOCK(11, "6.10", "aim_lock"),
  SPAWN_SELECT(6, "6.10", "spawn_select"),
  SKILL_SNAPSHOT(10, "6.10", "skill_snapshot"),
  COMM_EVENTS(6, "6.10", "comm_events"),
  CARRIER_EVENTS(20, "6", "carrier_tracking"),
  CARRIER_KILLS(10, "6", "carrier_tracking"),
  CARRIER_RETURNS(11, "6", "carrier_returns"),
  VEHICLE_PROGRESS(12, "6", "vehicle_tracking"),
  ESCORT_CREDIT(9, "6", "vehicle_tracking"),
  CONSTRUCTION_EVENTS(9, "6", "construction_tracking"),
  OBJECTIVE_RUNS(21, "6.01", "objective_run_tracking");

  private static final Map<String, Section> BY_NAME = new HashMap<>();

  static {
    for (Section s : values()) {
      BY_NAME.put(s.name(), s);
    }
  }

  private final int minFields;
  private final String since;
  private final @Nullable String capability;

  Section(int minFields, String since, @Nullable String capability) {
    this.minFields = minFields;
    this.since = since;
    this.capability = capability;
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
