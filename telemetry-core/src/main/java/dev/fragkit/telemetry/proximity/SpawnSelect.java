package dev.fragkit.telemetry.proximity;

/**
 * A SPAWN_SELECT row ({@code d;s;s;s;d;d}). Immutable.
 *
 * @param spawnIndex the selected spawn point
 * @param lastSpawnTime the player's previous spawn time in ms
 */
public record SpawnSelect(int time, String guid, String name, String team, int spawnIndex,
    int lastSpawnTime) implements ProximityRow {}
