package dev.fragkit.greatshot.analysis;

import dev.fragkit.greatshot.demo.Team;
import java.util.List;

/**
 * A client slot's player over the whole demo. Immutable.
 *
 * @param client the slot
 * @param name the last name seen, colour codes kept
 * @param cleanName the last name seen, without colour codes
 * @param nameHistory every distinct clean name, first-seen order
 * @param teams every team the player was on, in {@link Team} order
 * @param firstSeenMs when the slot was first seen in use
 * @param lastSeenMs when the slot was last seen in use (the demo end when still connected)
 */
public record PlayerSummary(int client, String name, String cleanName, List<String> nameHistory, List<Team> teams,
    int firstSeenMs, int lastSeenMs) {
  public PlayerSummary {
    nameHistory = List.copyOf(nameHistory);
    teams = List.copyOf(teams);
  }
}
