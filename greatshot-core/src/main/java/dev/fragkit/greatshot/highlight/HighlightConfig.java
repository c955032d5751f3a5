package dev.fragkit.greatshot.highlight;

import java.util.Objects;

/**
 * Every threshold the stock highlight rules use. Defaults match the reference Greatshot tool
 * ({@code HIGHLIGHT_DEFAULTS}) for the rules it has; the new rules' defaults are documented on each
 * setting. Immutable and thread-safe; build with {@link #builder()}, change with {@link #toBuilder()}.
 */
public final class HighlightConfig {
  private static final HighlightConfig DEFAULTS = builder().build();

  private final int multiKillWindowMs;
  private final int multiKillMin;
  private final int burstWindowMs;
  private final int burstMin;
  private final int spreeMin;
  private final int quickHeadshotWindowMs;
  private final int quickHeadshotMin;
  private final int aimMomentHeadshots;
  private final int tradeWindowMs;
  private final int clutchMinKills;
  private final int teamWipeWindowMs;
  private final int teamWipeMinVictims;

  private HighlightConfig(Builder b) {
    this.multiKillWindowMs = b.multiKillWindowMs;
    this.multiKillMin = b.multiKillMin;
    this.burstWindowMs = b.burstWindowMs;
    this.burstMin = b.burstMin;
    this.spreeMin = b.spreeMin;
    this.quickHeadshotWindowMs = b.quickHeadshotWindowMs;
    this.quickHeadshotMin = b.quickHeadshotMin;
    this.aimMomentHeadshots = b.aimMomentHeadshots;
    this.tradeWindowMs = b.tradeWindowMs;
    this.clutchMinKills = b.clutchMinKills;
    this.teamWipeWindowMs = b.teamWipeWindowMs;
    this.teamWipeMinVictims = b.teamWipeMinVictims;
  }

