package dev.fragkit.greatshot.highlight;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fragkit.greatshot.analysis.Kill;
import dev.fragkit.greatshot.demo.MeansOfDeath;
import dev.fragkit.greatshot.demo.Team;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.jspecify.annotations.Nullable;

/**
 * The engine's fast paths (stock rules sending unique keys straight to the collector, no
 * de-duplication hash, packed radix ordering) against a plain implementation of the rules'
 * documented definitions, and against the same rules forced through the hashing path. Kill times
 * are drawn from a narrow range so many kills share a millisecond (the case where candidates share
 * keys), names change between kills (so which kill's name a candidate carries matters), and the
 * streams mix enemy kills with team kills, suicides and world kills.
 */
class HighlightEquivalenceTest {

  @Provide
  Arbitrary<List<Kill>> kills() {
    Arbitrary<Integer> client = Arbitraries.oneOf(Arbitraries.integers().between(0, 4),
        Arbitraries.integers().between(32, 36));
    Arbitrary<Kill> kill = Combinators.combine(Arbitraries.integers().between(0, 6_000), client, client,
            Arbitraries.of(Boolean.TRUE, Boolean.TRUE, Boolean.FALSE, null), Arbitraries.integers().between(0, 9))
        .as((t, a, v, head, alias) -> kill(t, a, v, head, alias));
    Arbitrary<Kill> world = Combinators.combine(Arbitraries.integers().between(0, 6_000), client)
        .as((t, v) -> new Kill(t, null, "world", null, v, "p" + v, team(v), MeansOfDeath.MOD_FALLING, "falling",
            null, null, null));
    // bursts: several kills at one millisecond
    Arbitrary<List<Kill>> same = Combinators.combine(Arbitraries.integers().between(0, 6_000), client,
            client.list().ofMinSize(2).ofMaxSize(6), Arbitraries.of(Boolean.TRUE, null))
        .as((t, a, victims, head) -> victims.stream().map(v -> kill(t, a, v, head, 0)).toList());
    Arbitrary<List<Kill>> one = Arbitraries.frequencyOf(Tuple.of(8, kill), Tuple.of(1, world)).map(List::of);
    return Arbitraries.frequencyOf(Tuple.of(5, one), Tuple.of(1, same)).list().ofMaxSize(40)
        .map(parts -> parts.stream().flatMap(List::stream).toList());
  }

  @Provide
  Arbitrary<HighlightConfig> configs() {
    Arbitrary<Integer> window = Arbitraries.of(0, 1, 500, 1000, 2500, 4000);
    Arbitrary<Integer> min = Arbitraries.integers().between(2, 4);
    return Combinators.combine(window, window, window, window, min.list().ofSize(4), Arbitraries.integers().between(0, 3))
        .as((mw, bw, hw, tw, mins, aimExtra) -> HighlightConfig.builder().multiKillWindowMs(mw)
            .multiKillMin(mins.get(0)).burstWindowMs(bw).burstMin(mins.get(1)).spreeMin(mins.get(2))
            .quickHeadshotWindowMs(hw).quickHeadshotMin(mins.get(3)).aimMomentHeadshots(mins.get(3) + aimExtra)
            .tradeWindowMs(tw).build());
  }

  @Property(tries = 1000)
  void stockEngineEqualsThePlainDefinitions(@ForAll("kills") List<Kill> kills, @ForAll("configs") HighlightConfig c) {
    assertThat(HighlightEngine.standard(c).detect(kills)).isEqualTo(Plain.detect(kills, c));
  }

  @Property(tries = 300)
  void defaultThresholdsEqualThePlainDefinitions(@ForAll("kills") List<Kill> kills) {
    HighlightConfig c = HighlightConfig.defaults();
    assertThat(HighlightEngine.standard(c).detect(kills)).isEqualTo(Plain.detect(kills, c));
  }

