package dev.fragkit.greatshot.demo.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Info strings and number fields (format doc §13.2); colour codes are {@link
 * dev.fragkit.greatshot.demo.ColorCodes}. Stateless and thread-safe.
 */
public final class Text {
  private Text() {}

  /**
   * Parses {@code \key\value\key\value…} (leading backslash optional) into an ordered map; a
   * trailing key without value maps to {@code ""}.
   */
  public static Map<String, String> parseInfo(String info) {
    Map<String, String> out = new LinkedHashMap<>();
    int i = info.startsWith("\\") ? 1 : 0;
    int n = info.length();
    while (i < n) {
      int k = info.indexOf('\\', i);
      if (k < 0) {
        out.put(info.substring(i), "");
        break;
      }
      String key = info.substring(i, k);
      int v = info.indexOf('\\', k + 1);
      String value = v < 0 ? info.substring(k + 1) : info.substring(k + 1, v);
      out.put(key, value);
      if (v < 0) {
        break;
      }
      i = v + 1;
    }
    return out;
  }

  /**
   * The value of {@code key} in an info string, or {@code ""}: the same as {@code
   * parseInfo(info).get(key)} (the last occurrence wins), found by scanning without building the map.
   */
  public static String infoValue(String info, String key) {
    String found = "";
    int i = info.startsWith("\\") ? 1 : 0;
    int n = info.length();
    int keyLength = key.length();
    while (i < n) {
      int k = info.indexOf('\\', i);
      if (k < 0) {
        if (n - i == keyLength && info.startsWith(key, i)) {
          found = "";
        }
        break;
      }
      int v = info.indexOf('\\', k + 1);
      if (k - i == keyLength && info.startsWith(key, i)) {
        found = v < 0 ? info.substring(k + 1) : info.substring(k + 1, v);
      }
      if (v < 0) {
        break;
      }
      i = v + 1;
    }
    return found;
  }

  /** Parses a decimal int, or returns {@code fallback}. */
  public static int parseInt(String s, int fallback) {
    try {
      return Integer.parseInt(s.trim());
    } catch (NumberFormatException e) {
      return fallback;
    }
  }

  /**
   * Reads the first {@code major.minor.patch} digits of a version text after skipping non-digits,
   * as {@code major * 1000000 + minor * 1000 + patch}; 0 when absent.
   */
  public static int versionNumber(String text) {
    int i = 0;
    int n = text.length();
    while (i < n && !Character.isDigit(text.charAt(i))) {
      i++;
    }
    int[] parts = new int[3];
    for (int p = 0; p < 3 && i < n; p++) {
      int start = i;
      while (i < n && Character.isDigit(text.charAt(i)) && i - start < 4) {
        parts[p] = parts[p] * 10 + (text.charAt(i) - '0');
        i++;
      }
      if (i == start) {
        break;
      }
      if (i < n && text.charAt(i) == '.') {
        i++;
      } else {
        break;
      }
    }
    return parts[0] * 1_000_000 + parts[1] * 1_000 + parts[2];
  }
}
