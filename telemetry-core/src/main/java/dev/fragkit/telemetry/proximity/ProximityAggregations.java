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
 * Derived analytics over a {@link ProximityFile} (greatshot-reference.md §3.5): position heatmap,
 * kill/death locations, trade events, crossfire pairs, support uptime and per-player teamplay
 * statistics. Defaults follow the reference: grid 512; trade window 3000 ms, trade distance 800,
 * position delta 1500 ms, isolation 1200; support distance 600, combat-recent 1500 ms, support
 * position delta 1500 ms, at most 1200 samples per track.
 *
 * <p>Immutable and thread-safe.
 */
public final class ProximityAggregations {
  private final int gridSize;
  private final int tradeWindowMs;
  private final double tradeDistance;
  private final int positionDeltaMs;
  private final double isolationDistance;
  private final double supportDistance;
  private final int combatRecentMs;
  private final int supportPositionDeltaMs;
  private final int supportMaxSamplesPerTrack;

  private ProximityAggregations(Builder b) {
    this.gridSize = b.gridSize;
    this.tradeWindowMs = b.tradeWindowMs;
    this.tradeDistance = b.tradeDistance;
    this.positionDeltaMs = b.positionDeltaMs;
    this.isolationDistance = b.isolationDistance;
    this.supportDistance = b.supportDistance;
    this.combatRecentMs = b.combatRecentMs;
    this.supportPositionDeltaMs = b.supportPositionDeltaMs;
    this.supportMaxSamplesPerTrack = b.supportMaxSamplesPerTrack;
  }

