package dev.fragkit.economy.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;

/** The allocation-free recogniser of canonical requests agrees with building and comparing the text. */
class RequestsTest {
  private static final AccountId A = AccountId.user("g", "alice");
  private static final AccountId B = AccountId.user("g", "bob");

  @Example
  void canonicalTextsAreTheLedgersHistoricalFormat() {
    assertThat(Requests.transfer(A, B, 15)).isEqualTo("transfer g/alice g/bob 15");
    assertThat(Requests.credit(B, 7)).isEqualTo("credit g/bob 7");
    assertThat(Requests.rebuild(OperationKind.TRANSFER, A, B, 15)).isEqualTo("transfer g/alice g/bob 15");
    assertThat(Requests.rebuild(OperationKind.CREDIT, A, B, 7)).isEqualTo("credit g/bob 7");
    assertThat(Requests.rebuild(OperationKind.DEBIT, A, B, 7)).isNull();
  }

  @Example
  void nearMissesAreNotCanonical() {
    String[] misses = {"", "transfer", "transfer ", "transfer g/alice g/bob", "transfer g/alice g/bob ",
        "transfer g/alice g/bob 150", "transfer g/alice g/bob 015", "transfer g/alice g/bob 1", "transfer g/alice g/bob 15 ",
        "transfer g/alice  g/bob 15", "transfer g/bob g/alice 15", "transfer g/alic g/bob 15", "transfer g/alicex g/bob 15",
        "transfer g/alice g/bob -15", "transfer galice g/bob 15", "transfer g/alice g/bob 1x"};
    for (String m : misses) {
      assertThat(Requests.isCanonical(m, OperationKind.TRANSFER, A, B, 15)).as(m).isFalse();
    }
    assertThat(Requests.isCanonical("transfer g/alice g/bob 15", OperationKind.TRANSFER, A, B, 15)).isTrue();
    assertThat(Requests.isCanonical("transfer g/alice g/bob 15", OperationKind.CREDIT, A, B, 15)).isFalse();
    assertThat(Requests.isCanonical("debit g/alice 15", OperationKind.DEBIT, A, B, 15)).isFalse();
    assertThat(Requests.isCanonical("credit g/bob 0", OperationKind.CREDIT, A, B, 0)).isTrue();
    assertThat(Requests.isCanonical("credit g/bob " + Long.MIN_VALUE, OperationKind.CREDIT, A, B, Long.MIN_VALUE))
        .isTrue();
    assertThat(Requests.isCanonical("credit g/bob " + Long.MAX_VALUE, OperationKind.CREDIT, A, B, Long.MAX_VALUE))
        .isTrue();
  }

  @Provide
  Arbitrary<String> texts() {
    Arbitrary<String> near = Arbitraries.longs().between(-20, 200).map(n -> "transfer g/alice g/bob " + n);
    Arbitrary<String> noise = Arbitraries.strings().withChars("transfe gcdio/alb-0123456789 ").ofMaxLength(40);
    return Arbitraries.oneOf(near, noise, near.map(s -> s + "0"), near.map(s -> s.replace("bob", "bo")));
  }

  @Property(tries = 3_000)
  void recognisesExactlyTheRebuiltText(@ForAll("texts") String text, @ForAll @LongRange(min = -5, max = 200) long amount) {
    for (OperationKind kind : new OperationKind[] {OperationKind.TRANSFER, OperationKind.CREDIT}) {
      boolean expected = text.equals(Requests.rebuild(kind, A, B, amount));
      assertThat(Requests.isCanonical(text, kind, A, B, amount)).as("%s %s %d", kind, text, amount)
          .isEqualTo(expected);
    }
  }

  @Property(tries = 1_000)
  void everyAmountsOwnTextIsCanonical(@ForAll long amount) {
    assertThat(Requests.isCanonical(Requests.transfer(A, B, amount), OperationKind.TRANSFER, A, B, amount)).isTrue();
    assertThat(Requests.isCanonical(Requests.credit(B, amount), OperationKind.CREDIT, A, B, amount)).isTrue();
  }
}
