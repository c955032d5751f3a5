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
import org.jspecify.annotations.Nullable;

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
    List<Highlight> merged = new ArrayList<>();
    Map<Key, Integer> index = new HashMap<>();
    for (HighlightRule rule : rules) {
      List<Highlight> found = rule.detect(context);
      if (found == null) {
        throw new IllegalStateException("highlight rule '" + rule.name() + "' returned null");
      }
      for (Highlight h : found) {
        Key key = new Key(h.type(), h.client(), h.startMs(), h.endMs());
        Integer at = index.get(key);
        if (at == null) {
          index.put(key, merged.size());
          merged.add(h);
        } else if (h.score() > merged.get(at).score()) {
          merged.set(at, h);
        }
      }
    }
    merged.sort(ORDER);
    return List.copyOf(merged);
  }

  /** Score descending, then start, end, player ascending; List.sort is stable. */
  static final Comparator<Highlight> ORDER = Comparator.comparingDouble(Highlight::score).reversed()
      .thenComparingInt(Highlight::startMs)
      .thenComparingInt(Highlight::endMs)
      .thenComparing(Highlight::player);

  private record Key(String type, @Nullable Integer client, int start, int end) {}

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
