package dev.fragkit.greatshot.highlight;

import org.jspecify.annotations.Nullable;

/**
 * Explanation texts by a {@code long} key (for example kill count and span), so that candidates
 * with the same explanation share one {@link String} instead of formatting it again. Open
 * addressing; it stops taking new entries at {@value #MAX_ENTRIES}, so its memory is bounded
 * whatever the input. One instance per rule run; not thread-safe.
 */
final class TextCache {
  static final int MAX_ENTRIES = 1 << 15;

  private long[] keys = new long[256];
  private @Nullable String[] values = new String[256];
  private int size;

  /** The text cached for {@code key}, or null. */
  @Nullable String get(long key) {
    int m = keys.length - 1;
    int slot = slot(key, m);
    String v;
    while ((v = values[slot]) != null) {
      if (keys[slot] == key) {
        return v;
      }
      slot = (slot + 1) & m;
    }
    return null;
  }

  /** Caches {@code text} for {@code key} (absent so far), unless the cache is full; returns {@code text}. */
  String put(long key, String text) {
    if (size >= MAX_ENTRIES) {
      return text;
    }
    if ((size + 1) * 2 > keys.length) {
      grow();
    }
    int m = keys.length - 1;
    int slot = slot(key, m);
    while (values[slot] != null) {
      slot = (slot + 1) & m;
    }
    keys[slot] = key;
    values[slot] = text;
    size++;
    return text;
  }

  private static int slot(long key, int mask) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h >>> 40) & mask;
  }

  private void grow() {
    long[] oldKeys = keys;
    String[] oldValues = values;
    keys = new long[oldKeys.length * 2];
    values = new String[oldKeys.length * 2];
    int m = keys.length - 1;
    for (int s = 0; s < oldKeys.length; s++) {
      if (oldValues[s] != null) {
        int slot = slot(oldKeys[s], m);
        while (values[slot] != null) {
          slot = (slot + 1) & m;
        }
        keys[slot] = oldKeys[s];
        values[slot] = oldValues[s];
      }
    }
  }
}
