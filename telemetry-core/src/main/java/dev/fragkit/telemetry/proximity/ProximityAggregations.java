package dev.fragkit.telemetry.proximity;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Derived analytics over a {@link ProximityFile}: position heatmap, kill/death locations, trade
 * events and crossfire pairs. Defaults follow the reference (grid 512, trade window 3000 ms,
 * trade distance 800, position delta 1500 ms, isolation 1200).
 *
 * <p>Immutable and thread-safe.
 */
public final class ProximityAggregations {
  private final int gridSize;
  private final int tradeWindowMs;
  private final double tradeDistance;
  private final int positionDeltaMs;
  private final double isolationDistance;

  private ProximityAggregations(int gridSize, int tradeWindowMs, double tradeDistance,
      int positionDeltaMs, double isolationDistance) {
    this.gridSize = gridSize;
    this.tradeWindowMs = tradeWindowMs;
    this.tradeDistance = tradeDistance;
    this.positionDeltaMs = positionDeltaMs;
    this.isolationDistance = isolationDistance;
  }

  public static ProximityAggregations defaults() {
    return new ProximityAggregations(512, 3000, 800, 1500, 1200);
  }

  /**
   * Custom settings.
   *
   * @throws IllegalArgumentException naming the first non-positive setting
   */
  public static ProximityAggregations of(int gridSize, int tradeWindowMs, double tradeDistance,
      int positionDeltaMs, double isolationDistance) {
    if (gridSize < 1) {
      throw new IllegalArgumentException("gridSize < 1: " + gridSize);
    }
    if (tradeWindowMs < 1) {
      throw new IllegalArgumentException("tradeWindowMs < 1: " + tradeWindowMs);
    }
    if (!(tradeDistance > 0)) {
      throw new IllegalArgumentException("tradeDistance <= 0: " + tradeDistance);
    }
    if (positionDeltaMs < 0) {
      throw new IllegalArgumentException("positionDeltaMs < 0: " + positionDeltaMs);
    }
    if (!(isolationDistance > 0)) {
      throw new IllegalArgumentException("isolationDistance <= 0: " + isolationDistance);
    }
    return new ProximityAggregations(gridSize, tradeWindowMs, tradeDistance, positionDeltaMs,
        isolationDistance);
  }

  public int gridSize() {
    return gridSize;
  }

  /** Track samples per grid cell (presence heatmap), cells in (x, y) order. */
  public Map<GridCell, Long> positionHeatmap(ProximityFile file) {
    Map<GridCell, Long> out = new TreeMap<>(Comparator.comparingInt(GridCell::x).thenComparingInt(GridCell::y));
    for (PlayerTrack t : file.tracks()) {
      for (TrackPoint p : t.path()) {
        out.merge(GridCell.of(p.position(), gridSize), 1L, Long::sum);
      }
    }
    return Collections.unmodifiableMap(out);
  }

  /**
   * Kill locations: from COMBAT_POSITIONS when the file has any (attacker and victim positions),
   * otherwise from killed engagements (victim end position only).
   */
  public List<KillLocation> killLocations(ProximityFile file) {
    List<KillLocation> out = new ArrayList<>();
    if (!file.combatPositions().isEmpty()) {
      for (CombatPosition c : file.combatPositions()) {
        if (c.event().equals("kill")) {
          out.add(new KillLocation(c.time(), c.attackerGuid(), c.victimGuid(), c.attacker(),
              c.victim(), "combat_positions"));
        }
      }
      return out;
    }
    for (Engagement e : file.engagements()) {
      if (e.killed() && e.killerGuid() != null) {
        out.add(new KillLocation(e.endTime(), e.killerGuid(), e.targetGuid(), null, e.end(), "engagements"));
      }
    }
    return out;
  }

  /** Kills per cell of the killer's position (only where known). */
  public Map<GridCell, Long> killHeatmap(ProximityFile file) {
    Map<GridCell, Long> out = new TreeMap<>(Comparator.comparingInt(GridCell::x).thenComparingInt(GridCell::y));
    for (KillLocation k : killLocations(file)) {
      if (k.killerPosition() != null) {
        out.merge(GridCell.of(k.killerPosition(), gridSize), 1L, Long::sum);
      }
    }
    return Collections.unmodifiableMap(out);
  }

  /** Deaths per cell of the victim's position. */
  public Map<GridCell, Long> deathHeatmap(ProximityFile file) {
    Map<GridCell, Long> out = new TreeMap<>(Comparator.comparingInt(GridCell::x).thenComparingInt(GridCell::y));
    for (KillLocation k : killLocations(file)) {
      out.merge(GridCell.of(k.victimPosition(), gridSize), 1L, Long::sum);
    }
    return Collections.unmodifiableMap(out);
  }

