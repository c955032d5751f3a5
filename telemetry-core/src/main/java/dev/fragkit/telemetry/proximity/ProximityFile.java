package dev.fragkit.telemetry.proximity;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A parsed tracker file: the header, the typed rows of every documented section (one accessor per
 * section, rows in file order), rows of unknown sections as {@link RawRow}s (forward compatibility),
 * which sections had rows, and every line that could not be used.
 *
 * <p>Immutable.
 *
 * @param rows typed rows per section; each list holds only the section's row type (e.g. {@link
 *     Section#AIM_LOCK} → {@link AimLock}); sections without rows may be absent
 */
public record ProximityFile(ProximityHeader header, Map<Section, List<ProximityRow>> rows,
    Map<String, List<RawRow>> unknownSections, Set<Section> sectionsWithRows,
    List<LineError> errors) {
  public ProximityFile {
    Map<Section, List<ProximityRow>> r = new EnumMap<>(Section.class);
    rows.forEach((k, v) -> r.put(k, List.copyOf(v)));
    rows = Collections.unmodifiableMap(r);
    Map<String, List<RawRow>> u = new LinkedHashMap<>();
    unknownSections.forEach((k, v) -> u.put(k, List.copyOf(v)));
    unknownSections = Collections.unmodifiableMap(u);
    sectionsWithRows = sectionsWithRows.isEmpty()
        ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(sectionsWithRows));
    errors = List.copyOf(errors);
  }

  /** The typed rows of {@code s} (empty if none). */
  public List<ProximityRow> rows(Section s) {
    return rows.getOrDefault(s, List.of());
  }

  @SuppressWarnings("unchecked")
  private <T extends ProximityRow> List<T> typed(Section s) {
    return (List<T>) (List<?>) rows(s);
  }

  /** {@link Section#ENGAGEMENTS} rows. */
  public List<Engagement> engagements() {
    return typed(Section.ENGAGEMENTS);
  }

  /** {@link Section#PLAYER_TRACKS} rows. */
  public List<PlayerTrack> tracks() {
    return typed(Section.PLAYER_TRACKS);
  }

  /** {@link Section#KILL_HEATMAP} rows. */
  public List<KillHeatCell> killHeatmap() {
    return typed(Section.KILL_HEATMAP);
  }

  /** {@link Section#MOVEMENT_HEATMAP} rows. */
  public List<MovementHeatCell> movementHeatmap() {
    return typed(Section.MOVEMENT_HEATMAP);
  }

  /** {@link Section#OBJECTIVE_FOCUS} rows. */
  public List<ObjectiveFocus> objectiveFocus() {
    return typed(Section.OBJECTIVE_FOCUS);
  }

  /** {@link Section#REACTION_METRICS} rows. */
  public List<ReactionMetric> reactionMetrics() {
    return typed(Section.REACTION_METRICS);
  }

  /** {@link Section#SPAWN_TIMING} rows. */
  public List<SpawnTiming> spawnTimings() {
    return typed(Section.SPAWN_TIMING);
  }

  /** {@link Section#TEAM_COHESION} rows. */
  public List<TeamCohesion> teamCohesion() {
    return typed(Section.TEAM_COHESION);
  }

  /** {@link Section#CROSSFIRE_OPPORTUNITIES} rows. */
  public List<CrossfireOpportunity> crossfireOpportunities() {
    return typed(Section.CROSSFIRE_OPPORTUNITIES);
  }

  /** {@link Section#FOCUS_FIRE} rows. */
  public List<FocusFire> focusFire() {
    return typed(Section.FOCUS_FIRE);
  }

  /** {@link Section#TEAM_PUSHES} rows. */
  public List<TeamPush> teamPushes() {
    return typed(Section.TEAM_PUSHES);
  }

  /** {@link Section#TRADE_KILLS} rows. */
  public List<TradeKill> tradeKills() {
    return typed(Section.TRADE_KILLS);
  }

  /** {@link Section#REVIVES} rows. */
  public List<Revive> revives() {
    return typed(Section.REVIVES);
  }

  /** {@link Section#WEAPON_ACCURACY} rows. */
  public List<WeaponAccuracy> weaponAccuracy() {
    return typed(Section.WEAPON_ACCURACY);
  }

  /** {@link Section#KILL_OUTCOME} rows. */
  public List<KillOutcome> killOutcomes() {
    return typed(Section.KILL_OUTCOME);
  }

  /** {@link Section#HIT_REGIONS} rows. */
  public List<HitRegion> hitRegions() {
    return typed(Section.HIT_REGIONS);
  }

  /** {@link Section#COMBAT_POSITIONS} rows. */
  public List<CombatPosition> combatPositions() {
    return typed(Section.COMBAT_POSITIONS);
  }

  /** {@link Section#SHOT_FIRED} rows. */
  public List<ShotFired> shotsFired() {
    return typed(Section.SHOT_FIRED);
  }

  /** {@link Section#AIM_LOCK} rows. */
  public List<AimLock> aimLocks() {
    return typed(Section.AIM_LOCK);
  }

  /** {@link Section#SPAWN_SELECT} rows. */
  public List<SpawnSelect> spawnSelects() {
    return typed(Section.SPAWN_SELECT);
  }

  /** {@link Section#SKILL_SNAPSHOT} rows. */
  public List<SkillSnapshot> skillSnapshots() {
    return typed(Section.SKILL_SNAPSHOT);
  }

  /** {@link Section#COMM_EVENTS} rows. */
  public List<CommEvent> commEvents() {
    return typed(Section.COMM_EVENTS);
  }

  /** {@link Section#CARRIER_EVENTS} rows. */
  public List<CarrierEvent> carrierEvents() {
    return typed(Section.CARRIER_EVENTS);
  }

  /** {@link Section#CARRIER_KILLS} rows. */
  public List<CarrierKill> carrierKills() {
    return typed(Section.CARRIER_KILLS);
  }

  /** {@link Section#CARRIER_RETURNS} rows. */
  public List<CarrierReturn> carrierReturns() {
    return typed(Section.CARRIER_RETURNS);
  }

  /** {@link Section#VEHICLE_PROGRESS} rows. */
  public List<VehicleProgress> vehicleProgress() {
    return typed(Section.VEHICLE_PROGRESS);
  }

  /** {@link Section#ESCORT_CREDIT} rows. */
  public List<EscortCredit> escortCredits() {
    return typed(Section.ESCORT_CREDIT);
  }

  /** {@link Section#CONSTRUCTION_EVENTS} rows. */
  public List<ConstructionEvent> constructionEvents() {
    return typed(Section.CONSTRUCTION_EVENTS);
  }

  /** {@link Section#OBJECTIVE_RUNS} rows. */
  public List<ObjectiveRun> objectiveRuns() {
    return typed(Section.OBJECTIVE_RUNS);
  }

  /**
   * Effective capabilities: the declared flags when the header has them, otherwise a flag is
   * inferred enabled when a section it gates had rows (never disabled by inference).
   */
  public Map<String, Boolean> inferredCapabilities() {
    if (header.capabilitiesDeclared()) {
      return header.capabilities();
    }
    Map<String, Boolean> out = new LinkedHashMap<>();
    for (Section s : sectionsWithRows) {
      s.capability().ifPresent(c -> out.put(c, true));
    }
    return Collections.unmodifiableMap(out);
  }
}
