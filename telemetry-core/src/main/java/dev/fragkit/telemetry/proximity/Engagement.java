package dev.fragkit.telemetry.proximity;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An ENGAGEMENTS row: one target from first enemy damage until the engagement closed.
 *
 * @param outcome killed, escaped, timeout, round_end, disconnect, shutdown or unknown
 * @param killerGuid set only for {@code killed} with a valid killer, else null
 * @param crossfireDelay null unless {@code crossfire}
 * @param crossfireParticipants empty unless {@code crossfire}
 */
public record Engagement(int id, int startTime, int endTime, int duration, String targetGuid,
    String targetName, String targetTeam, String outcome, int totalDamage,
    @Nullable String killerGuid, @Nullable String killerName, int numAttackers, boolean crossfire,
    @Nullable Integer crossfireDelay, List<String> crossfireParticipants, Position start,
    Position end, double distanceTraveled, List<PathPoint> positions, List<Attacker> attackers) implements ProximityRow {
  public Engagement {
    crossfireParticipants = List.copyOf(crossfireParticipants);
    positions = List.copyOf(positions);
    attackers = List.copyOf(attackers);
  }

  public boolean killed() {
    return outcome.equals("killed");
  }
}
