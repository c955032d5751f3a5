package dev.fragkit.greatshot.highlight;

import java.util.List;
import java.util.Set;

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
public final class HeadshotRule implements HighlightRule, CandidateSink.Direct {
  @Override
  public String name() {
    return "headshot_chain";
  }

  @Override
  public Set<String> types() {
    return Set.of("aim_moment", "quick_headshot_chain");
  }

  @Override
  public List<Highlight> detect(HighlightContext context) {
    return CandidateSink.toList(this, context);
  }

  @Override
  public void detect(HighlightContext context, CandidateSink out) {
    KillTimeline k = context.kills();
    HighlightConfig c = context.config();
    int window = c.quickHeadshotWindowMs();
    int min = c.quickHeadshotMin();
    int aim = c.aimMomentHeadshots();
    TextCache texts = new TextCache(); // by (n, duration); n decides the type
    boolean unique = out.unique();
    int[] heads = new int[16]; // grouped positions of the client's head kills
    for (int client : k.attackerOrderUnsafe()) {
      int n = k.enemyKillCount(client);
      int base = k.groupStart(client);
      int h = 0;
      for (int j = base; j < base + n; j++) {
        if (k.groupedHead(j)) {
          if (h == heads.length) {
            heads = java.util.Arrays.copyOf(heads, h * 2);
          }
          heads[h++] = j;
        }
      }
      Integer boxed = client;
      int left = 0;
      for (int r = 0; r < h; r++) {
        int tr = k.groupedTime(heads[r]);
        while (tr - k.groupedTime(heads[left]) > window) {
          left++;
        }
        int count = r - left + 1;
        if (count < min) {
          continue;
        }
        boolean aimMoment = count >= aim;
        if (unique && r + 1 < h && k.groupedTime(heads[r + 1]) == tr && (aimMoment || count + 1 < aim)) {
          // Head kills at the same millisecond share start and end; the next one has one more kill
          // and the same type, so a higher score: with unique keys, only the last of a type is sent.
          continue;
        }
        int start = k.groupedTime(heads[left]);
        long duration = Math.max(1, (long) tr - start);
        String player = k.groupedName(heads[r]);
        long key = (long) count << 32 | duration;
        String text = texts.get(key);
        if (aimMoment) {
          if (text == null) {
            text = texts.put(key, count + " headshot kills in " + Seconds.of(duration) + "s");
          }
          out.add(new Highlight("aim_moment", boxed, player, start, tr, count, count * 9.0, text));
        } else {
          if (text == null) {
            text = texts.put(key, "Headshot burst: " + count + " in " + Seconds.of(duration) + "s");
          }
          out.add(new Highlight("quick_headshot_chain", boxed, player, start, tr, count, count * 6.0, text));
        }
      }
    }
  }
}
