package dev.fragkit.greatshot.analysis.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Info strings, {@code \key\value\key\value…} (format doc §13.2; the leading backslash is
 * optional). Immutable, thread-safe (static methods only).
 */
public final class InfoString {
  private InfoString() {}

  /** Parses an info string into an insertion-ordered map; a trailing key without value maps to "". */
  public static Map<String, String> parse(String info) {
    Map<String, String> out = new LinkedHashMap<>();
    int i = info.startsWith("\\") ? 1 : 0;
    int n = info.length();
    while (i < n) {
      int keyEnd = info.indexOf('\\', i);
      if (keyEnd < 0) {
        out.put(info.substring(i), "");
        break;
      }
      String key = info.substring(i, keyEnd);
      int valueEnd = info.indexOf('\\', keyEnd + 1);
      if (valueEnd < 0) {
        valueEnd = n;
      }
      out.put(key, info.substring(keyEnd + 1, valueEnd));
      i = valueEnd + 1;
    }
    return out;
  }
}