  /** One trade event per killed engagement with a killer, in file order. */
  public List<TradeEvent> tradeEvents(ProximityFile file) {
    List<TradeEvent> out = new ArrayList<>();
    for (Engagement death : file.engagements()) {
      String killer = death.killerGuid();
      if (!death.killed() || killer == null) {
        continue;
      }
      int t = death.endTime();
      String team = death.targetTeam();
      Position where = death.end();
      List<String> opportunities = new ArrayList<>();
      Double nearest = null;
      Map<String, Double> teammateDistance = new LinkedHashMap<>();
      for (PlayerTrack track : file.tracks()) {
        if (!track.team().equals(team) || track.guid().equals(death.targetGuid()) || !track.aliveAt(t)) {
          continue;
        }
        TrackPoint p = nearestInTime(track, t);
        if (p == null) {
          continue;
        }
        double dist = p.position().distance2d(where);
        teammateDistance.merge(track.guid(), dist, Math::min);
      }
      for (Map.Entry<String, Double> e : teammateDistance.entrySet()) {
        if (e.getValue() <= tradeDistance) {
          opportunities.add(e.getKey());
        }
        nearest = nearest == null ? e.getValue() : Math.min(nearest, e.getValue());
      }
      Set<String> attempts = new LinkedHashSet<>();
      Set<String> successes = new LinkedHashSet<>();
      for (Engagement onKiller : file.engagements()) {
        if (!onKiller.targetGuid().equals(killer)) {
          continue;
        }
        for (Attacker a : onKiller.attackers()) {
          if (!a.team().equals(team)) {
            continue;
          }
          if (a.firstHit() >= t && a.firstHit() <= t + tradeWindowMs) {
            attempts.add(a.guid());
          }
          if (a.gotKill() && onKiller.killed() && onKiller.endTime() >= t
              && onKiller.endTime() <= t + tradeWindowMs) {
            successes.add(a.guid());
          }
        }
      }
      List<String> missed = attempts.isEmpty() && successes.isEmpty() ? opportunities : List.of();
      boolean isolated = opportunities.isEmpty() && (nearest == null || nearest > isolationDistance);
      out.add(new TradeEvent(death.targetGuid(), killer, t, where, opportunities,
          new ArrayList<>(attempts), new ArrayList<>(successes), missed, isolated, nearest));
    }
    return out;
  }

  private @Nullable TrackPoint nearestInTime(PlayerTrack track, int t) {
    TrackPoint best = null;
    int bestDelta = Integer.MAX_VALUE;
    for (TrackPoint p : track.path()) {
      int delta = Math.abs(p.time() - t);
      if (delta <= positionDeltaMs && delta < bestDelta) {
        best = p;
        bestDelta = delta;
      }
    }
    return best;
  }

  /** Crossfire pairs, most frequent first (ties by GUIDs). */
  public List<CrossfirePair> crossfirePairs(ProximityFile file) {
    final class Acc {
      int count;
      int kills;
      long damage;
      long delaySum;
      int delays;
    }
    Map<List<String>, Acc> acc = new LinkedHashMap<>();
    for (Engagement e : file.engagements()) {
      if (!e.crossfire()) {
        continue;
      }
      List<String> ps = new ArrayList<>(new LinkedHashSet<>(e.crossfireParticipants()));
      Map<String, Integer> damage = new LinkedHashMap<>();
      for (Attacker a : e.attackers()) {
        damage.merge(a.guid(), a.damage(), Integer::sum);
      }
      for (int i = 0; i < ps.size(); i++) {
        for (int j = i + 1; j < ps.size(); j++) {
          String a = ps.get(i);
          String b = ps.get(j);
          List<String> key = a.compareTo(b) <= 0 ? List.of(a, b) : List.of(b, a);
          Acc x = acc.computeIfAbsent(key, k -> new Acc());
          x.count++;
          if (e.killed()) {
            x.kills++;
          }
          x.damage += damage.getOrDefault(a, 0) + damage.getOrDefault(b, 0);
          if (e.crossfireDelay() != null) {
            x.delaySum += e.crossfireDelay();
            x.delays++;
          }
        }
      }
    }
    List<CrossfirePair> out = new ArrayList<>();
    acc.forEach((k, v) -> out.add(new CrossfirePair(k.get(0), k.get(1), v.count, v.kills, v.damage,
        v.delays == 0 ? 0 : (double) v.delaySum / v.delays)));
    out.sort(Comparator.comparingInt(CrossfirePair::count).reversed()
        .thenComparing(CrossfirePair::player1).thenComparing(CrossfirePair::player2));
    return out;
  }
}
