package dev.fragkit.greatshot.highlight;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fragkit.greatshot.analysis.Kill;
import dev.fragkit.greatshot.testing.Kills;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class HighlightPropertiesTest {
  private final HighlightEngine engine = HighlightEngine.standard();

  @Provide
  Arbitrary<List<Kill>> kills() {
    Arbitrary<Kill> kill = Combinators.combine(
            Arbitraries.integers().between(0, 30_000),
            Arbitraries.integers().between(0, 5),
            Arbitraries.integers().between(0, 5),
            Arbitraries.of(Boolean.TRUE, Boolean.FALSE, null))
        .as((t, a, v, head) -> Kills.kill(t, a, 32 + v, head)); // axis 0..5 kill allies 32..37
    Arbitrary<Kill> death = Combinators.combine(Arbitraries.integers().between(0, 30_000),
        Arbitraries.integers().between(0, 5)).as((t, v) -> Kills.kill(t, 33, v)); // allies kill axis
    return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(4, kill), net.jqwik.api.Tuple.of(1, death))
        .list().ofMaxSize(40);
  }

  @Provide
  Arbitrary<Kill> extraKill() {
    return Combinators.combine(Arbitraries.integers().between(0, 30_000), Arbitraries.integers().between(0, 5))
        .as((t, a) -> Kills.kill(t, a, 40));
  }

  @Property(tries = 300)
  void addingAKillNeverRemovesAMultiKill(@ForAll("kills") List<Kill> kills, @ForAll("extraKill") Kill extra) {
    List<Highlight> before = multi(engine.detect(kills));
    List<Kill> more = new ArrayList<>(kills);
    more.add(extra);
    List<Highlight> after = multi(engine.detect(more));

    for (Highlight h : before) {
      assertThat(after).as("after adding %s, %s must still be covered", extra, h)
          .anyMatch(n -> n.type().equals(h.type()) && n.client().equals(h.client()) && n.endMs() == h.endMs()
              && n.startMs() <= h.startMs() && n.kills() >= h.kills());
    }
  }

  @Property(tries = 300)
  void outputIsOrderedAndFreeOfDuplicates(@ForAll("kills") List<Kill> kills) {
    List<Highlight> out = engine.detect(kills);
    List<Highlight> sorted = new ArrayList<>(out);
    sorted.sort(HighlightEngine.ORDER);
    assertThat(out).isEqualTo(sorted);
    Set<String> keys = new HashSet<>();
    for (Highlight h : out) {
      assertThat(keys.add(h.type() + "/" + h.client() + "/" + h.startMs() + "/" + h.endMs())).as("duplicate %s", h)
          .isTrue();
    }
  }

  @Property(tries = 200)
  void everyMultiKillReallyHasItsKillsInsideItsWindow(@ForAll("kills") List<Kill> kills) {
    for (Highlight h : engine.detect(kills)) {
      if (!h.type().equals("multi_kill") && !h.type().equals("burst_multi_kill")) {
        continue;
      }
      long inside = kills.stream().filter(k -> k.enemyKill() && h.client().equals(k.attacker())
          && k.timeMs() >= h.startMs() && k.timeMs() <= h.endMs()).count();
      int window = h.type().equals("multi_kill") ? 4000 : 8000;
      assertThat(h.endMs() - h.startMs()).isLessThanOrEqualTo(window);
      assertThat(inside).isGreaterThanOrEqualTo(h.kills());
      assertThat(h.kills()).isGreaterThanOrEqualTo(3);
    }
  }

  @Property(tries = 200)
  void atMostOneSpreePerPlayerBetweenTwoOfItsDeaths(@ForAll("kills") List<Kill> kills) {
    List<Highlight> sprees = engine.detect(kills).stream().filter(h -> h.type().equals("spree")).toList();
    for (int i = 0; i < sprees.size(); i++) {
      for (int j = i + 1; j < sprees.size(); j++) {
        Highlight a = sprees.get(i);
        Highlight b = sprees.get(j);
        if (a.client().equals(b.client())) {
          boolean disjoint = a.endMs() <= b.startMs() || b.endMs() <= a.startMs();
          assertThat(disjoint).as("%s and %s overlap", a, b).isTrue();
        }
      }
    }
  }

  @Provide
  Arbitrary<List<Highlight>> candidates() {
    Arbitrary<Highlight> h = Combinators.combine(
            Arbitraries.of("multi_kill", "spree", "x"),
            Arbitraries.integers().between(0, 3),
            Arbitraries.integers().between(-5, 5),
            Arbitraries.integers().between(0, 5),
            Arbitraries.of(0.0, 7.5, 10.0, 30.0, -1.0, 1e9),
            Arbitraries.of("a", "b", "B", "é"))
        .as((type, client, start, len, score, player) -> new Highlight(type, client, player, start * 1000,
            start * 1000 + len, 1, score, type + client));
    return h.list().ofMinSize(64).ofMaxSize(400); // at least 64: the radix path
  }

  @Property(tries = 300)
  void radixOrderEqualsTheStableComparatorSort(@ForAll("candidates") List<Highlight> hs) {
    Highlight[] in = hs.toArray(new Highlight[0]);
    Highlight[] expected = in.clone();
    java.util.Arrays.sort(expected, HighlightEngine.ORDER);
    Highlight[] actual = HighlightEngine.sorted(in);
    for (int i = 0; i < in.length; i++) {
      assertThat(actual[i]).as("position %d", i).isSameAs(expected[i]);
    }
  }

  private static List<Highlight> multi(List<Highlight> hs) {
    return hs.stream().filter(h -> h.type().equals("multi_kill") || h.type().equals("burst_multi_kill")).toList();
  }
}
