package dev.fragkit.telemetry.proximity;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A PLAYER_TRACKS row: one life from spawn to death or round end.
 *
 * @param deathTime null when the field is 0 or empty (no death)
 * @param firstMoveTime null when the player never moved
 * @param deathType null in v4 files (9 fields) and for {@code unknown}
 */
public record PlayerTrack(String guid, String name, String team, String playerClass, int spawnTime,
    @Nullable Integer deathTime, @Nullable Integer firstMoveTime, @Nullable String deathType,
    int samples, List<TrackPoint> path) implements ProximityRow {
  public PlayerTrack {
    path = List.copyOf(path);
  }

  /** Whether the player was alive at {@code time} (between spawn and death, inclusive). */
  public boolean aliveAt(int time) {
    return spawnTime <= time && (deathTime == null || deathTime >= time);
  }
}
