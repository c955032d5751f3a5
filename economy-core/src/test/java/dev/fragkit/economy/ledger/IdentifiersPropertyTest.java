package dev.fragkit.economy.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The hand-written operation-id check accepts exactly what {@link Identifiers#OPERATION_ID} matches. */
class IdentifiersPropertyTest {
  @Provide
  Arbitrary<String> candidates() {
    // mostly printable ASCII, with control characters, spaces, DEL, non-ASCII and surrogates mixed in
    Arbitrary<Character> chars = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(20, Arbitraries.chars().range('\u0021', '\u007e')),
        net.jqwik.api.Tuple.of(1, Arbitraries.chars().range('\u0000', '\u0020')),
        net.jqwik.api.Tuple.of(1, Arbitraries.chars().range('\u007f', '\u00ff')),
        net.jqwik.api.Tuple.of(1, Arbitraries.chars().range('\ud800', '\udfff')));
    return chars.list().ofMinSize(0).ofMaxSize(140).map(l -> {
      StringBuilder b = new StringBuilder(l.size());
      l.forEach(b::append);
      return b.toString();
    });
  }

  @Property(tries = 2_000)
  void agreesWithTheRegex(@ForAll("candidates") String id) {
    boolean regex = Identifiers.OPERATION_ID.matcher(id).matches();
    if (regex) {
      assertThat(Identifiers.checkOperationId("operationId", id)).isEqualTo(id);
    } else {
      assertThatThrownBy(() -> Identifiers.checkOperationId("operationId", id))
          .isInstanceOf(InvalidIdentifierException.class)
          .hasMessageContaining("must match " + Identifiers.OPERATION_ID.pattern());
    }
  }

  @Example
  void boundariesOfLengthAndRange() {
    assertThat(Identifiers.checkOperationId("operationId", "!".repeat(128))).hasSize(128);
    assertThat(Identifiers.checkOperationId("operationId", "~")).isEqualTo("~");
    for (String bad : new String[] {"", "x".repeat(129), "a b", "a\u007f", "\u00e9"}) {
      assertThatThrownBy(() -> Identifiers.checkOperationId("operationId", bad))
          .isInstanceOf(InvalidIdentifierException.class);
    }
  }
}
