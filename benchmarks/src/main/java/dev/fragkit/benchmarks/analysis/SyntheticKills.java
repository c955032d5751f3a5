package dev.fragkit.benchmarks.analysis;

import dev.fragkit.greatshot.analysis.HitRegion;
import dev.fragkit.greatshot.analysis.Kill;
import dev.fragkit.greatshot.demo.MeansOfDeath;
import dev.fragkit.greatshot.demo.Team;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Seeded synthetic kill timelines. Immutable (static methods only). */
final class SyntheticKills {
  private static final String[] NAMES = new String[64];

  static {
    for (int c = 0; c < 64; c++) {
      NAMES[c] = "p" + c; // one instance per player, as an analysis shares its slot's name
    }
  }

  private SyntheticKills() {}

  /**
   * A busy 12-v-12 server: exponential gaps (mean 700 ms), random killer and enemy victim, 10 %
   * headshots, 2 % team kills, 1 % suicides.
   */
  static List<Kill> realistic(int n, long seed) {
    return withMeanGap(n, seed, 700);
  }

  /** A calmer server: the same mix with a 2500 ms mean gap (a 30-minute match of ~700 kills). */
  static List<Kill> calm(int n, long seed) {
    return withMeanGap(n, seed, 2500);
  }

  private static List<Kill> withMeanGap(int n, long seed, double meanGapMs) {
    SplittableRandom r = new SplittableRandom(seed);
    List<Kill> out = new ArrayList<>(n);
    int t = 0;
    for (int i = 0; i < n; i++) {
      t += (int) (-Math.log(1 - r.nextDouble()) * meanGapMs);
      int attacker = r.nextInt(24);
      boolean axis = attacker < 12;
      int a = axis ? attacker : 20 + attacker; // axis 0..11, allies 32..43
      double roll = r.nextDouble();
      int v;
      if (roll < 0.01) {
        v = a;
      } else if (roll < 0.03) {
        v = axis ? r.nextInt(12) : 32 + r.nextInt(12);
      } else {
        v = axis ? 32 + r.nextInt(12) : r.nextInt(12);
      }
      boolean head = r.nextDouble() < 0.10;
      out.add(kill(t, a, v, head));
    }
    return out;
  }

  /** Adversarial: one player kills every 100 ms for the whole timeline (every window qualifies). */
  static List<Kill> adversarial(int n) {
    List<Kill> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(kill(i * 100, 1, 32 + i % 12, i % 3 == 0));
    }
    return out;
  }

  private static Kill kill(int t, int a, int v, boolean head) {
    Team at = a < 32 ? Team.AXIS : Team.ALLIES;
    Team vt = v < 32 ? Team.AXIS : Team.ALLIES;
    return new Kill(t, a, NAMES[a], at, v, NAMES[v], vt, MeansOfDeath.MOD_MP40, "mp40", head,
        head ? HitRegion.HEAD : null, head ? "obituary" : null);
  }
}
