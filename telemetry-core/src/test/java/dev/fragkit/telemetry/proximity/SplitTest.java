package dev.fragkit.telemetry.proximity;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.IntRange;

class SplitTest {
  @Property(tries = 500)
  void matchesStringSplitKeepingEmptyFields(@ForAll @CharRange(from = '0', to = ';') String s,
      @ForAll @IntRange(min = 1, max = 30) int limit) {
    assertThat(ProximityParser.split(s, ';', Integer.MAX_VALUE)).containsExactly(s.split(";", -1));
    assertThat(ProximityParser.split(s, ';', limit)).containsExactly(s.split(";", limit));
  }
}