  @Property(tries = 300)
  void stockRulesGiveTheSameThroughTheHashingPath(@ForAll("kills") List<Kill> kills, @ForAll("configs") HighlightConfig c) {
    HighlightEngine.Builder hashed = HighlightEngine.builder().config(c);
    for (HighlightRule rule : HighlightEngine.standard(c).rules()) {
      hashed.rule(listOnly(rule));
    }
    assertThat(HighlightEngine.standard(c).detect(kills)).isEqualTo(hashed.build().detect(kills));
  }

  @Property(tries = 300)
  void aCustomRuleEmittingStockTypesIsDeduplicatedAgainstThem(@ForAll("kills") List<Kill> kills,
      @ForAll("configs") HighlightConfig c, @ForAll boolean customFirst) {
    // re-emits the stock multi_kill and spree candidates with other scores: every key collides
    HighlightRule echo = new HighlightRule() {
      @Override
      public String name() {
        return "echo";
      }

      @Override
      public List<Highlight> detect(HighlightContext context) {
        List<Highlight> out = new ArrayList<>();
        for (HighlightRule r : List.of(MultiKillRule.multiKill(), new SpreeRule())) {
          for (Highlight h : r.detect(context)) {
            double score = (h.startMs() % 3 == 0) ? h.score() + 1 : (h.startMs() % 3 == 1 ? h.score() : h.score() - 1);
            out.add(new Highlight(h.type(), h.client(), "echo", h.startMs(), h.endMs(), h.kills(), score, "echo"));
          }
        }
        return out;
      }
    };
    HighlightEngine.Builder fast = HighlightEngine.builder().config(c);
    HighlightEngine.Builder hashed = HighlightEngine.builder().config(c);
    if (customFirst) {
      fast.rule(echo);
      hashed.rule(echo);
    }
    for (HighlightRule rule : HighlightEngine.standard(c).rules()) {
      fast.rule(rule);
      hashed.rule(listOnly(rule));
    }
    if (!customFirst) {
      fast.rule(echo);
      hashed.rule(echo);
    }
    assertThat(fast.build().detect(kills)).isEqualTo(hashed.build().detect(kills));
  }

  @Property(tries = 200)
  void aStockRuleRegisteredTwiceIsDeduplicatedAgainstItself(@ForAll("kills") List<Kill> kills,
      @ForAll("configs") HighlightConfig c) {
    HighlightEngine twice = HighlightEngine.builder().config(c).stockRules().rule(MultiKillRule.multiKill())
        .rule(new HeadshotRule()).build();
    HighlightEngine hashed = HighlightEngine.builder().config(c).stockRules().rule(listOnly(MultiKillRule.multiKill()))
        .rule(listOnly(new HeadshotRule())).build();
    assertThat(twice.detect(kills)).isEqualTo(hashed.detect(kills)).isEqualTo(HighlightEngine.standard(c).detect(kills));
  }

  @Provide
  Arbitrary<List<Highlight>> wideCandidates() {
    Arbitrary<Highlight> h = Combinators.combine(
            Arbitraries.of("multi_kill", "spree"),
            Arbitraries.integers().between(0, 3),
            Arbitraries.integers(), // any start: with the others, the keys do not fit in a long
            Arbitraries.integers().between(0, Integer.MAX_VALUE),
            Arbitraries.doubles().between(-1e6, 1e6),
            Arbitraries.strings().alpha().ofMaxLength(3))
        .as((type, client, start, len, score, player) -> new Highlight(type, client, player, start,
            (int) Math.min(Integer.MAX_VALUE, (long) start + len), 1, score, type));
    return h.list().ofMinSize(64).ofMaxSize(300);
  }

