package dev.fragkit.greatshot.demo.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits server command text into arguments the way the engine's command tokenizer does (format
 * doc §14.1). Stateless and thread-safe.
 */
public final class Tokenizer {
  /** The engine keeps at most this many tokens. */
  public static final int MAX_TOKENS = 256;

  private Tokenizer() {}

  /** Whitespace at the start of a token: bytes ≤ 0x20, and (signed-char quirk) bytes ≥ 0x80. */
  private static boolean skippable(char c) {
    return c <= ' ' || c >= 0x80;
  }

  public static List<String> tokenize(String text) {
    List<String> out = new ArrayList<>();
    int n = text.length();
    int i = 0;
    while (out.size() < MAX_TOKENS) {
      // skip whitespace and comments before a token
      while (true) {
        while (i < n && skippable(text.charAt(i))) {
          i++;
        }
        if (i >= n) {
          return out;
        }
        if (startsLineComment(text, i)) {
          return out;
        }
        if (i + 1 < n && text.charAt(i) == '/' && text.charAt(i + 1) == '*') {
          int close = text.indexOf("*/", i + 2);
          if (close < 0) {
            return out;
          }
          i = close + 2;
        } else {
          break;
        }
      }
      char c = text.charAt(i);
      if (c == '"') {
        int close = text.indexOf('"', i + 1);
        if (close < 0) {
          out.add(text.substring(i + 1));
          return out;
        }
        out.add(text.substring(i + 1, close));
        i = close + 1;
        continue;
      }
      int start = i;
      while (i < n && text.charAt(i) > ' ') {
        char d = text.charAt(i);
        if (d == '"' || startsLineComment(text, i)) {
          break;
        }
        if (d == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
          break;
        }
        i++;
      }
      out.add(text.substring(start, i));
    }
    return out;
  }

  /** {@code //} starts a comment unless the character before it is {@code :} (keeps URLs). */
  private static boolean startsLineComment(String text, int i) {
    return i + 1 < text.length() && text.charAt(i) == '/' && text.charAt(i + 1) == '/'
        && (i == 0 || text.charAt(i - 1) != ':');
  }
}
