package dev.fragkit.greatshot.demo.internal;

import java.util.Arrays;

/**
 * Recycles state arrays shared between ring snapshots. A state array has one extra trailing
 * element holding its reference count; a negative count marks a permanent array (baselines, the
 * zero state) that is never recycled. Arrays are immutable while referenced. Not thread-safe.
 */
final class StatePool {
  private final int fields;
  private int[][] free = new int[64][];
  private int size;

  StatePool(int fields) {
    this.fields = fields;
  }

  /** A new permanent array of {@code fields} zeros. */
  static int[] permanent(int fields) {
    int[] a = new int[fields + 1];
    a[fields] = -1;
    return a;
  }

  /** An array with reference count 1 (contents undefined: the caller overwrites every field). */
  int[] take() {
    int[] a = size > 0 ? free[--size] : new int[fields + 1];
    a[fields] = 1;
    return a;
  }

  static void retain(int[] a) {
    int rc = a.length - 1;
    if (a[rc] > 0) {
      a[rc]++;
    }
  }

  static void release(int[] a, StatePool pool) {
    int rc = a.length - 1;
    if (a[rc] > 0 && --a[rc] == 0) {
      pool.put(a);
    }
  }

  private void put(int[] a) {
    if (size == free.length) {
      free = Arrays.copyOf(free, size * 2);
    }
    free[size++] = a;
  }
}