  @Property(tries = 200)
  void bothRadixOrdersEqualTheStableComparatorSort(@ForAll("wideCandidates") List<Highlight> hs) {
    Highlight[] in = hs.toArray(new Highlight[0]);
    Highlight[] expected = in.clone();
    java.util.Arrays.sort(expected, HighlightEngine.ORDER);
    Highlight[] packedWhenItFits = Candidates.sorted(in, true);
    Highlight[] fieldByField = Candidates.sorted(in, false);
    for (int i = 0; i < in.length; i++) {
      assertThat(packedWhenItFits[i]).as("packed, position %d", i).isSameAs(expected[i]);
      assertThat(fieldByField[i]).as("field by field, position %d", i).isSameAs(expected[i]);
    }
  }

  /** The same rule, seen by the engine as an ordinary custom rule (its list goes through the hash). */
  private static HighlightRule listOnly(HighlightRule rule) {
    return new HighlightRule() {
      @Override
      public String name() {
        return rule.name();
      }

      @Override
      public List<Highlight> detect(HighlightContext context) {
        return rule.detect(context);
      }
    };
  }

  private static Team team(int client) {
    return client < 32 ? Team.AXIS : Team.ALLIES;
  }

  private static Kill kill(int t, int a, int v, @Nullable Boolean head, int alias) {
    String name = alias < 3 ? "p" + a : "alias" + alias + "_" + a; // players rename now and then
    return new Kill(t, a, name, team(a), v, alias == 9 ? "renamed" + v : "p" + v, team(v), MeansOfDeath.MOD_MP40,
        "mp40", head, null, null);
  }

  /** The rules' definitions (their javadoc), written plainly over kill lists. */
  static final class Plain {
    private Plain() {}

    static List<Highlight> detect(List<Kill> input, HighlightConfig c) {
      List<Kill> kills = new ArrayList<>(input);
      kills.sort(Comparator.comparingInt(Kill::timeMs)); // stable
      List<Highlight> all = new ArrayList<>();
      all.addAll(multi(kills, "multi_kill", c.multiKillWindowMs(), c.multiKillMin()));
      all.addAll(multi(kills, "burst_multi_kill", c.burstWindowMs(), c.burstMin()));
      all.addAll(spree(kills, c.spreeMin()));
      all.addAll(headshots(kills, c));
      all.addAll(trades(kills, c.tradeWindowMs()));
      Map<List<Object>, Highlight> kept = new LinkedHashMap<>();
      for (Highlight h : all) {
        List<Object> key = java.util.Arrays.asList(h.type(), h.client(), h.startMs(), h.endMs());
        Highlight old = kept.get(key);
        if (old == null || h.score() > old.score()) {
          kept.put(key, h); // replacing keeps the first one's place
        }
      }
      List<Highlight> out = new ArrayList<>(kept.values());
      out.sort(HighlightEngine.ORDER); // stable
      return out;
    }

    private static String seconds(long ms) {
      return new BigDecimal(ms / 1000.0).setScale(2, RoundingMode.HALF_EVEN).toPlainString();
    }

    private static boolean head(Kill k) {
      return Boolean.TRUE.equals(k.headshot());
    }

    /** Each client's enemy kills in time order, clients in order of their first enemy kill. */
    private static Map<Integer, List<Kill>> byAttacker(List<Kill> kills) {
      Map<Integer, List<Kill>> out = new LinkedHashMap<>();
      for (Kill k : kills) {
        if (k.enemyKill()) {
          out.computeIfAbsent(k.attacker(), x -> new ArrayList<>()).add(k);
        }
      }
      return out;
    }

    private static List<Highlight> multi(List<Kill> kills, String type, int window, int min) {
      List<Highlight> out = new ArrayList<>();
      for (Map.Entry<Integer, List<Kill>> e : byAttacker(kills).entrySet()) {
        List<Kill> ks = e.getValue();
        for (int r = 0; r < ks.size(); r++) {
          int l = 0;
          while (ks.get(r).timeMs() - ks.get(l).timeMs() > window) {
            l++;
          }
          int count = r - l + 1;
          if (count >= min) {
            int heads = 0;
            for (int j = l; j <= r; j++) {
              heads += head(ks.get(j)) ? 1 : 0;
            }
            int start = ks.get(l).timeMs();
            int end = ks.get(r).timeMs();
            out.add(new Highlight(type, e.getKey(), ks.get(r).attackerName(), start, end, count,
                count * 10.0 + heads * 2.0, count + " kills in " + seconds(end - start) + "s"));
          }
        }
      }
      return out;
    }

