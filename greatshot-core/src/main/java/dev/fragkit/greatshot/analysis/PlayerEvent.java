package dev.fragkit.greatshot.analysis;

import org.jspecify.annotations.Nullable;

/**
 * A roster change after the demo's first gamestate. Immutable.
 *
 * @param timeMs server time (ms)
 * @param client the slot
 * @param player the clean name after the change (before it, for {@link Type#LEAVE})
 * @param type what changed
 * @param from the old value (name, team or class), null for joins
 * @param to the new value, null for leaves
 */
public record PlayerEvent(int timeMs, int client, String player, Type type, @Nullable String from,
    @Nullable String to) {
  /** What changed. */
  public enum Type { JOIN, LEAVE, RENAME, TEAM_CHANGE, CLASS_CHANGE }
}
