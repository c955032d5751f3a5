package dev.fragkit.greatshot.highlight;

import java.util.List;
import java.util.Set;

/**
 * {@code spree}: enemy kills by one player without dying in between.
 *
 * <p>Definition: one chronological pass. An enemy kill adds one to its attacker's running spree
 * (the first one sets the start). Every death — enemy kill, team kill, suicide or world kill —
 * ends its victim's spree. A spree that ends (or is still running at the end of the demo) with at
 * least {@link HighlightConfig#spreeMin()} kills is reported <em>once</em>, with its final length:
 * start = its first kill, end = its last kill, score {@code kills × 7}, explanation
 * {@code "<n> kills without dying"}.
 *
 * <p>Differences from the reference, on purpose: the reference emits one entry per count reached
 * (a 6-kill spree gives 4-, 5- and 6-kill entries scored 28/35/42); here only the 6-kill entry
 * exists, the one a person would clip. Suicides, team kills and world kills never add to a spree.
 * Immutable.
 */
public final class SpreeRule implements HighlightRule, CandidateSink.Direct {
  @Override
  public String name() {
    return "spree";
  }

  @Override
  public Set<String> types() {
    return Set.of("spree");
  }

  @Override
  public List<Highlight> detect(HighlightContext context) {
    return CandidateSink.toList(this, context);
  }

  @Override
  public void detect(HighlightContext context, CandidateSink out) {
    KillTimeline k = context.kills();
    int min = context.config().spreeMin();
    Emitter e = new Emitter(k, out, min);
    int[] count = new int[64];
    int[] start = new int[64];
    int[] last = new int[64];
    int[] lastIndex = new int[64];
    for (int i = 0; i < k.size(); i++) {
      int t = k.time(i);
      if (k.enemyKill(i)) {
        int a = k.attacker(i);
        int ca = count[a];
        start[a] = ca == 0 ? t : start[a]; // branch-free: a spree starts after every death
        count[a] = ca + 1;
        last[a] = t;
        lastIndex[a] = i;
      }
      int v = k.victim(i);
      int cv = count[v];
      if (cv >= min) {
        e.emit(v, cv, start[v], last[v], lastIndex[v]);
      }
      count[v] = 0; // every death ends its victim's spree
    }
    for (int c = 0; c < 64; c++) {
      e.emit(c, count[c], start[c], last[c], lastIndex[c]);
    }
  }

  /**
   * Sends sprees. With unique keys: two sprees of one client share a key only when both lie in the
   * same millisecond, and then no spree of that client can come between them, so comparing with the
   * client's last sent spree is enough.
   */
  private static final class Emitter {
    private final KillTimeline k;
    private final CandidateSink out;
    private final int min;
    private final boolean unique;
    private final TextCache texts = new TextCache(); // "<n> kills without dying" by n
    private final int[] sentAt = new int[64];
    private final int[] sentStart = new int[64];
    private final int[] sentEnd = new int[64];
    private final int[] sentCount = new int[64]; // 0: none sent yet

    Emitter(KillTimeline k, CandidateSink out, int min) {
      this.k = k;
      this.out = out;
      this.min = min;
      this.unique = out.unique();
    }

    void emit(int client, int count, int start, int end, int lastIndex) {
      if (count < min) {
        return;
      }
      boolean sameKey = unique && sentCount[client] > 0 && sentStart[client] == start && sentEnd[client] == end;
      if (sameKey && count <= sentCount[client]) {
        return; // the one sent scores at least as high and came first
      }
      String text = texts.get(count);
      if (text == null) {
        text = texts.put(count, count + " kills without dying");
      }
      Highlight h = new Highlight("spree", client, k.attackerName(lastIndex), start, end, count, count * 7.0, text);
      if (sameKey) {
        out.replace(sentAt[client], h);
      } else {
        sentAt[client] = out.add(h);
        sentStart[client] = start;
        sentEnd[client] = end;
      }
      sentCount[client] = count;
    }
  }
}
