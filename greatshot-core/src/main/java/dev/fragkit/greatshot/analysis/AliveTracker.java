package dev.fragkit.greatshot.analysis;

import dev.fragkit.greatshot.demo.Team;
import java.util.Optional;

/**
 * Who is alive on a team at a moment. The highlight rules {@code clutch} and {@code team_wipe} need
 * it and report nothing when it answers "unknown".
 *
 * <p>Deciding it soundly needs more than obituaries: a death is certain (the obituary), but a player
 * comes back by a reinforcement-wave respawn or a medic's revive, neither of which is a server
 * command or an obituary. Sound sources are the snapshots' player entities ({@code ET_PLAYER} with
 * {@code EF_DEAD} in {@code eFlags}, format doc §9.1/§12.1), the recorder's playerState
 * ({@code stats[STAT_HEALTH]} ≤ 0 or {@code pm_type} PM_DEAD, §12.7/§12.8), or {@code EV_PLAYER_REVIVE}
 * (v2.83+) plus spawn events. A source that has them builds a {@link LifeTimeline}; everything else
 * uses {@link #UNKNOWN} — the rules never guess.
 *
 * <p>Implementations must be immutable or thread-safe.
 */
public interface AliveTracker {
  /** Knows nothing: every query answers empty. */
  AliveTracker UNKNOWN = (team, timeMs) -> Optional.empty();

  /**
   * The team's state after every transition at or before {@code timeMs}, or empty when not known.
   */
  Optional<TeamLife> team(Team team, int timeMs);
}
