package dev.fragkit.greatshot.demo.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** {@link Text#infoValue} (a scan) agrees with a lookup in {@link Text#parseInfo}'s map (§13.2). */
class TextInfoValueTest {
  @Provide
  Arbitrary<String> infoStrings() {
    // short keys and values from a tiny alphabet, so duplicates, empty parts and prefixes are common
    return Arbitraries.strings().withChars("ab\\\\").ofMaxLength(14);
  }

  @Provide
  Arbitrary<String> keys() {
    return Arbitraries.of("", "a", "b", "ab", "ba", "aa");
  }

  @Property(tries = 3000)
  void scanningGivesTheParsedMapsValue(@ForAll("infoStrings") String info, @ForAll("keys") String key) {
    String expected = Text.parseInfo(info).getOrDefault(key, "");
    assertThat(Text.infoValue(info, key)).as("info %s key %s", info, key).isEqualTo(expected);
  }

  @Test
  void lastOccurrenceWinsAndATrailingKeyHasAnEmptyValue() {
    for (String[] c : List.of(
        new String[] {"\\mod_version\\v2.83.1\\w\\1", "mod_version", "v2.83.1"},
        new String[] {"\\w\\0\\w\\1", "w", "1"},
        new String[] {"w\\0\\x", "x", ""},
        new String[] {"\\w\\0\\x", "w", "0"},
        new String[] {"\\ww\\5\\w\\", "w", ""},
        new String[] {"\\ww\\5", "w", ""})) {
      assertThat(Text.infoValue(c[0], c[1])).as("%s in %s", c[1], c[0]).isEqualTo(c[2]);
    }
  }
}
