package dev.fragkit.greatshot.highlight;

import java.util.List;

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
  public List<Highlight> detect(HighlightContext context) {
    return CandidateSink.toList(this, context);
  }

  @Override
  public void detect(HighlightContext context, CandidateSink out) {
    KillTimeline k = context.kills();
    int min = context.config().spreeMin();
    int[] count = new int[64];
    int[] start = new int[64];
    int[] last = new int[64];
    int[] lastIndex = new int[64];
    TextCache texts = new TextCache(); // "<n> kills without dying" by n
    for (int i = 0; i < k.size(); i++) {
      if (k.enemyKill(i)) {
        int a = k.attacker(i);
        if (count[a] == 0) {
          start[a] = k.time(i);
        }
        count[a]++;
        last[a] = k.time(i);
        lastIndex[a] = i;
      }
      int v = k.victim(i);
      if (count[v] > 0) {
        emit(out, texts, k, v, count[v], start[v], last[v], lastIndex[v], min);
        count[v] = 0;
      }
    }
    for (int c = 0; c < 64; c++) {
      emit(out, texts, k, c, count[c], start[c], last[c], lastIndex[c], min);
    }
  }

  private static void emit(CandidateSink out, TextCache texts, KillTimeline k, int client, int count, int start,
      int end, int lastIndex, int min) {
    if (count >= min) {
      String text = texts.get(count);
      if (text == null) {
        text = texts.put(count, count + " kills without dying");
      }
      out.add(new Highlight("spree", client, k.attackerName(lastIndex), start, end, count, count * 7.0, text));
    }
  }
}
