package dev.fragkit.greatshot.demo;

/**
 * The engine's colour-code rule, used everywhere Fragkit cleans a name, chat line or score line
 * (demo format §5): {@code ^} followed by a character that is neither {@code ^} nor the end of the
 * text is a two-character colour code when that character is a printable non-space ASCII character
 * or any character ≥ 0x80. So {@code ^^1} keeps one literal caret and {@code "^ "} is text, not a
 * code. Control characters (below 0x20, and DEL) are dropped; every other character is kept.
 *
 * <p>Stateless and thread-safe.
 */
public final class ColorCodes {
  private ColorCodes() {}

  /** {@code text} without colour codes and control characters; {@code text} itself when nothing is removed. */
  public static String strip(String text) {
    StringBuilder out = null;
    int n = text.length();
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      boolean code = c == '^' && i + 1 < n && isCodeCharacter(text.charAt(i + 1));
      if (code || c < ' ' || c == 0x7F) {
        if (out == null) {
          out = new StringBuilder(n).append(text, 0, i);
        }
        if (code) {
          i++;
        }
      } else if (out != null) {
        out.append(c);
      }
    }
    return out == null ? text : out.toString();
  }

  private static boolean isCodeCharacter(char d) {
    return d != '^' && ((d > ' ' && d < 0x7F) || d >= 0x80);
  }
}
