package dev.fragkit.telemetry.proximity;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A parsed tracker file: the header, typed rows of the main sections, the remaining sections' rows
 * as {@link RawRow}s, which sections had rows, and every line that could not be used.
 *
 * <p>Immutable.
 */
public record ProximityFile(ProximityHeader header, List<Engagement> engagements,
    List<PlayerTrack> tracks, List<KillHeatCell> killHeatmap,
    List<MovementHeatCell> movementHeatmap, List<ReactionMetric> reactionMetrics,
    List<TradeKill> tradeKills, List<CombatPosition> combatPositions,
    List<WeaponAccuracy> weaponAccuracy, List<TeamPush> teamPushes, List<ShotFired> shotsFired,
    List<KillOutcome> killOutcomes, Map<Section, List<RawRow>> otherRows,
    Map<String, List<RawRow>> unknownSections, Set<Section> sectionsWithRows,
    List<LineError> errors) {
  public ProximityFile {
    engagements = List.copyOf(engagements);
    tracks = List.copyOf(tracks);
    killHeatmap = List.copyOf(killHeatmap);
    movementHeatmap = List.copyOf(movementHeatmap);
    reactionMetrics = List.copyOf(reactionMetrics);
    tradeKills = List.copyOf(tradeKills);
    combatPositions = List.copyOf(combatPositions);
    weaponAccuracy = List.copyOf(weaponAccuracy);
    teamPushes = List.copyOf(teamPushes);
    shotsFired = List.copyOf(shotsFired);
    killOutcomes = List.copyOf(killOutcomes);
    Map<Section, List<RawRow>> o = new EnumMap<>(Section.class);
    otherRows.forEach((k, v) -> o.put(k, List.copyOf(v)));
    otherRows = Collections.unmodifiableMap(o);
    Map<String, List<RawRow>> u = new LinkedHashMap<>();
    unknownSections.forEach((k, v) -> u.put(k, List.copyOf(v)));
    unknownSections = Collections.unmodifiableMap(u);
    sectionsWithRows = sectionsWithRows.isEmpty()
        ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(sectionsWithRows));
    errors = List.copyOf(errors);
  }

  /** Raw rows of an untyped section (empty if none). */
  public List<RawRow> rows(Section s) {
    return otherRows.getOrDefault(s, List.of());
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
