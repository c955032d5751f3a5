package dev.fragkit.greatshot.analysis.internal;

/**
 * Removes Quake colour codes: {@code ^} followed by any character other than {@code ^} (so
 * {@code ^^} keeps one literal caret, as the engine's {@code Q_IsColorString} does), plus control
 * characters below 0x20. Immutable, thread-safe (static methods only).
 */
public final class ColorCodes {
  private ColorCodes() {}

  /** The text without colour codes and control characters. */
  public static String strip(String text) {
    StringBuilder sb = null;
    int n = text.length();
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      boolean color = c == '^' && i + 1 < n && text.charAt(i + 1) != '^';
      if (color || c < 0x20) {
        if (sb == null) {
          sb = new StringBuilder(n).append(text, 0, i);
        }
        if (color) {
          i++;
        }
        continue;
      }
      if (sb != null) {
        sb.append(c);
      }
    }
    return sb == null ? text : sb.toString();
  }
}
