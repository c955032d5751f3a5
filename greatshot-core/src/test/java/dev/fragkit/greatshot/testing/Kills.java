package dev.fragkit.greatshot.testing;

import dev.fragkit.greatshot.analysis.Kill;
import dev.fragkit.greatshot.demo.MeansOfDeath;
import dev.fragkit.greatshot.demo.Team;
import org.jspecify.annotations.Nullable;

/** Builds {@link Kill}s for rule tests: clients 0..31 are axis, 32..63 allies; names are "p<client>". */
public final class Kills {
  private Kills() {}

  public static Team team(int client) {
    return client < 32 ? Team.AXIS : Team.ALLIES;
  }

  public static String name(int client) {
    return "p" + client;
  }

  /** An enemy (or team, by the numbering) kill without hit region. */
  public static Kill kill(int timeMs, int attacker, int victim) {
    return kill(timeMs, attacker, victim, null);
  }

  /** A head kill. */
  public static Kill head(int timeMs, int attacker, int victim) {
    return kill(timeMs, attacker, victim, true);
  }

  public static Kill kill(int timeMs, int attacker, int victim, @Nullable Boolean headshot) {
    return new Kill(timeMs, attacker, name(attacker), team(attacker), victim, name(victim), team(victim),
        MeansOfDeath.MOD_MP40, "mp40", headshot, headshot == Boolean.TRUE ? dev.fragkit.greatshot.analysis.HitRegion.HEAD : null,
        headshot == null ? null : "obituary");
  }

  /** The world kills {@code victim}. */
  public static Kill world(int timeMs, int victim) {
    return new Kill(timeMs, null, "world", null, victim, name(victim), team(victim), MeansOfDeath.MOD_FALLING,
        "falling", null, null, null);
  }

  /** {@code victim} kills itself. */
  public static Kill suicide(int timeMs, int victim) {
    return new Kill(timeMs, victim, name(victim), team(victim), victim, name(victim), team(victim),
        MeansOfDeath.MOD_SUICIDE, "suicide", null, null, null);
  }
}
