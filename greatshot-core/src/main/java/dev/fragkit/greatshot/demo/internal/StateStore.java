package dev.fragkit.greatshot.demo.internal;

import java.util.Arrays;

/**
 * Entity states shared between ring snapshots, kept in one int array: state {@code id} occupies
 * {@code data[id * stride .. id * stride + fields)}. Reference counts live in a parallel array so
 * carrying a state into the next snapshot or releasing a snapshot never touches the state itself.
 * A negative count marks a permanent state (baselines, the zero state). Id 0 is the zero state.
 * Not thread-safe.
 */
final class StateStore {
  final int stride;
  /** State data; replaced when the store grows, so re-read it after {@link #take} / {@link #permanent}. */
  int[] data;
  private int[] refs;
  private int[] free;
  private int freeCount;
  private int next;

  StateStore(int fields) {
    this.stride = fields + 1 & ~1;
    this.data = new int[64 * stride];
    this.refs = new int[64];
    this.free = new int[64];
    this.refs[0] = -1;
    this.next = 1;
  }

  /** A fresh state with one reference; its contents are whatever was there (callers overwrite all). */
  int take() {
    int id = freeCount > 0 ? free[--freeCount] : allocate();
    refs[id] = 1;
    return id;
  }

  /** A fresh permanent state, zero-filled. */
  int permanent() {
    int id = freeCount > 0 ? free[--freeCount] : allocate();
    refs[id] = -1;
    Arrays.fill(data, id * stride, id * stride + stride, 0);
    return id;
  }

  private int allocate() {
    int id = next++;
    if (id == refs.length) {
      refs = Arrays.copyOf(refs, id * 2);
      data = Arrays.copyOf(data, id * 2 * stride);
    }
    return id;
  }

  void retain(int id) {
    if (refs[id] > 0) {
      refs[id]++;
    }
  }

  void release(int id) {
    if (refs[id] > 0 && --refs[id] == 0) {
      if (freeCount == free.length) {
        free = Arrays.copyOf(free, freeCount * 2);
      }
      free[freeCount++] = id;
    }
  }

  /** Frees every state, permanent ones included, keeping the zero state (a new gamestate). */
  void clear() {
    Arrays.fill(refs, 0);
    refs[0] = -1;
    freeCount = 0;
    next = 1;
  }
}
