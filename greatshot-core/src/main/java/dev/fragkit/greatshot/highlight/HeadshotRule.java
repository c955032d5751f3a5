package dev.fragkit.greatshot.highlight;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code quick_headshot_chain} and {@code aim_moment}: head kills by one player in quick succession.
 *
 * <p>Definition (reference parity): per attacker, enemy kills known to be headshots, in time order,
 * sliding window {@link HighlightConfig#quickHeadshotWindowMs()} (inclusive, as in
 * {@link MultiKillRule}); for each right edge with at least {@link HighlightConfig#quickHeadshotMin()}
 * head kills, let {@code duration = max(1, end − start)}: with at least
 * {@link HighlightConfig#aimMomentHeadshots()} it is an {@code aim_moment} (score {@code n × 9},
 * {@code "<n> headshot kills in <s.ss>s"}), else a {@code quick_headshot_chain} (score {@code n × 6},
 * {@code "Headshot burst: <n> in <s.ss>s"}). A kill is a headshot only when the demo says so
 * (obituary flag or {@code xpgain} region). Immutable.
 */
public final class HeadshotRule implements HighlightRule {
  @Override
  public String name() {
    return "headshot_chain";
  }

  @Override
  public List<Highlight> detect(HighlightContext context) {
    KillTimeline k = context.kills();
    HighlightConfig c = context.config();
    List<Highlight> out = new ArrayList<>();
    int[] heads = new int[16];
    for (int client : k.attackerOrderUnsafe()) {
      int n = k.enemyKillCount(client);
      int base = k.groupStart(client);
      int h = 0;
      for (int j = base; j < base + n; j++) {
        if (k.groupedHead(j)) {
          int i = k.groupedIndex(j);
          if (h == heads.length) {
            heads = java.util.Arrays.copyOf(heads, h * 2);
          }
          heads[h++] = i;
        }
      }
      int left = 0;
      for (int r = 0; r < h; r++) {
        int tr = k.time(heads[r]);
        while (tr - k.time(heads[left]) > c.quickHeadshotWindowMs()) {
          left++;
        }
        int count = r - left + 1;
        if (count < c.quickHeadshotMin()) {
          continue;
        }
        int start = k.time(heads[left]);
        long duration = Math.max(1, (long) tr - start);
        String player = k.attackerName(heads[r]);
        if (count >= c.aimMomentHeadshots()) {
          out.add(new Highlight("aim_moment", client, player, start, tr, count, count * 9.0,
              count + " headshot kills in " + Seconds.of(duration) + "s"));
        } else {
          out.add(new Highlight("quick_headshot_chain", client, player, start, tr, count, count * 6.0,
              "Headshot burst: " + count + " in " + Seconds.of(duration) + "s"));
        }
      }
    }
    return out;
  }
}