  /** The reference defaults. */
  public static HighlightConfig defaults() {
    return DEFAULTS;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this config's values. */
  public Builder toBuilder() {
    return new Builder().multiKillWindowMs(multiKillWindowMs).multiKillMin(multiKillMin).burstWindowMs(burstWindowMs).burstMin(burstMin).spreeMin(spreeMin).quickHeadshotWindowMs(quickHeadshotWindowMs).quickHeadshotMin(quickHeadshotMin).aimMomentHeadshots(aimMomentHeadshots).tradeWindowMs(tradeWindowMs).clutchMinKills(clutchMinKills).teamWipeWindowMs(teamWipeWindowMs).teamWipeMinVictims(teamWipeMinVictims);
  }

  /** multi_kill: maximum span from first to last kill (inclusive) (default 4000). */
  public int multiKillWindowMs() {
    return multiKillWindowMs;
  }

  /** multi_kill: minimum kills in the span (default 3). */
  public int multiKillMin() {
    return multiKillMin;
  }

  /** burst_multi_kill: maximum span (inclusive) (default 8000). */
  public int burstWindowMs() {
    return burstWindowMs;
  }

  /** burst_multi_kill: minimum kills (default 3). */
  public int burstMin() {
    return burstMin;
  }

  /** spree: minimum kills without dying (default 4). */
  public int spreeMin() {
    return spreeMin;
  }

  /** quick_headshot_chain / aim_moment: maximum span of head kills (inclusive) (default 2500). */
  public int quickHeadshotWindowMs() {
    return quickHeadshotWindowMs;
  }

  /** quick_headshot_chain: minimum head kills (default 2). */
  public int quickHeadshotMin() {
    return quickHeadshotMin;
  }

  /** aim_moment: head kills in the span that turn a chain into an aim moment (default 3). */
  public int aimMomentHeadshots() {
    return aimMomentHeadshots;
  }

  /** trade_kill: maximum time from the teammate's death to the trade (inclusive) (default 3000). */
  public int tradeWindowMs() {
    return tradeWindowMs;
  }

  /** clutch: minimum kills while the last one alive (default 2). */
  public int clutchMinKills() {
    return clutchMinKills;
  }

  /** team_wipe: window in which every living enemy must die (inclusive) (default 10000). */
  public int teamWipeWindowMs() {
    return teamWipeWindowMs;
  }

  /** team_wipe: minimum enemies killed in the wipe (default 3). */
  public int teamWipeMinVictims() {
    return teamWipeMinVictims;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof HighlightConfig o && multiKillWindowMs == o.multiKillWindowMs && multiKillMin == o.multiKillMin && burstWindowMs == o.burstWindowMs && burstMin == o.burstMin && spreeMin == o.spreeMin && quickHeadshotWindowMs == o.quickHeadshotWindowMs && quickHeadshotMin == o.quickHeadshotMin && aimMomentHeadshots == o.aimMomentHeadshots && tradeWindowMs == o.tradeWindowMs && clutchMinKills == o.clutchMinKills && teamWipeWindowMs == o.teamWipeWindowMs && teamWipeMinVictims == o.teamWipeMinVictims;
  }

  @Override
  public int hashCode() {
    return Objects.hash(multiKillWindowMs, multiKillMin, burstWindowMs, burstMin, spreeMin, quickHeadshotWindowMs, quickHeadshotMin, aimMomentHeadshots, tradeWindowMs, clutchMinKills, teamWipeWindowMs, teamWipeMinVictims);
  }

  @Override
  public String toString() {
    return "HighlightConfig{" + "multiKillWindowMs=" + multiKillWindowMs + ", "
        + "multiKillMin=" + multiKillMin + ", "
        + "burstWindowMs=" + burstWindowMs + ", "
        + "burstMin=" + burstMin + ", "
        + "spreeMin=" + spreeMin + ", "
        + "quickHeadshotWindowMs=" + quickHeadshotWindowMs + ", "
        + "quickHeadshotMin=" + quickHeadshotMin + ", "
        + "aimMomentHeadshots=" + aimMomentHeadshots + ", "
        + "tradeWindowMs=" + tradeWindowMs + ", "
        + "clutchMinKills=" + clutchMinKills + ", "
        + "teamWipeWindowMs=" + teamWipeWindowMs + ", "
        + "teamWipeMinVictims=" + teamWipeMinVictims + "}";
  }

  /** Builder; not thread-safe. A setter rejects its own bad value; {@link #build()} rejects bad combinations. */
  public static final class Builder {
    private int multiKillWindowMs = 4000;
    private int multiKillMin = 3;
    private int burstWindowMs = 8000;
    private int burstMin = 3;
    private int spreeMin = 4;
    private int quickHeadshotWindowMs = 2500;
    private int quickHeadshotMin = 2;
    private int aimMomentHeadshots = 3;
    private int tradeWindowMs = 3000;
    private int clutchMinKills = 2;
    private int teamWipeWindowMs = 10000;
    private int teamWipeMinVictims = 3;

    private Builder() {}

    /** multi_kill: maximum span from first to last kill (inclusive); at least 0. */
    public Builder multiKillWindowMs(int value) {
      if (value < 0) {
        throw new IllegalArgumentException("multiKillWindowMs < 0: " + value);
      }
      this.multiKillWindowMs = value;
      return this;
    }

    /** multi_kill: minimum kills in the span; at least 2. */
    public Builder multiKillMin(int value) {
      if (value < 2) {
        throw new IllegalArgumentException("multiKillMin < 2: " + value);
      }
      this.multiKillMin = value;
      return this;
    }

    /** burst_multi_kill: maximum span (inclusive); at least 0. */
    public Builder burstWindowMs(int value) {
      if (value < 0) {
        throw new IllegalArgumentException("burstWindowMs < 0: " + value);
      }
      this.burstWindowMs = value;
      return this;
    }

    /** burst_multi_kill: minimum kills; at least 2. */
    public Builder burstMin(int value) {
      if (value < 2) {
        throw new IllegalArgumentException("burstMin < 2: " + value);
      }
      this.burstMin = value;
      return this;
    }

    /** spree: minimum kills without dying; at least 2. */
    public Builder spreeMin(int value) {
      if (value < 2) {
        throw new IllegalArgumentException("spreeMin < 2: " + value);
      }
      this.spreeMin = value;
      return this;
    }

    /** quick_headshot_chain / aim_moment: maximum span of head kills (inclusive); at least 0. */
    public Builder quickHeadshotWindowMs(int value) {
      if (value < 0) {
        throw new IllegalArgumentException("quickHeadshotWindowMs < 0: " + value);
      }
      this.quickHeadshotWindowMs = value;
      return this;
    }

    /** quick_headshot_chain: minimum head kills; at least 2. */
    public Builder quickHeadshotMin(int value) {
      if (value < 2) {
        throw new IllegalArgumentException("quickHeadshotMin < 2: " + value);
      }
      this.quickHeadshotMin = value;
      return this;
    }

    /** aim_moment: head kills in the span that turn a chain into an aim moment; at least 2. */
    public Builder aimMomentHeadshots(int value) {
      if (value < 2) {
        throw new IllegalArgumentException("aimMomentHeadshots < 2: " + value);
      }
      this.aimMomentHeadshots = value;
      return this;
    }

    /** trade_kill: maximum time from the teammate's death to the trade (inclusive); at least 0. */
    public Builder tradeWindowMs(int value) {
      if (value < 0) {
        throw new IllegalArgumentException("tradeWindowMs < 0: " + value);
      }
      this.tradeWindowMs = value;
      return this;
    }

    /** clutch: minimum kills while the last one alive; at least 1. */
    public Builder clutchMinKills(int value) {
      if (value < 1) {
        throw new IllegalArgumentException("clutchMinKills < 1: " + value);
      }
      this.clutchMinKills = value;
      return this;
    }

    /** team_wipe: window in which every living enemy must die (inclusive); at least 0. */
    public Builder teamWipeWindowMs(int value) {
      if (value < 0) {
        throw new IllegalArgumentException("teamWipeWindowMs < 0: " + value);
      }
      this.teamWipeWindowMs = value;
      return this;
    }

    /** team_wipe: minimum enemies killed in the wipe; at least 1. */
    public Builder teamWipeMinVictims(int value) {
      if (value < 1) {
        throw new IllegalArgumentException("teamWipeMinVictims < 1: " + value);
      }
      this.teamWipeMinVictims = value;
      return this;
    }

    /**
     * @throws IllegalStateException when {@code aimMomentHeadshots < quickHeadshotMin}
     */
    public HighlightConfig build() {
      if (aimMomentHeadshots < quickHeadshotMin) {
        throw new IllegalStateException("aimMomentHeadshots (" + aimMomentHeadshots
            + ") < quickHeadshotMin (" + quickHeadshotMin + "): every aim moment must also be a headshot chain");
      }
      return new HighlightConfig(this);
    }
  }
}
