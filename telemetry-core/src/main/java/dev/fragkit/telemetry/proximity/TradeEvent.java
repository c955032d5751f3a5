package dev.fragkit.telemetry.proximity;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the victim's team did after a death (reference §3.5 "trade events").
 *
 * @param opportunities teammates alive at the death whose nearest path point (within the position
 *     delta) was within the trade distance of the death
 * @param attempts victim-team players who hit the killer within the trade window
 * @param successes victim-team players who killed the killer within the trade window
 * @param missed the opportunities, when there was neither attempt nor success
 * @param isolated no opportunity and the nearest teammate beyond the isolation distance (or none)
 * @param nearestTeammateDistance 2D distance of the nearest located teammate, null if none
 */
public record TradeEvent(String victimGuid, String killerGuid, int deathTime, Position deathPosition,
    List<String> opportunities, List<String> attempts, List<String> successes, List<String> missed,
    boolean isolated, @Nullable Double nearestTeammateDistance) {
  public TradeEvent {
    opportunities = List.copyOf(opportunities);
    attempts = List.copyOf(attempts);
    successes = List.copyOf(successes);
    missed = List.copyOf(missed);
  }
}
