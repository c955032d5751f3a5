package dev.fragkit.greatshot.demo.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The engine tokenizer rules of format doc §14.1. */
class TokenizerTest {
  @Test
  void splitsOnWhitespaceAndKeepsQuotedTextAsOneToken() {
    assertThat(Tokenizer.tokenize("cs 689 \"n\\Bob\\t\\1\"\n")).containsExactly("cs", "689", "n\\Bob\\t\\1");
    assertThat(Tokenizer.tokenize("  chat \"^7Bob^7: ^2^2hi there\" 3 0\n")).containsExactly("chat",
        "^7Bob^7: ^2^2hi there", "3", "0");
  }

  @Test
  void quoteEndsAnUnquotedTokenAndAnUnterminatedQuoteRunsToTheEnd() {
    assertThat(Tokenizer.tokenize("ab\"cd ef\"gh")).containsExactly("ab", "cd ef", "gh");
    assertThat(Tokenizer.tokenize("print \"unterminated text")).containsExactly("print", "unterminated text");
  }

  @Test
  void lineCommentEndsTokenizingExceptAfterAColon() {
    assertThat(Tokenizer.tokenize("a b // c d")).containsExactly("a", "b");
    assertThat(Tokenizer.tokenize("a b// c")).containsExactly("a", "b");
    assertThat(Tokenizer.tokenize("print http://etlegacy.com x")).containsExactly("print", "http://etlegacy.com", "x");
    assertThat(Tokenizer.tokenize("// only a comment")).isEmpty();
  }

  @Test
  void blockCommentsAreSkippedOutsideQuotes() {
    assertThat(Tokenizer.tokenize("a /* hidden */ b")).containsExactly("a", "b");
    assertThat(Tokenizer.tokenize("a/*x*/b")).containsExactly("a", "b");
    assertThat(Tokenizer.tokenize("\"a /* kept */\"")).containsExactly("a /* kept */");
    assertThat(Tokenizer.tokenize("a /* never closed")).containsExactly("a");
  }

  @Test
  void highCharactersAreSkippedAtTokenStartButKeptInside() {
    assertThat(Tokenizer.tokenize("\u00e9abc d\u00e9f")).containsExactly("abc", "d\u00e9f");
  }

  @Test
  void keepsAtMost256Tokens() {
    assertThat(Tokenizer.tokenize("x ".repeat(300))).hasSize(256);
  }
}
