package dev.fragkit.greatshot.highlight;

import dev.fragkit.greatshot.analysis.AliveTracker;
import dev.fragkit.greatshot.analysis.TeamLife;
import dev.fragkit.greatshot.demo.Team;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code clutch}: a player keeps killing while every teammate is dead.
 *
 * <p>Definition: for player P on team T (T at the kill), an enemy kill at {@code t} is a clutch kill
 * when the {@link AliveTracker} says that, after every transition at or before {@code t}, T has at
 * least two members and P is its only living member. Consecutive clutch kills of P with the same
 * {@link TeamLife#aliveSinceMs()} belong to one clutch (the same last-one-standing situation; any
 * death of P or return of a teammate changes it). A clutch with at least
 * {@link HighlightConfig#clutchMinKills()} kills is reported: start = first clutch kill, end = last,
 * score {@code kills × 12}, explanation {@code "<n> kills as the last one alive on <team> (1v<e>)"}
 * where {@code e} is the number of living enemies just before the first clutch kill (when known).
 *
 * <p>Needs alive/dead state: with {@link AliveTracker#UNKNOWN} it reports nothing rather than guess.
 * Immutable.
 */
public final class ClutchRule implements HighlightRule {
  /** Score per clutch kill. */
  public static final double SCORE_PER_KILL = 12.0;

  @Override
  public String name() {
    return "clutch";
  }

  @Override
  public List<Highlight> detect(HighlightContext context) {
    KillTimeline k = context.kills();
    AliveTracker alive = context.alive();
    List<Highlight> out = new ArrayList<>();
    if (alive == AliveTracker.UNKNOWN) {
      return out;
    }
    int min = context.config().clutchMinKills();
    for (int client : k.attackerOrderUnsafe()) {
      int n = k.enemyKillCount(client);
      int runStart = -1;
      int runCount = 0;
      int runLast = -1;
      int runSince = 0;
      for (int j = 0; j <= n; j++) {
        int i = j < n ? k.enemyKillOf(client, j) : -1;
        Integer since = i < 0 ? null : clutchSince(k, alive, i, client);
        boolean continues = since != null && runCount > 0 && since == runSince;
        if (!continues) {
          if (runCount >= min) {
            out.add(clutch(k, alive, client, runStart, runLast, runCount));
          }
          runCount = 0;
        }
        if (since != null) {
          if (runCount == 0) {
            runStart = i;
            runSince = since;
          }
          runCount++;
          runLast = i;
        }
      }
    }
    return out;
  }

  private static Integer clutchSince(KillTimeline k, AliveTracker alive, int i, int client) {
    Team team = k.attackerTeam(i);
    if (team == null) {
      return null;
    }
    Optional<TeamLife> life = alive.team(team, k.time(i));
    if (life.isEmpty()) {
      return null;
    }
    TeamLife l = life.get();
    if (l.members().size() >= 2 && l.alive().size() == 1 && l.alive().contains(client)) {
      return l.aliveSinceMs();
    }
    return null;
  }

  private static Highlight clutch(KillTimeline k, AliveTracker alive, int client, int first, int last, int count) {
    Team team = k.attackerTeam(first);
    Team enemy = k.victimTeam(first);
    String versus = alive.team(enemy, k.time(first) - 1).map(l -> " (1v" + l.alive().size() + ")").orElse("");
    String teamName = team == null ? "?" : team.name().toLowerCase(java.util.Locale.ROOT);
    return new Highlight("clutch", client, k.attackerName(last), k.time(first), k.time(last), count,
        count * SCORE_PER_KILL, count + " kills as the last one alive on " + teamName + versus);
  }
}
