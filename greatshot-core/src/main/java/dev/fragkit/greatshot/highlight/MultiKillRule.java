package dev.fragkit.greatshot.highlight;

import java.util.List;
import java.util.Set;

/**
 * {@code multi_kill} and {@code burst_multi_kill}: several enemy kills by one player within a window.
 *
 * <p>Definition (reference parity): per attacker, enemy kills in time order; for each kill {@code r}
 * take the earliest kill {@code l} with {@code t[r] − t[l] ≤ window} (a span of exactly the window
 * is inside); when {@code r − l + 1 ≥ min} emit one candidate for kills {@code l..r}. So every
 * qualifying right edge emits (overlapping spans are all candidates). Score
 * {@code kills × 10 + headshots × 2}; explanation {@code "<n> kills in <s.ss>s"}. Windows and
 * minimums: {@link HighlightConfig#multiKillWindowMs()}/{@link HighlightConfig#multiKillMin()} and
 * {@link HighlightConfig#burstWindowMs()}/{@link HighlightConfig#burstMin()}.
 *
 * <p>Fix over the reference: suicides, team kills and world kills are not counted. Immutable.
 */
public final class MultiKillRule implements HighlightRule, CandidateSink.Direct {
  private final boolean burst;

  private MultiKillRule(boolean burst) {
    this.burst = burst;
  }

  /** The 4-second {@code multi_kill} rule. */
  public static MultiKillRule multiKill() {
    return new MultiKillRule(false);
  }

  /** The 8-second {@code burst_multi_kill} rule. */
  public static MultiKillRule burst() {
    return new MultiKillRule(true);
  }

  @Override
  public String name() {
    return burst ? "burst_multi_kill" : "multi_kill";
  }

  @Override
  public Set<String> types() {
    return Set.of(name());
  }

  @Override
  public List<Highlight> detect(HighlightContext context) {
    return CandidateSink.toList(this, context);
  }

  @Override
  public void detect(HighlightContext context, CandidateSink out) {
    KillTimeline k = context.kills();
    HighlightConfig c = context.config();
    int window = burst ? c.burstWindowMs() : c.multiKillWindowMs();
    int min = burst ? c.burstMin() : c.multiKillMin();
    String type = name();
    TextCache texts = new TextCache(); // "<n> kills in <s.ss>s" by (n, span)
    // Right edges at the same millisecond share start and end (the left edge cannot move), and the
    // last of them has the most kills, so the highest score: with unique keys, only it is sent.
    boolean unique = out.unique();
    for (int client : k.attackerOrderUnsafe()) {
      int n = k.enemyKillCount(client);
      if (n < min) {
        continue;
      }
      Integer boxed = client; // Integer.valueOf: cached for 0..63
      int base = k.groupStart(client);
      int left = base;
      int headsInWindow = 0;
      for (int r = base; r < base + n; r++) {
        int tr = k.groupedTime(r);
        if (k.groupedHead(r)) {
          headsInWindow++;
        }
        while (tr - k.groupedTime(left) > window) {
          if (k.groupedHead(left)) {
            headsInWindow--;
          }
          left++;
        }
        int count = r - left + 1;
        if (count >= min && (!unique || r + 1 == base + n || k.groupedTime(r + 1) != tr)) {
          int start = k.groupedTime(left);
          long span = (long) tr - start;
          long key = (long) count << 32 | span;
          String text = texts.get(key);
          if (text == null) {
            text = texts.put(key, count + " kills in " + Seconds.of(span) + "s");
          }
          out.add(new Highlight(type, boxed, k.groupedName(r), start, tr, count,
              count * 10.0 + headsInWindow * 2.0, text));
        }
      }
    }
  }
}
