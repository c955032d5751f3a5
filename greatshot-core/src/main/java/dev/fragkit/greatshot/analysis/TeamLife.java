package dev.fragkit.greatshot.analysis;

import java.util.Set;

/**
 * A team's members and living members at a moment. Immutable.
 *
 * @param members clients on the team
 * @param alive members that are alive
 * @param aliveSinceMs time of the last change to {@code members} or {@code alive}: the same value at
 *     two moments means nothing changed in between
 */
public record TeamLife(Set<Integer> members, Set<Integer> alive, int aliveSinceMs) {
  public TeamLife {
    members = Set.copyOf(members);
    alive = Set.copyOf(alive);
  }
}
