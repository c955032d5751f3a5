package dev.fragkit.greatshot.analysis;

import dev.fragkit.greatshot.demo.MeansOfDeath;
import dev.fragkit.greatshot.demo.Team;
import org.jspecify.annotations.Nullable;

/**
 * One death in the timeline (from an obituary). Immutable.
 *
 * @param timeMs server time (ms)
 * @param attacker the killer's client number, or null when the world killed the victim
 * @param attackerName the killer's clean name at that moment, or {@code "world"}
 * @param attackerTeam the killer's team at that moment, or null for the world
 * @param victim the victim's client number
 * @param victimName the victim's clean name at that moment
 * @param victimTeam the victim's team at that moment
 * @param mod the means of death
 * @param weapon canonical weapon name derived from {@code mod} ({@code mp40}, {@code thompson}, …)
 * @param headshot true/false when known (obituary flag of ET:Legacy 2.84+, or an {@code xpgain}
 *     hit region), null when unknown
 * @param hitRegion the hit region when known, else null
 * @param hitRegionSource {@code "obituary"} or {@code "xpgain"} when a region is known, else null
 */
public record Kill(int timeMs, @Nullable Integer attacker, String attackerName, @Nullable Team attackerTeam,
    int victim, String victimName, Team victimTeam, MeansOfDeath mod, String weapon, @Nullable Boolean headshot,
    @Nullable HitRegion hitRegion, @Nullable String hitRegionSource) {

  /** The world (no client) killed the victim. */
  public boolean world() {
    return attacker == null;
  }

  /** The victim killed itself. */
  public boolean suicide() {
    return attacker != null && attacker == victim;
  }

  /** Killer and victim were on the same playing team (axis or allies), and it was not a suicide. */
  public boolean teamKill() {
    return attacker != null && attacker != victim && attackerTeam == victimTeam
        && (victimTeam == Team.AXIS || victimTeam == Team.ALLIES);
  }

  /** A kill of an enemy by a client: the only kind that can earn highlights. */
  public boolean enemyKill() {
    return attacker != null && !suicide() && !teamKill();
  }

  /** Returns this kill with a hit region learned later (from {@code xpgain}). */
  public Kill withHitRegion(HitRegion region, String source) {
    return new Kill(timeMs, attacker, attackerName, attackerTeam, victim, victimName, victimTeam, mod, weapon,
        region == HitRegion.HEAD, region, source);
  }
}
