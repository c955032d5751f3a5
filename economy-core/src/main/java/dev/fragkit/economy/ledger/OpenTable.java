package dev.fragkit.economy.ledger;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.StampedLock;
import java.util.function.IntConsumer;

/**
 * A concurrent hash table from {@code String} keys to non-zero {@code int} handles (the idempotency
 * index of {@link InMemoryLedgerStore}: a handle names where an operation's record lives). The keys
 * themselves live wherever the handles point; the table asks its {@link Keys} whether a handle
 * carries a key. Open addressing with linear probing over one {@code int} array holding each slot's
 * handle and key hash side by side, so an entry costs 8 bytes per slot (two to four slots at the
 * 0.5 load limit), no object and no reference for the collector to trace. Growing reads only that
 * array; probes skip slots whose hash differs without asking the keys. Entries are never removed.
 *
 * <p>Thread-safe. Lookups take no lock: they read the current array and its slots with acquire
 * semantics (a handle is published by a compare-and-set of its slot, after what it points to was
 * fully written; its hash is written just after, so a lookup may still read 0 there and then asks
 * the keys). Inserts hold the shared mode of a {@link StampedLock}; growing holds its exclusive
 * mode, so no insert lands in arrays being copied and every hash of the old arrays is written,
 * while lookups keep using the old arrays (which hold every entry inserted before the copy began)
 * until the new ones are published.
 */
final class OpenTable {
  /** Where the keys live. */
  interface Keys {
    /** True when the record that {@code handle} names has key {@code key}. */
    boolean hasKey(int handle, String key);
  }

  /** What {@link #get} returns for a missing key (never a valid handle). */
  static final int NONE = 0;
  static final int MAX_CAPACITY = 1 << 30;
  private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(int[].class);

  private final Keys keys;
  /** The current arrays; replaced as a whole when the table grows. */
  private volatile Slots table;
  private final AtomicInteger size = new AtomicInteger();
  private final StampedLock growth = new StampedLock();

  OpenTable(Keys keys) {
    this(keys, 64);
  }

  /** A table whose first arrays have {@code capacity} slots (a power of two ≥ 2; small for tests). */
  OpenTable(Keys keys, int capacity) {
    if (capacity < 2 || capacity > MAX_CAPACITY || Integer.bitCount(capacity) != 1) {
      throw new IllegalArgumentException("capacity is not a power of two in 2.." + MAX_CAPACITY + ": " + capacity);
    }
    this.keys = keys;
    this.table = new Slots(capacity);
  }

  /**
   * Slot {@code i} is two adjacent {@code int}s: the handle at {@code 2i}, its key's hash at {@code
   * 2i + 1} (0 until written, or when the hash is 0), so a probe reads one cache line.
   */
  private static final class Slots {
    final int[] cells;

    Slots(int capacity) {
      cells = new int[2 * capacity];
    }

    int length() {
      return cells.length >>> 1;
    }

    int handleAcquire(int i) {
      return (int) SLOT.getAcquire(cells, 2 * i);
    }

    boolean casHandle(int i, int expected, int handle) {
      return SLOT.compareAndSet(cells, 2 * i, expected, handle);
    }

    /** False when slot {@code i} certainly holds no key of hash {@code h}. */
    boolean mayHold(int i, int h) {
      int stored = cells[2 * i + 1];
      return stored == h || stored == 0;
    }
  }

  private static int spread(int h) {
    return (h ^ (h >>> 16)) * 0x9E3779B1;
  }

  /** The handle stored under {@code key}, or {@link #NONE}. */
  int get(String key) {
    Slots t = table;
    int mask = t.length() - 1;
    int h = key.hashCode();
    int i = spread(h) & mask;
    for (int probes = 0; probes < t.length(); probes++, i = (i + 1) & mask) {
      int handle = t.handleAcquire(i);
      if (handle == NONE) {
        return NONE;
      }
      if (t.mayHold(i, h) && keys.hasKey(handle, key)) {
        return handle;
      }
    }
    return NONE;
  }

  /** Stores {@code handle} under {@code key}, replacing the handle stored under it if there is one. */
  void put(String key, int handle) {
    if (handle == NONE) {
      throw new IllegalArgumentException("handle " + NONE + " is reserved for 'absent'");
    }
    if (!keys.hasKey(handle, key)) {
      throw new IllegalArgumentException("handle " + handle + " does not carry key " + key);
    }
    int h = key.hashCode();
    while (true) {
      int outcome;
      Slots t;
      long stamp = growth.readLock();
      try {
        t = table;
        outcome = insert(t, key, h, handle);
      } finally {
        growth.unlockRead(stamp);
      }
      if (outcome == ADDED) {
        int n = size.incrementAndGet();
        if (n > table.length() >>> 1) {
          grow(t, false);
        }
        return;
      }
      if (outcome == REPLACED) {
        return;
      }
      grow(t, true); // FULL: concurrent inserts filled it before anyone grew it
    }
  }

  private static final int ADDED = 0;
  private static final int REPLACED = 1;
  private static final int FULL = 2;

  /** Inserts into {@code t}: {@link #ADDED}, {@link #REPLACED} (same key), or {@link #FULL}. */
  private int insert(Slots t, String key, int h, int handle) {
    int mask = t.length() - 1;
    int i = spread(h) & mask;
    for (int probes = 0; probes <= t.length(); ) {
      int current = t.handleAcquire(i);
      if (current == NONE) {
        if (t.casHandle(i, NONE, handle)) {
          t.cells[2 * i + 1] = h; // after winning the slot; read by growth under the exclusive lock
          return ADDED;
        }
        continue; // lost the race for this slot: look at what is there now
      }
      if (t.mayHold(i, h) && keys.hasKey(current, key)) {
        if (t.casHandle(i, current, handle)) {
          return REPLACED;
        }
        continue;
      }
      i = (i + 1) & mask;
      probes++;
    }
    return FULL;
  }

  /** Doubles the arrays if they are still {@code seen} and over the load limit (or {@code full}). */
  private void grow(Slots seen, boolean full) {
    long stamp = growth.writeLock();
    try {
      Slots old = table;
      if (old != seen || (!full && size.get() <= old.length() >>> 1)) {
        return; // another thread grew it
      }
      if (old.length() == MAX_CAPACITY) {
        throw new IllegalStateException("table full: " + size.get() + " entries");
      }
      Slots bigger = new Slots(old.length() << 1);
      int mask = bigger.length() - 1;
      int[] from = old.cells;
      int[] to = bigger.cells;
      for (int c = 0; c < from.length; c += 2) {
        int handle = from[c];
        if (handle != NONE) {
          int h = from[c + 1];
          int i = spread(h) & mask;
          while (to[2 * i] != NONE) {
            i = (i + 1) & mask;
          }
          to[2 * i] = handle;
          to[2 * i + 1] = h;
        }
      }
      table = bigger;
    } finally {
      growth.unlockWrite(stamp);
    }
  }

  int size() {
    return size.get();
  }

  /** Current array length (tests). */
  int capacity() {
    return table.length();
  }

  /** Calls {@code action} with every handle (those inserted during the call may or may not be seen). */
  void forEach(IntConsumer action) {
    Slots t = table;
    for (int i = 0; i < t.length(); i++) {
      int handle = t.handleAcquire(i);
      if (handle != NONE) {
        action.accept(handle);
      }
    }
  }
}
