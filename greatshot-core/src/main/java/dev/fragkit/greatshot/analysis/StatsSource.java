package dev.fragkit.greatshot.analysis;

import java.util.Locale;

/** Where a player's statistics came from. Immutable. */
public enum StatsSource {
  /** The Legacy {@code ws}/{@code wws}/{@code gstats} weapon-stats command (whole match, per weapon). */
  WEAPON_STATS,
  /** The Legacy {@code sc} end-of-match table (whole match, no per-weapon data, no accuracy). */
  SCORE_TABLE,
  /** Counted from the demo's own timeline (only what the recording saw). */
  TIMELINE;

  /** Lower-case label as written in reports: {@code ws}, {@code sc}, {@code timeline}. */
  public String label() {
    return switch (this) {
      case WEAPON_STATS -> "ws";
      case SCORE_TABLE -> "sc";
      case TIMELINE -> name().toLowerCase(Locale.ROOT);
    };
  }
}