    private static List<Highlight> spree(List<Kill> kills, int min) {
      List<Highlight> out = new ArrayList<>();
      Map<Integer, List<Kill>> running = new java.util.HashMap<>();
      for (Kill k : kills) {
        if (k.enemyKill()) {
          running.computeIfAbsent(k.attacker(), x -> new ArrayList<>()).add(k);
        }
        List<Kill> ended = running.remove(k.victim());
        if (ended != null) {
          spreeOf(out, k.victim(), ended, min);
        }
      }
      for (int client = 0; client < 64; client++) {
        List<Kill> left = running.get(client);
        if (left != null) {
          spreeOf(out, client, left, min);
        }
      }
      return out;
    }

    private static void spreeOf(List<Highlight> out, int client, List<Kill> ks, int min) {
      if (ks.size() >= min) {
        Kill last = ks.get(ks.size() - 1);
        out.add(new Highlight("spree", client, last.attackerName(), ks.get(0).timeMs(), last.timeMs(), ks.size(),
            ks.size() * 7.0, ks.size() + " kills without dying"));
      }
    }

    private static List<Highlight> headshots(List<Kill> kills, HighlightConfig c) {
      List<Highlight> out = new ArrayList<>();
      for (Map.Entry<Integer, List<Kill>> e : byAttacker(kills).entrySet()) {
        List<Kill> hs = e.getValue().stream().filter(Plain::head).toList();
        for (int r = 0; r < hs.size(); r++) {
          int l = 0;
          while (hs.get(r).timeMs() - hs.get(l).timeMs() > c.quickHeadshotWindowMs()) {
            l++;
          }
          int count = r - l + 1;
          if (count < c.quickHeadshotMin()) {
            continue;
          }
          int start = hs.get(l).timeMs();
          int end = hs.get(r).timeMs();
          long duration = Math.max(1, end - start);
          String player = hs.get(r).attackerName();
          if (count >= c.aimMomentHeadshots()) {
            out.add(new Highlight("aim_moment", e.getKey(), player, start, end, count, count * 9.0,
                count + " headshot kills in " + seconds(duration) + "s"));
          } else {
            out.add(new Highlight("quick_headshot_chain", e.getKey(), player, start, end, count, count * 6.0,
                "Headshot burst: " + count + " in " + seconds(duration) + "s"));
          }
        }
      }
      return out;
    }

    private static List<Highlight> trades(List<Kill> kills, int window) {
      List<Highlight> out = new ArrayList<>();
      for (int i = 0; i < kills.size(); i++) {
        Kill k2 = kills.get(i);
        if (!k2.enemyKill()) {
          continue;
        }
        for (int j = i - 1; j >= 0; j--) { // A's earlier enemy kills, latest first
          Kill k1 = kills.get(j);
          if (!k1.enemyKill() || !Objects.equals(k1.attacker(), k2.victim())) {
            continue;
          }
          if (k2.timeMs() - k1.timeMs() > window) {
            break;
          }
          if (k1.victim() != k2.attacker() && k1.victimTeam() == k2.attackerTeam()) {
            out.add(new Highlight("trade_kill", k2.attacker(), k2.attackerName(), k1.timeMs(), k2.timeMs(), 1, 10.0,
                "traded " + k1.victimName() + " by killing " + k2.victimName() + " "
                    + seconds(k2.timeMs() - k1.timeMs()) + "s later"));
            break;
          }
        }
      }
      return out;
    }
  }
}
