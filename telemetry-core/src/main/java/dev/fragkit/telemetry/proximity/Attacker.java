package dev.fragkit.telemetry.proximity;

import java.util.Map;

/**
 * One attacker of an engagement: {@code guid,name,team,damage,hits,first_hit,last_hit,got_kill,weapons}
 * where {@code weapons} is {@code <id>:<count>;} repeated (or {@code 0:0}).
 *
 * @param weapons weapon id to hit count, in file order (the {@code 0:0} placeholder is dropped)
 */
public record Attacker(String guid, String name, String team, int damage, int hits, int firstHit,
    int lastHit, boolean gotKill, Map<Integer, Integer> weapons) {
  public Attacker {
    weapons = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(weapons));
  }
}
