package dev.fragkit.greatshot.demo.internal;

import java.util.Arrays;

/**
 * Entity states shared between ring snapshots, kept in fixed-size int pages: state {@code id}
 * occupies {@code page(id)[offset(id) .. offset(id) + fields)}. Growing adds a page and never
 * copies or re-zeroes the states already stored, so a small demo only pays for the pages it uses.
 *
 * <p>States are reclaimed by marking, not counting: carrying a state into the next snapshot or
 * dropping a snapshot costs nothing. When every allocated state has been handed out, the store asks
 * its {@link Roots} to {@link #mark} the states still referenced (the ring snapshots) and frees all
 * other non-permanent states; if fewer than a quarter come free it adds a page, so collections stay
 * rare. Permanent states (baselines, and id 0, the zero state) are never freed until
 * {@link #clear}. Not thread-safe.
 */
final class StateStore {
  /** Reports the states in use by calling {@link #mark} (or {@link #markAll}) for each. */
  @FunctionalInterface
  interface Roots {
    void markInUse(StateStore store);
  }

  /** States per page (a power of two). */
  static final int PAGE_STATES = 64;
  static final int PAGE_SHIFT = 6;

  final int stride;
  private final Roots roots;
  /** Pages of {@link #PAGE_STATES} states; the array of pages grows, a page never moves. */
  private int[][] pages;
  private int capacity;
  private boolean[] permanent;
  /** Collection number that last marked each state. */
  private int[] marks;
  private int epoch;
  private int[] free;
  private int freeCount;
  /** States {@code 1 .. next − 1} have been handed out at least once. */
  private int next;

  StateStore(int fields, Roots roots) {
    this.stride = fields + 1 & ~1;
    this.roots = roots;
    this.pages = new int[4][];
    this.pages[0] = new int[PAGE_STATES * stride];
    this.capacity = PAGE_STATES;
    this.permanent = new boolean[PAGE_STATES];
    this.marks = new int[PAGE_STATES];
    this.free = new int[PAGE_STATES];
    this.permanent[0] = true;
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

  /**
   * A state no root references; its contents are whatever was there (callers overwrite all). May
   * run a collection, so every state still needed must be reachable from the roots.
   */
  int take() {
    if (freeCount == 0 && next == capacity) {
      collect();
    }
    return freeCount > 0 ? free[--freeCount] : next++;
  }

  /** A fresh permanent state, zero-filled. */
  int permanent() {
    int id = take();
    permanent[id] = true;
    int at = offset(id);
    Arrays.fill(page(id), at, at + stride, 0);
    return id;
  }

  /** Called by {@link Roots}: state {@code id} is in use. */
  void mark(int id) {
    marks[id] = epoch;
  }

  /** Called by {@link Roots}: states {@code ids[0 .. count)} are in use. */
  void markAll(int[] ids, int count) {
    int[] m = marks;
    int e = epoch;
    for (int i = 0; i < count; i++) {
      m[ids[i]] = e;
    }
  }

  private void collect() {
    if (++epoch == 0) { // after 2^32 collections: forget old marks so none can match by accident
      Arrays.fill(marks, -1);
      epoch = 1;
    }
    roots.markInUse(this);
    int e = epoch;
    for (int id = 1; id < next; id++) {
      if (!permanent[id] && marks[id] != e) {
        free[freeCount++] = id;
      }
    }
    if (freeCount < capacity / 4) {
      addPage();
    }
  }

  private void addPage() {
    int p = capacity >>> PAGE_SHIFT;
    if (p == pages.length) {
      pages = Arrays.copyOf(pages, p * 2);
    }
    if (pages[p] == null) {
      pages[p] = new int[PAGE_STATES * stride];
    }
    capacity += PAGE_STATES;
    permanent = Arrays.copyOf(permanent, capacity);
    marks = Arrays.copyOf(marks, capacity);
    free = Arrays.copyOf(free, capacity);
  }

  /** Frees every state, permanent ones included, keeping the zero state (a new gamestate). */
  void clear() {
    Arrays.fill(permanent, false);
    permanent[0] = true;
    freeCount = 0;
    next = 1;
  }
}
