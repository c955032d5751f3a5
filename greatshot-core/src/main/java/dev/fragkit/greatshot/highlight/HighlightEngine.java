package dev.fragkit.greatshot.highlight;

import dev.fragkit.greatshot.analysis.Analysis;
import dev.fragkit.greatshot.analysis.AliveTracker;
import dev.fragkit.greatshot.analysis.Kill;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

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
  private final boolean[] trusted; // rule i sends unique keys of types no other stock rule here emits
  private final Set<String> trustedTypes;

  private HighlightEngine(HighlightConfig config, List<HighlightRule> rules) {
    this.config = config;
    this.rules = List.copyOf(rules);
    Map<String, Integer> emitters = new HashMap<>();
    for (HighlightRule rule : this.rules) {
      if (rule instanceof CandidateSink.Direct direct) {
        for (String type : direct.types()) {
          emitters.merge(type, 1, Integer::sum);
        }
      }
    }
    trusted = new boolean[this.rules.size()];
    Set<String> types = new HashSet<>();
    for (int i = 0; i < trusted.length; i++) {
      if (this.rules.get(i) instanceof CandidateSink.Direct direct
          && direct.types().stream().allMatch(t -> emitters.get(t) == 1)) {
        trusted[i] = true;
        types.addAll(direct.types());
      }
    }
    trustedTypes = Set.copyOf(types);
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
    Candidates out = new Candidates(trustedTypes);
    CandidateSink unique = out.trusted();
    for (int i = 0; i < rules.size(); i++) {
      HighlightRule rule = rules.get(i);
      if (rule instanceof CandidateSink.Direct direct) { // stock rules: no intermediate list
        direct.detect(context, trusted[i] ? unique : out);
        continue;
      }
      List<Highlight> found = rule.detect(context);
      if (found == null) {
        throw new IllegalStateException("highlight rule '" + rule.name() + "' returned null");
      }
      for (Highlight h : found) {
        out.add(Objects.requireNonNull(h, "highlight"));
      }
    }
    return out.sorted(); // unmodifiable
  }

  /** {@code in} in {@link #ORDER}, exact ties in input order (no de-duplication). */
  static Highlight[] sorted(Highlight[] in) {
    return Candidates.sorted(in, true);
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
