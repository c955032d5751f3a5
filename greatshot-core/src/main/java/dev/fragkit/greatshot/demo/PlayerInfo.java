package dev.fragkit.greatshot.demo;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A player slot's configstring ({@code CS_PLAYERS + client}, format doc §13.3) as it now stands.
 *
 * @param serverTime server time of the latest snapshot before the change, or null (gamestate)
 * @param client the slot (0..63)
 * @param connected false when the slot was cleared (the player left); the other fields are then empty
 * @param name the name with colour codes kept
 * @param cleanName the name without colour codes
 * @param team the team ({@code t})
 * @param playerClass the class ({@code c}), or null when absent or unknown
 * @param keys every key/value of the configstring
 */
public record PlayerInfo(@Nullable Integer serverTime, int client, boolean connected, String name, String cleanName,
    Team team, @Nullable PlayerClass playerClass, Map<String, String> keys) {
  public PlayerInfo {
    keys = Map.copyOf(keys);
  }
}
