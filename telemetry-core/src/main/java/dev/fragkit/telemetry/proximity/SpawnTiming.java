package dev.fragkit.telemetry.proximity;

import org.jspecify.annotations.Nullable;

/**
 * A SPAWN_TIMING row ({@code s×6;d;d;d;.3f;.1f;.1f}): when an enemy kill fell relative to the
 * victim team's respawn wave. Immutable.
 *
 * @param killTime ms since the round went live
 * @param enemySpawnIntervalMs the victim team's respawn interval; 0 when unknown (≤ 0 in the
 *     tracker gives score and time 0)
 * @param timeToNextSpawnMs ms from the kill to the victim team's next wave (≥ 0)
 * @param spawnTimingScore {@code timeToNextSpawn / interval} in [0, 1]; 1.0 = killed just after
 *     their wave
 * @param killerReinfSec seconds to the killer team's next wave; null in files without the column
 * @param victimReinfSec seconds to the victim team's next wave; null in files without the column
 */
public record SpawnTiming(String killerGuid, String killerName, String killerTeam,
    String victimGuid, String victimName, String victimTeam, int killTime,
    int enemySpawnIntervalMs, int timeToNextSpawnMs, double spawnTimingScore,
    @Nullable Double killerReinfSec, @Nullable Double victimReinfSec) implements ProximityRow {}
