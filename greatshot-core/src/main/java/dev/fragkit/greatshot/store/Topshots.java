package dev.fragkit.greatshot.store;

import java.time.Instant;
import java.util.List;

/**
 * Leaderboards over analysed demos. Each call is one indexed query in the JDBC implementation (no
 * per-row follow-up queries). Ties are broken by demo id (and, for player rows, player name and then
 * the player's position in the analysis) so the order is total and pages are stable. Thread-safe.
 */
public interface Topshots {
  /** Demos with the most kills (total_kills &gt; 0). */
  List<DemoKills> topKills(Page page);

  /** Player rows (one per player per demo) by kills. */
  List<PlayerRow> topPlayers(Page page);

  /** Player rows with at least {@code minKills} kills and a known accuracy, by accuracy. */
  List<PlayerRow> topAccuracy(int minKills, Page page);

  /** Player rows by damage given. */
  List<PlayerRow> topDamage(Page page);

  /** Highlights with at least two kills, by score. */
  List<Multikill> topMultikills(Page page);

  /** A demo on the kills board. Immutable. */
  record DemoKills(String demoId, String filename, String map, int totalKills, int playerCount, Instant createdAt) {}

  /** A player in one demo. {@code accuracy} is in percent, negative when unknown. Immutable. */
  record PlayerRow(String demoId, String filename, String map, String player, int kills, int deaths,
      int headshots, long damageGiven, double accuracy, Instant createdAt) {}

  /** A multi-kill highlight. Immutable. */
  record Multikill(String highlightId, String demoId, String type, String player, int kills, double score,
      String filename, String map, Instant createdAt) {}
}
