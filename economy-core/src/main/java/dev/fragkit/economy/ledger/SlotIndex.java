package dev.fragkit.economy.ledger;

import java.util.Arrays;

/**
 * A growable list of {@code int}s (journal slots) with one writer at a time and any number of
 * lock-free readers: the per-account journal index of {@link InMemoryLedgerStore} (4 bytes per leg
 * instead of a queue node per leg).
 *
 * <p>Writers must be serialised by the caller (the store appends under the account's lock); a
 * reader sees a prefix of the appended values: every value appended before the last {@link #size}
 * it read. Both fields are volatile: a grown array is published (with its copied contents) before
 * the size that counts its new element.
 */
final class SlotIndex {
  private static final int[] EMPTY = new int[0];
  private static final int MAX_CAPACITY = Integer.MAX_VALUE - 8;

  private volatile int[] slots = EMPTY;
  private volatile int size;

  /** Appends {@code slot}. Callers serialise writers. */
  void add(int slot) {
    int n = size;
    int[] a = slots;
    if (n == a.length) {
      if (n == MAX_CAPACITY) {
        throw new IllegalStateException("slot index full: " + n + " entries");
      }
      int grown = n < 4 ? 4 : (int) Math.min(MAX_CAPACITY, n + (n >> 1) + 1L);
      a = Arrays.copyOf(a, grown);
      slots = a;
    }
    a[n] = slot;
    size = n + 1;
  }

  /** Number of values appended so far. */
  int size() {
    return size;
  }

  /** A copy of the values appended so far (as of this call), in append order. */
  int[] snapshot() {
    int n = size;
    int[] a = slots;
    return Arrays.copyOf(a, n);
  }
}
