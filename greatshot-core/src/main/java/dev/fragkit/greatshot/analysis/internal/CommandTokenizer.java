package dev.fragkit.greatshot.analysis.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits server-command text the way the engine's {@code Cmd_TokenizeString} does (format doc
 * §14.1): tokens separated by bytes ≤ 0x20, {@code "…"} is one token without its quotes (no
 * escapes; an unterminated quote runs to the end), {@code //} ends the text unless preceded by
 * {@code :}, {@code /* … *}{@code /} is skipped, at most 256 tokens. Immutable, thread-safe.
 */
public final class CommandTokenizer {
  /** The engine's token limit ({@code MAX_STRING_TOKENS}). */
  public static final int MAX_TOKENS = 256;

  private CommandTokenizer() {}

  /** The tokens of {@code text}, argv[0] first. */
  public static List<String> tokenize(String text) {
    List<String> out = new ArrayList<>();
    int i = 0;
    int n = text.length();
    while (out.size() < MAX_TOKENS) {
      // skip whitespace and comments
      while (true) {
        while (i < n && text.charAt(i) <= ' ') {
          i++;
        }
        if (i >= n) {
          return out;
        }
        if (text.startsWith("//", i) && (i == 0 || text.charAt(i - 1) != ':')) {
          return out;
        }
        if (text.startsWith("/*", i)) {
          int end = text.indexOf("*/", i + 2);
          if (end < 0) {
            return out;
          }
          i = end + 2;
          continue;
        }
        break;
      }
      if (text.charAt(i) == '"') {
        int end = text.indexOf('"', i + 1);
        if (end < 0) {
          out.add(text.substring(i + 1));
          return out;
        }
        out.add(text.substring(i + 1, end));
        i = end + 1;
        continue;
      }
      int start = i;
      while (i < n && text.charAt(i) > ' ' && text.charAt(i) != '"') {
        if (text.startsWith("//", i) && (i == 0 || text.charAt(i - 1) != ':')) {
          break;
        }
        if (text.startsWith("/*", i)) {
          break;
        }
        i++;
      }
      out.add(text.substring(start, i));
    }
    return out;
  }
}