  public static ProximityAggregations defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder().gridSize(gridSize).tradeWindowMs(tradeWindowMs).tradeDistance(tradeDistance)
        .positionDeltaMs(positionDeltaMs).isolationDistance(isolationDistance)
        .supportDistance(supportDistance).combatRecentMs(combatRecentMs)
        .supportPositionDeltaMs(supportPositionDeltaMs)
        .supportMaxSamplesPerTrack(supportMaxSamplesPerTrack);
  }

  @Override
  public String toString() {
    return "ProximityAggregations{gridSize=" + gridSize + ", tradeWindowMs=" + tradeWindowMs
        + ", tradeDistance=" + tradeDistance + ", positionDeltaMs=" + positionDeltaMs
        + ", isolationDistance=" + isolationDistance + ", supportDistance=" + supportDistance
        + ", combatRecentMs=" + combatRecentMs + ", supportPositionDeltaMs=" + supportPositionDeltaMs
        + ", supportMaxSamplesPerTrack=" + supportMaxSamplesPerTrack + "}";
  }

  /** Builds {@link ProximityAggregations}; each setter rejects its own bad value. Not thread-safe. */
  public static final class Builder {
    private int gridSize = 512;
    private int tradeWindowMs = 3000;
    private double tradeDistance = 800;
    private int positionDeltaMs = 1500;
    private double isolationDistance = 1200;
    private double supportDistance = 600;
    private int combatRecentMs = 1500;
    private int supportPositionDeltaMs = 1500;
    private int supportMaxSamplesPerTrack = 1200;

    private Builder() {}

    /** Heatmap cell size in world units (≥ 1). */
    public Builder gridSize(int v) {
      if (v < 1) {
        throw new IllegalArgumentException("gridSize < 1: " + v);
      }
      gridSize = v;
      return this;
    }

    /** How long after a death a trade counts (≥ 1 ms). */
    public Builder tradeWindowMs(int v) {
      if (v < 1) {
        throw new IllegalArgumentException("tradeWindowMs < 1: " + v);
      }
      tradeWindowMs = v;
      return this;
    }

    /** Teammates within this 2D distance of a death had a trade opportunity (&gt; 0). */
    public Builder tradeDistance(double v) {
      if (!(v > 0) || !Double.isFinite(v)) {
        throw new IllegalArgumentException("tradeDistance <= 0: " + v);
      }
      tradeDistance = v;
      return this;
    }

    /** Largest time gap between a moment and the track point used as the position then (≥ 0). */
    public Builder positionDeltaMs(int v) {
      if (v < 0) {
        throw new IllegalArgumentException("positionDeltaMs < 0: " + v);
      }
      positionDeltaMs = v;
      return this;
    }

    /** A death without opportunity is isolated if the nearest teammate is beyond this (&gt; 0). */
    public Builder isolationDistance(double v) {
      if (!(v > 0) || !Double.isFinite(v)) {
        throw new IllegalArgumentException("isolationDistance <= 0: " + v);
      }
      isolationDistance = v;
      return this;
    }

    /** A teammate in combat within this 2D distance supports a sample (&gt; 0). */
    public Builder supportDistance(double v) {
      if (!(v > 0) || !Double.isFinite(v)) {
        throw new IllegalArgumentException("supportDistance <= 0: " + v);
      }
      supportDistance = v;
      return this;
    }

    /** A player stays "in combat" this long after an engagement interval ends (≥ 0). */
    public Builder combatRecentMs(int v) {
      if (v < 0) {
        throw new IllegalArgumentException("combatRecentMs < 0: " + v);
      }
      combatRecentMs = v;
      return this;
    }

    /** Position delta for support uptime (≥ 0). */
    public Builder supportPositionDeltaMs(int v) {
      if (v < 0) {
        throw new IllegalArgumentException("supportPositionDeltaMs < 0: " + v);
      }
      supportPositionDeltaMs = v;
      return this;
    }

    /** Longer tracks are thinned to about this many samples (≥ 200, as in the reference). */
    public Builder supportMaxSamplesPerTrack(int v) {
      if (v < 200) {
        throw new IllegalArgumentException("supportMaxSamplesPerTrack < 200: " + v);
      }
      supportMaxSamplesPerTrack = v;
      return this;
    }

    public ProximityAggregations build() {
      return new ProximityAggregations(this);
    }
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
        TrackPoint p = nearestInTime(track, t, positionDeltaMs);
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

  private static @Nullable TrackPoint nearestInTime(PlayerTrack track, int t, int positionDeltaMs) {
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

  /**
   * Support uptime (greatshot-reference.md §3.5): the share of player-track samples at which a
   * teammate in combat was close by.
   *
   * <p>Precisely: a player is <i>in combat</i> at time t if t lies in {@code [start_time, end_time
   * + combatRecentMs]} of an engagement targeting them, or in {@code [first_hit, last_hit +
   * combatRecentMs]} of their attacker entry in any engagement (bounds inclusive). Each point of
   * each PLAYER_TRACKS path is a sample (a path longer than {@code supportMaxSamplesPerTrack} is
   * thinned to every {@code ⌊size / max⌋}-th point, starting with the first). A sample of player P
   * at time t is <i>supported</i> if some other player U of P's team (another GUID) has a track
   * alive at t ({@link PlayerTrack#aliveAt}), is in combat at t, and U's path point nearest in time
   * to t — at most {@code supportPositionDeltaMs} away — lies within {@code supportDistance} (2D) of
   * the sample's position. Unlike the reference, engagements starting at time 0 are not skipped.
   */
  public SupportUptime supportUptime(ProximityFile file) {
    Map<String, List<int[]>> combat = new LinkedHashMap<>();
    for (Engagement e : file.engagements()) {
      combat.computeIfAbsent(e.targetGuid(), k -> new ArrayList<>())
          .add(new int[] {e.startTime(), e.endTime() + combatRecentMs});
      for (Attacker a : e.attackers()) {
        combat.computeIfAbsent(a.guid(), k -> new ArrayList<>())
            .add(new int[] {a.firstHit(), a.lastHit() + combatRecentMs});
      }
    }
    Map<String, List<PlayerTrack>> byTeam = new LinkedHashMap<>();
    for (PlayerTrack t : file.tracks()) {
      byTeam.computeIfAbsent(t.team(), k -> new ArrayList<>()).add(t);
    }
    Map<String, long[]> per = new LinkedHashMap<>();
    long support = 0;
    long total = 0;
    for (PlayerTrack track : file.tracks()) {
      List<TrackPoint> path = track.path();
      int stride = path.size() > supportMaxSamplesPerTrack ? path.size() / supportMaxSamplesPerTrack : 1;
      long[] counts = per.computeIfAbsent(track.guid(), k -> new long[2]);
      for (int i = 0; i < path.size(); i += stride) {
        TrackPoint p = path.get(i);
        total++;
        counts[1]++;
        if (supported(track, p, byTeam.getOrDefault(track.team(), List.of()), combat)) {
          support++;
          counts[0]++;
        }
      }
    }
    Map<String, SupportUptime.Counts> perPlayer = new LinkedHashMap<>();
    per.forEach((g, c) -> perPlayer.put(g, new SupportUptime.Counts(c[0], c[1])));
    return new SupportUptime(support, total, perPlayer);
  }

  private boolean supported(PlayerTrack track, TrackPoint p, List<PlayerTrack> team,
      Map<String, List<int[]>> combat) {
    int t = p.time();
    for (PlayerTrack mate : team) {
      if (mate.guid().equals(track.guid()) || !mate.aliveAt(t) || !inCombat(combat.get(mate.guid()), t)) {
        continue;
      }
      TrackPoint q = nearestInTime(mate, t, supportPositionDeltaMs);
      if (q != null && q.position().distance2d(p.position()) <= supportDistance) {
        return true;
      }
    }
    return false;
  }

  private static boolean inCombat(@Nullable List<int[]> intervals, int t) {
    if (intervals == null) {
      return false;
    }
    for (int[] iv : intervals) {
      if (iv[0] <= t && t <= iv[1]) {
        return true;
      }
    }
    return false;
  }

  /**
   * Per-player teamplay statistics (the reference's {@code player_teamplay_stats}, §3.5), one entry
   * per GUID that appears as an engagement target, an attacker or a TRADE_KILLS trader, ordered by
   * first appearance. For every engagement: the target's {@code timesTargeted}, {@code
   * damageTaken}, distance and duration sums grow; with {@code num_attackers ≥ 2} it counts as
   * focused (escape/death by outcome {@code escaped}/{@code killed}), otherwise as solo. For every
   * attacker entry: if the engagement is a crossfire and lists the attacker as a participant, a
   * crossfire participation (damage added; a kill if the outcome is {@code killed}, a final blow
   * if also {@code got_kill}; the delay added when present); else, if the engagement has exactly
   * one attacker, a solo engagement (a solo kill if {@code got_kill}). Each TRADE_KILLS row adds a
   * trade kill to its trader.
   */
  public List<PlayerTeamplay> teamplay(ProximityFile file) {
    final class Acc {
      final String guid;
      String name;
      int targeted;
      long damageTaken;
      int focused;
      int focusEscapes;
      int focusDeaths;
      int soloEscapes;
      int soloDeaths;
      int cfParticipations;
      int cfKills;
      int cfFinalBlows;
      long cfDamage;
      long cfDelaySum;
      int cfDelays;
      int soloEngagements;
      int soloKills;
      int trades;
      double distance;
      long duration;

      Acc(String guid, String name) {
        this.guid = guid;
        this.name = name;
      }
    }
    Map<String, Acc> acc = new LinkedHashMap<>();
    for (Engagement e : file.engagements()) {
      Acc t = acc.computeIfAbsent(e.targetGuid(), g -> new Acc(g, e.targetName()));
      t.name = e.targetName();
      t.targeted++;
      t.damageTaken += e.totalDamage();
      t.distance += e.distanceTraveled();
      t.duration += e.duration();
      boolean escaped = e.outcome().equals("escaped");
      if (e.numAttackers() >= 2) {
        t.focused++;
        t.focusEscapes += escaped ? 1 : 0;
        t.focusDeaths += e.killed() ? 1 : 0;
      } else {
        t.soloEscapes += escaped ? 1 : 0;
        t.soloDeaths += e.killed() ? 1 : 0;
      }
      for (Attacker a : e.attackers()) {
        Acc x = acc.computeIfAbsent(a.guid(), g -> new Acc(g, a.name()));
        x.name = a.name();
        if (e.crossfire() && e.crossfireParticipants().contains(a.guid())) {
          x.cfParticipations++;
          x.cfDamage += a.damage();
          if (e.killed()) {
            x.cfKills++;
            x.cfFinalBlows += a.gotKill() ? 1 : 0;
          }
          if (e.crossfireDelay() != null) {
            x.cfDelaySum += e.crossfireDelay();
            x.cfDelays++;
          }
        } else if (e.numAttackers() == 1) {
          x.soloEngagements++;
          x.soloKills += a.gotKill() ? 1 : 0;
        }
      }
    }
    for (TradeKill k : file.tradeKills()) {
      acc.computeIfAbsent(k.traderGuid(), g -> new Acc(g, k.traderName())).trades++;
    }
    List<PlayerTeamplay> out = new ArrayList<>();
    for (Acc a : acc.values()) {
      out.add(new PlayerTeamplay(a.guid, a.name, a.targeted, a.damageTaken, a.focused, a.focusEscapes,
          a.focusDeaths, a.soloEscapes, a.soloDeaths, a.cfParticipations, a.cfKills, a.cfFinalBlows,
          a.cfDamage, a.cfDelaySum, a.cfDelays, a.soloEngagements, a.soloKills, a.trades, a.distance,
          a.duration));
    }
    return out;
  }
}
