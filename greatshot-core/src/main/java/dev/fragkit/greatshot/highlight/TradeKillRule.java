package dev.fragkit.greatshot.highlight;

import java.util.List;

/**
 * {@code trade_kill}: a player avenges a teammate by killing the teammate's killer quickly.
 *
 * <p>Definition: an enemy kill {@code K2} (attacker B kills A at {@code t2}) is a trade when an
 * earlier enemy kill {@code K1} (A kills V at {@code t1}, earlier in the timeline) exists with
 * {@code 0 ≤ t2 − t1 ≤} {@link HighlightConfig#tradeWindowMs()}, V ≠ B, and V's team at {@code K1}
 * equals B's team at {@code K2}. When A killed several of B's teammates in the window, the latest
 * such {@code K1} is the one traded. One candidate per {@code K2}: client B, start {@code t1}, end
 * {@code t2}, 1 kill, score 10, explanation {@code "traded <V> by killing <A> <s.ss>s later"}.
 * Suicides, team kills and world kills are never trades nor traded. Immutable.
 */
public final class TradeKillRule implements HighlightRule, CandidateSink.Direct {
  /** Score of every trade. */
  public static final double SCORE = 10.0;

  @Override
  public String name() {
    return "trade_kill";
  }

  @Override
  public List<Highlight> detect(HighlightContext context) {
    return CandidateSink.toList(this, context);
  }

  @Override
  public void detect(HighlightContext context, CandidateSink out) {
    KillTimeline k = context.kills();
    int window = context.config().tradeWindowMs();
    int[] seen = new int[64]; // enemy kills by each client seen so far
    for (int i = 0; i < k.size(); i++) {
      if (!k.enemyKill(i)) {
        continue;
      }
      int b = k.attacker(i);
      int a = k.victim(i);
      int bTeam = k.attackerTeamOrdinal(i);
      int t2 = k.time(i);
      // A's earlier enemy kills, latest first, in A's grouped (time-ordered) arrays
      int base = k.groupStart(a);
      for (int j = base + seen[a] - 1; j >= base; j--) {
        int t1 = k.groupedTime(j);
        if (t2 - t1 > window) {
          break;
        }
        if (k.groupedVictim(j) != b && k.groupedVictimTeam(j) == bTeam) {
          int i1 = k.groupedIndex(j);
          out.add(new Highlight("trade_kill", b, k.attackerName(i), t1, t2, 1, SCORE,
              "traded " + k.victimName(i1) + " by killing " + k.victimName(i) + " " + Seconds.of((long) t2 - t1)
                  + "s later"));
          break;
        }
      }
      seen[b]++;
    }
  }
}
