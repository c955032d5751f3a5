package dev.fragkit.greatshot.demo.internal;

import java.util.Arrays;

/**
 * Entity states shared between ring snapshots, kept in fixed-size int pages: state {@code id}
 * occupies {@code page(id)[offset(id) .. offset(id) + fields)}. Growing adds a page and never
 * copies or re-zeroes the states already stored, so a small demo only pays for the pages it uses.
 * Reference counts live in a parallel array so carrying a state into the next snapshot or
 * releasing a snapshot never touches the state itself. A negative count marks a permanent state
 * (baselines, the zero state). Id 0 is the zero state. Not thread-safe.
 */
final class StateStore {
  /** States per page (a power of two). */
  static final int PAGE_STATES = 64;
  static final int PAGE_SHIFT = 6;

  final int stride;
  /** Pages of {@link #PAGE_STATES} states; the array of pages grows, a page never moves. */
  private int[][] pages;
  private int[] refs;
  private int[] free;
  private int freeCount;
  private int next;

  StateStore(int fields) {
    this.stride = fields + 1 & ~1;
    this.pages = new int[4][];
    this.pages[0] = new int[PAGE_STATES * stride];
    this.refs = new int[PAGE_STATES];
    this.free = new int[PAGE_STATES];
    this.refs[0] = -1;
    this.next = 1;
  }

  /** The page holding state {@code id}. */
  int[] page(int id) {
    return pages[id >>> PAGE_SHIFT];
  }

  /** Where state {@code id} starts in its {@link #page}. */
  int offset(int id) {
    return (id & (PAGE_STATES - 1)) * stride;
  }

  /** Field {@code field} of state {@code id}. */
  int get(int id, int field) {
    return pages[id >>> PAGE_SHIFT][(id & (PAGE_STATES - 1)) * stride + field];
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
    int at = offset(id);
    Arrays.fill(page(id), at, at + stride, 0);
    return id;
  }

  private int allocate() {
    int id = next++;
    if (id == refs.length) {
      refs = Arrays.copyOf(refs, id * 2);
    }
    int p = id >>> PAGE_SHIFT;
    if (p == pages.length) {
      pages = Arrays.copyOf(pages, p * 2);
    }
    if (pages[p] == null) {
      pages[p] = new int[PAGE_STATES * stride];
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
