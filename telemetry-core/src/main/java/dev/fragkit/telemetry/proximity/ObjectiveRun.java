package dev.fragkit.telemetry.proximity;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An OBJECTIVE_RUNS row ({@code s;s;s;s;s;d;d;.1f;.1f;.3f;d;d;s;d;d;s;d;d;d;s;s}, 21 fields): an
 * engineer's approach to an objective. Immutable.
 *
 * @param actionType e.g. {@code dynamite_plant}; {@code approach_killed} exactly for {@link
 *     ObjectiveRunType#DENIED} runs
 * @param approachTimeMs ≥ 0
 * @param approachDistance path length of the approach (≥ 0)
 * @param beelineDistance straight distance (≥ 0)
 * @param pathEfficiency ≥ 0
 * @param escortGuids teammates escorting ({@code |}-separated in the file; empty field → empty list)
 * @param objective objective position (integers in the file)
 * @param killerGuid null when empty
 */
public record ObjectiveRun(String engineerGuid, String engineerName, String engineerTeam,
    String actionType, String trackName, int actionTime, int approachTimeMs,
    double approachDistance, double beelineDistance, double pathEfficiency, int selfKills,
    int teamKills, List<String> escortGuids, int enemiesNearby, int nearbyTeammates,
    ObjectiveRunType runType, Position objective, @Nullable String killerGuid,
    @Nullable String killerName) implements ProximityRow {
  public ObjectiveRun {
    escortGuids = List.copyOf(escortGuids);
  }
}
