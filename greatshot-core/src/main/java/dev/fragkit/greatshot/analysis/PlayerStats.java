package dev.fragkit.greatshot.analysis;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One player's statistics. Counters come from {@link #source()}: the Legacy {@code ws} command when
 * the demo has one for the player, else the latest {@code sc} table, else the timeline. The
 * {@link #timeline()} counts (what this recording saw) are always given as well. Immutable.
 *
 * @param client the slot
 * @param cleanName the player's clean name
 * @param source where kills/deaths/suicides/teamKills/damage came from
 * @param sourceTimeMs server time of the {@code ws}/{@code sc} command used, null for the timeline
 * @param headshots from {@code ws} when present, else the timeline's known head kills
 * @param damageGiven from {@code ws} or {@code sc}; null when only the timeline is known
 * @param damageReceived as {@code damageGiven}
 * @param accuracy hits / shots × 100 (2 decimals, half-even) from {@code ws}; null otherwise
 * @param timePlayedMs time on axis or allies within the recorded span (always from the roster timeline)
 * @param kdr kills / max(1, deaths), 2 decimals, half-even
 * @param weapons per-weapon breakdown, from {@link #weaponsSource()}
 * @param weaponsSource {@link StatsSource#WEAPON_STATS} or {@link StatsSource#TIMELINE}
 * @param timeline counts from this demo's own kills
 */
public record PlayerStats(int client, String cleanName, StatsSource source, @Nullable Integer sourceTimeMs, int kills,
    int deaths, int suicides, int teamKills, int headshots, @Nullable Integer damageGiven,
    @Nullable Integer damageReceived, @Nullable Double accuracy, long timePlayedMs, double kdr,
    List<WeaponLine> weapons, StatsSource weaponsSource, TimelineCounts timeline) {
  public PlayerStats {
    weapons = List.copyOf(weapons);
  }

  /**
   * One weapon's counters.
   *
   * @param shots attempts (null from the timeline)
   * @param hits hits (null from the timeline)
   */
  public record WeaponLine(String weapon, int kills, int deaths, int headshots, @Nullable Integer shots,
      @Nullable Integer hits) {}

  /** Counts from the demo's timeline. {@code kills} counts enemy kills only. */
  public record TimelineCounts(int kills, int deaths, int suicides, int teamKills, int headshots) {}
}
