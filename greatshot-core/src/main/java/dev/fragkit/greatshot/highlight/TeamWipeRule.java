package dev.fragkit.greatshot.highlight;

import dev.fragkit.greatshot.analysis.AliveTracker;
import dev.fragkit.greatshot.analysis.TeamLife;
import dev.fragkit.greatshot.demo.Team;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code team_wipe}: one team kills every living member of the other team within a window.
 *
 * <p>Definition: at an enemy kill at {@code t} by team Y of a member of team X, with
 * {@code s = t −} {@link HighlightConfig#teamWipeWindowMs()}: it completes a wipe when the
 * {@link AliveTracker} says (1) after every transition at or before {@code t}, X has members and
 * none of them is alive; (2) every member of X alive just before {@code s} (state at {@code s − 1}, which must be
 * known) died in {@code [s, t]}; (3) every death of an X member in {@code [s, t]} is an enemy kill by a
 * member of Y (a suicide or world death spoils it); (4) at least
 * {@link HighlightConfig#teamWipeMinVictims()} different X members died in {@code [s, t]}. Reported
 * once per completing kill: client = the Y player with most kills in it (earliest on a tie),
 * start = first of those kills, end = {@code t}, score {@code victims × 8}, explanation
 * {@code "<Y> wiped out <X>: <n> kills in <s.ss>s"}.
 *
 * <p>Needs alive/dead state: with {@link AliveTracker#UNKNOWN} it reports nothing. Immutable.
 */
public final class TeamWipeRule implements HighlightRule {
  /** Score per wiped enemy. */
  public static final double SCORE_PER_VICTIM = 8.0;

  @Override
  public String name() {
    return "team_wipe";
  }

  @Override
  public List<Highlight> detect(HighlightContext context) {
    KillTimeline k = context.kills();
    AliveTracker alive = context.alive();
    List<Highlight> out = new ArrayList<>();
    if (alive == AliveTracker.UNKNOWN) {
      return out;
    }
    int window = context.config().teamWipeWindowMs();
    int minVictims = context.config().teamWipeMinVictims();
    int windowStart = 0; // first kill index with time >= t - window
    for (int i = 0; i < k.size(); i++) {
      int t = k.time(i);
      long s = (long) t - window;
      while (k.time(windowStart) < s) {
        windowStart++;
      }
      Team y = k.attackerTeam(i);
      Team x = k.victimTeam(i);
      if (!k.enemyKill(i) || y == null) {
        continue;
      }
      Optional<TeamLife> after = alive.team(x, t);
      if (after.isEmpty() || after.get().members().isEmpty() || !after.get().alive().isEmpty()) {
        continue;
      }
      Set<Integer> victims = new HashSet<>();
      Map<Integer, Integer> killsBy = new LinkedHashMap<>();
      Map<Integer, String> names = new LinkedHashMap<>();
      int first = -1;
      boolean spoiled = false;
      for (int j = windowStart; j <= i; j++) {
        if (k.victimTeam(j) != x) {
          continue;
        }
        if (!k.enemyKill(j) || k.attackerTeam(j) != y) {
          spoiled = true;
          break;
        }
        victims.add(k.victim(j));
        killsBy.merge(k.attacker(j), 1, Integer::sum);
        names.put(k.attacker(j), k.attackerName(j));
        if (first < 0) {
          first = j;
        }
      }
      if (spoiled || victims.size() < minVictims) {
        continue;
      }
      Optional<TeamLife> before = alive.team(x, (int) Math.max(Integer.MIN_VALUE, s - 1));
      if (before.isEmpty() || !victims.containsAll(before.get().alive())) {
        continue;
      }
      int best = -1;
      int bestKills = 0;
      for (Map.Entry<Integer, Integer> e : killsBy.entrySet()) {
        if (e.getValue() > bestKills) {
          best = e.getKey();
          bestKills = e.getValue();
        }
      }
      int start = k.time(first);
      int kills = killsBy.values().stream().mapToInt(Integer::intValue).sum();
      out.add(new Highlight("team_wipe", best, names.get(best), start, t, kills, victims.size() * SCORE_PER_VICTIM,
          y.name().toLowerCase(Locale.ROOT) + " wiped out " + x.name().toLowerCase(Locale.ROOT) + ": " + kills
              + " kills in " + Seconds.of((long) t - start) + "s"));
    }
    return out;
  }
}
