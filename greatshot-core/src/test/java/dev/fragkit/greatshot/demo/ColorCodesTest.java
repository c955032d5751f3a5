package dev.fragkit.greatshot.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ColorCodesTest {
  @Test
  void codesAreCaretPlusAPrintableCharacterAndADoubleCaretKeepsOne() {
    assertThat(ColorCodes.strip("^o[BOT]^7Bean")).isEqualTo("[BOT]Bean");
    assertThat(ColorCodes.strip("^$Allies^7")).isEqualTo("Allies");
    assertThat(ColorCodes.strip("a^^1b")).isEqualTo("a^b");
    assertThat(ColorCodes.strip("end^")).isEqualTo("end^");
  }

  @Test
  void aCaretBeforeASpaceOrAControlCharacterIsText() {
    assertThat(ColorCodes.strip("1 ^ 2")).isEqualTo("1 ^ 2");
    assertThat(ColorCodes.strip("x^\ty")).isEqualTo("x^y");
  }

  @Test
  void aCaretBeforeANonAsciiCharacterIsACode() {
    assertThat(ColorCodes.strip("^\u00e9Zoe")).isEqualTo("Zoe");
    assertThat(ColorCodes.strip("Zo\u00e9")).as("non-ASCII text is kept").isEqualTo("Zo\u00e9");
  }

  @Test
  void controlCharactersAndDeleteAreDropped() {
    assertThat(ColorCodes.strip("tab\there\n")).isEqualTo("tabhere");
    assertThat(ColorCodes.strip("del\u007Fete")).isEqualTo("delete");
  }

  @Test
  void unchangedTextIsReturnedAsIs() {
    String plain = "plain ^ text";
    assertThat(ColorCodes.strip(plain)).isSameAs(plain);
  }
}
