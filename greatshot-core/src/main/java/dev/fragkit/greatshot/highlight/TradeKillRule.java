package dev.fragkit.greatshot.highlight;

import java.util.List;
import java.util.Set;

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
  public Set<String> types() {
    return Set.of("trade_kill");
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
    // With unique keys: trades share a key only with the same end (this kill's time), and all score
    // the same, so the first sent wins; remember the (client, start) pairs sent at the current time.
    boolean unique = out.unique();
    LongSet sentNow = new LongSet();
    int sentTime = 0;
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
      // A run of kills of one victim on one team fails the test as a whole, so the look-back jumps
      // over it: a player who killed one victim ten thousand times in the window costs one step.
      for (int j = base + seen[a] - 1; j >= base; j = k.groupedRunStart(j) - 1) {
        int t1 = k.groupedTime(j);
        if (t2 - t1 > window) {
          break;
        }
        if (k.groupedVictim(j) != b && k.groupedVictimTeam(j) == bTeam) {
          if (unique) {
            if (t2 != sentTime) {
              sentNow.clear();
              sentTime = t2;
            }
            if (!sentNow.add((long) b << 32 | (t1 & 0xFFFFFFFFL))) {
              break;
            }
          }
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

  /** A set of longs cleared in time proportional to its size. Not thread-safe. */
  private static final class LongSet {
    private long[] keys = new long[16];
    private boolean[] used = new boolean[16];
    private int[] slots = new int[8]; // used slots, for clear()
    private int size;

    /** Adds {@code key}; false when it was present. */
    boolean add(long key) {
      if ((size + 1) * 2 > keys.length) {
        grow();
      }
      int m = keys.length - 1;
      int slot = (int) ((key * 0x9E3779B97F4A7C15L) >>> 40) & m;
      while (used[slot]) {
        if (keys[slot] == key) {
          return false;
        }
        slot = (slot + 1) & m;
      }
      used[slot] = true;
      keys[slot] = key;
      if (size == slots.length) {
        slots = java.util.Arrays.copyOf(slots, size * 2);
      }
      slots[size++] = slot;
      return true;
    }

    void clear() {
      if (size == 0) {
        return;
      }
      for (int i = 0; i < size; i++) {
        used[slots[i]] = false;
      }
      size = 0;
    }

    private void grow() {
      long[] old = new long[size];
      for (int i = 0; i < size; i++) {
        old[i] = keys[slots[i]];
      }
      keys = new long[keys.length * 2];
      used = new boolean[keys.length];
      size = 0;
      for (long key : old) {
        add(key);
      }
    }
  }
}
