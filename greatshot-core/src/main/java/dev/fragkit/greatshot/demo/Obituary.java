package dev.fragkit.greatshot.demo;

import org.jspecify.annotations.Nullable;

/**
 * A death, decoded from an {@code EV_OBITUARY} event entity (format doc §11.2).
 *
 * @param serverTime server time of the snapshot in which the event first appeared
 * @param target the victim's client number (0..63)
 * @param attacker the killer's client number, or null when the world killed the target
 * @param mod the means of death
 * @param weapon the raw {@code WP_*} weapon number the server recorded
 * @param headshot true/false where the demo's version records it (ET:Legacy 2.84+), else null
 */
public record Obituary(int serverTime, int target, @Nullable Integer attacker, MeansOfDeath mod, int weapon,
    @Nullable Boolean headshot) {
  /** True when the target killed itself. */
  public boolean suicide() {
    return attacker != null && attacker == target;
  }
}
