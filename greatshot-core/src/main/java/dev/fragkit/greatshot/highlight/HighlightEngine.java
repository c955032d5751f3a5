package dev.fragkit.greatshot.highlight;

import dev.fragkit.greatshot.analysis.Analysis;
import dev.fragkit.greatshot.analysis.AliveTracker;
import dev.fragkit.greatshot.analysis.Kill;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Runs highlight rules, de-duplicates and orders their output.
 *
 * <p>Rules run in registration order; the stock order ({@link #standard()}) is multi_kill,
 * burst_multi_kill, spree, headshot chains (the reference's candidate order), then trade_kill,
 * clutch and team_wipe. De-duplication key: (type, client, startMs, endMs); the higher score wins,
 * on a tie the first inserted. Final order: score descending, then startMs, endMs and player
 * ascending; exact ties keep insertion order (a stable sort) — as the reference does.
 *
 * <p>Immutable and thread-safe (when its rules are).
 */
public final class HighlightEngine {
  private final HighlightConfig config;
  private final List<HighlightRule> rules;

  private HighlightEngine(HighlightConfig config, List<HighlightRule> rules) {
    this.config = config;
    this.rules = List.copyOf(rules);
  }

  /** The stock rules with {@link HighlightConfig#defaults()}. */
  public static HighlightEngine standard() {
    return standard(HighlightConfig.defaults());
  }

  /** The stock rules with the given thresholds. */
  public static HighlightEngine standard(HighlightConfig config) {
    return builder().config(config).stockRules().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  public HighlightConfig config() {
    return config;
  }

  public List<HighlightRule> rules() {
    return rules;
  }

  /** Highlights of an analysis, with the alive/dead state its source could observe ({@link Analysis#alive()}). */
  public List<Highlight> detect(Analysis analysis) {
    return detect(KillTimeline.of(analysis.kills()), analysis.alive());
  }

  /** Highlights of {@code kills} (any order) with alive/dead state unknown. */
  public List<Highlight> detect(List<Kill> kills) {
    return detect(KillTimeline.of(kills), AliveTracker.UNKNOWN);
  }

  /** Highlights of a timeline with the given alive/dead state. */
  public List<Highlight> detect(KillTimeline kills, AliveTracker alive) {
    HighlightContext context = new HighlightContext(kills, config, alive);
    List<List<Highlight>> outputs = new ArrayList<>(rules.size());
    int total = 0;
    for (HighlightRule rule : rules) {
      List<Highlight> found = rule.detect(context);
      if (found == null) {
        throw new IllegalStateException("highlight rule '" + rule.name() + "' returned null");
      }
      outputs.add(found);
      total += found.size();
    }
    Highlight[] merged = dedup(outputs, total);
    return java.util.Collections.unmodifiableList(java.util.Arrays.asList(sorted(merged)));
  }

  /**
   * The candidates in {@link #ORDER}, exact ties in insertion order. A stable LSD radix sort of
   * candidate indexes on integer keys (player rank, end, start, score rank — least significant
   * first): linear in the number of candidates and free of comparator calls, which matters when a
   * long demo yields hundreds of thousands of candidates.
   */
  static Highlight[] sorted(Highlight[] in) {
    int n = in.length;
    if (n < 64) {
      Highlight[] copy = in.clone();
      java.util.Arrays.sort(copy, ORDER); // stable
      return copy;
    }
    double[] scores = new double[n];
    Map<String, Integer> playerRank = new HashMap<>();
    String lastName = null;
    for (int i = 0; i < n; i++) {
      scores[i] = in[i].score();
      String name = in[i].player();
      if (name != lastName) { // consecutive candidates usually share the name instance
        playerRank.putIfAbsent(name, 0);
        lastName = name;
      }
    }
    double[] distinct = java.util.Arrays.stream(scores).sorted().distinct().toArray();
    String[] names = playerRank.keySet().toArray(new String[0]);
    java.util.Arrays.sort(names);
    for (int r = 0; r < names.length; r++) {
      playerRank.put(names[r], r);
    }
    int[] player = new int[n];
    int[] end = new int[n];
    int[] start = new int[n];
    int[] score = new int[n];
    lastName = null;
    int lastRank = 0;
    for (int i = 0; i < n; i++) {
      Highlight h = in[i];
      if (h.player() != lastName) {
        lastName = h.player();
        lastRank = playerRank.get(lastName);
      }
      player[i] = lastRank;
      end[i] = h.endMs() ^ Integer.MIN_VALUE; // signed → unsigned order
      start[i] = h.startMs() ^ Integer.MIN_VALUE;
      // descending score: the highest score gets rank 0 (Double.compare order, as ORDER uses)
      score[i] = distinct.length - 1 - java.util.Arrays.binarySearch(distinct, scores[i]);
    }
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    int[] tmp = new int[n];
    for (int[] key : new int[][] {player, end, start, score}) {
      for (int shift = 0; shift < 32; shift += 8) {
        int[] count = new int[257];
        boolean allSame = true;
        int first = (key[order[0]] >>> shift) & 0xFF;
        for (int i = 0; i < n; i++) {
          int b = (key[order[i]] >>> shift) & 0xFF;
          count[b + 1]++;
          allSame &= b == first;
        }
        if (allSame) {
          continue;
        }
        for (int b = 0; b < 256; b++) {
          count[b + 1] += count[b];
        }
        for (int i = 0; i < n; i++) {
          int idx = order[i];
          tmp[count[(key[idx] >>> shift) & 0xFF]++] = idx;
        }
        int[] swap = order;
        order = tmp;
        tmp = swap;
      }
    }
    Highlight[] out = new Highlight[n];
    for (int i = 0; i < n; i++) {
      out[i] = in[order[i]];
    }
    return out;
  }

  /**
   * Keeps one candidate per (type, client, startMs, endMs): the higher score, the first on a tie.
   * Open addressing over candidate indexes, so no key objects are allocated.
   */
  private static Highlight[] dedup(List<List<Highlight>> outputs, int total) {
    Highlight[] kept = new Highlight[total];
    int size = 0;
    int capacity = Integer.highestOneBit(Math.max(4, total * 2 - 1)) << 1;
    int mask = capacity - 1;
    int[] table = new int[capacity];
    java.util.Arrays.fill(table, -1);
    for (List<Highlight> found : outputs) {
      for (Highlight h : found) {
        int client = h.client() == null ? -1 : h.client();
        int hash = ((h.type().hashCode() * 31 + client) * 31 + h.startMs()) * 0x9E3779B9 + h.endMs() * 0x85EBCA6B;
        int slot = (hash ^ (hash >>> 16)) & mask;
        while (true) {
          int at = table[slot];
          if (at < 0) {
            table[slot] = size;
            kept[size++] = h;
            break;
          }
          Highlight o = kept[at];
          if (o.startMs() == h.startMs() && o.endMs() == h.endMs() && java.util.Objects.equals(o.client(), h.client())
              && o.type().equals(h.type())) {
            if (h.score() > o.score()) {
              kept[at] = h;
            }
            break;
          }
          slot = (slot + 1) & mask;
        }
      }
    }
    return size == total ? kept : java.util.Arrays.copyOf(kept, size);
  }

  /** Score descending, then start, end, player ascending; used with a stable sort. */
  static final Comparator<Highlight> ORDER = (a, b) -> {
    int c = Double.compare(b.score(), a.score());
    if (c != 0) {
      return c;
    }
    c = Integer.compare(a.startMs(), b.startMs());
    if (c != 0) {
      return c;
    }
    c = Integer.compare(a.endMs(), b.endMs());
    return c != 0 ? c : a.player().compareTo(b.player());
  };

  /** Builder; not thread-safe. */
  public static final class Builder {
    private HighlightConfig config = HighlightConfig.defaults();
    private final List<HighlightRule> rules = new ArrayList<>();

    private Builder() {}

    public Builder config(HighlightConfig value) {
      this.config = Objects.requireNonNull(value, "config");
      return this;
    }

    /** Adds a rule; rules run in the order added. */
    public Builder rule(HighlightRule rule) {
      rules.add(Objects.requireNonNull(rule, "rule"));
      return this;
    }

    /** Adds the stock rules in the stock order. */
    public Builder stockRules() {
      rule(MultiKillRule.multiKill());
      rule(MultiKillRule.burst());
      rule(new SpreeRule());
      rule(new HeadshotRule());
      rule(new TradeKillRule());
      rule(new ClutchRule());
      rule(new TeamWipeRule());
      return this;
    }

    /** @throws IllegalStateException when no rule was added */
    public HighlightEngine build() {
      if (rules.isEmpty()) {
        throw new IllegalStateException("no highlight rules: add stockRules() or rule(...)");
      }
      return new HighlightEngine(config, rules);
    }
  }
}
