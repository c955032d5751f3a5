package dev.fragkit.greatshot.analysis;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Everything one pass over a demo learned: demo facts, the roster, the timeline (kills, chat, roster
 * changes, round and match boundaries) and per-player statistics. Built by {@link AnalysisBuilder};
 * highlights are computed from it by {@code dev.fragkit.greatshot.highlight.HighlightEngine}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param demo demo facts
 * @param players every client slot seen in use, by client number
 * @param kills every death, in stream order (ascending time)
 * @param chat chat, team chat and voice chat, in stream order
 * @param playerEvents joins, leaves, renames, team and class changes, in stream order
 * @param matchEvents round and match boundaries, in stream order
 * @param stats per-player statistics keyed by clean name (sorted); a clean name used by two clients
 *     keys the second one as {@code "<name> (client <n>)"}
 * @param warnings things the analysis could not do or had to guess about, human readable
 * @param alive who was alive when, as far as the snapshots showed it ({@link AliveTracker#UNKNOWN}
 *     for sources without snapshots, such as UDT_json)
 */
public record Analysis(DemoInfo demo, List<PlayerSummary> players, List<Kill> kills, List<ChatLine> chat,
    List<PlayerEvent> playerEvents, List<MatchEvent> matchEvents, Map<String, PlayerStats> stats,
    List<String> warnings, AliveTracker alive) {
  public Analysis {
    java.util.Objects.requireNonNull(alive, "alive");
    players = List.copyOf(players);
    kills = List.copyOf(kills);
    chat = List.copyOf(chat);
    playerEvents = List.copyOf(playerEvents);
    matchEvents = List.copyOf(matchEvents);
    stats = Collections.unmodifiableMap(new TreeMap<>(stats));
    warnings = List.copyOf(warnings);
  }

  /** Number of deaths in the timeline (kills, suicides, team kills and world kills). */
  public int totalKills() {
    return kills.size();
  }

  /** The player in slot {@code client}, if that slot was ever in use. */
  public Optional<PlayerSummary> player(int client) {
    for (PlayerSummary p : players) {
      if (p.client() == client) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }
}
