package dev.fragkit.economy.ledger;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.StampedLock;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * A concurrent hash table of values that carry their own {@code String} key (the idempotency
 * records of {@link InMemoryLedgerStore}): open addressing with linear probing over one reference
 * array, so an entry costs one array slot (two at the 0.5 load limit) instead of a map node, and
 * growing copies references instead of cloning nodes. Entries are never removed.
 *
 * <p>Thread-safe. Lookups take no lock: they read the current array and its slots with acquire
 * semantics (a value is published by a compare-and-set of its slot, after it was fully built).
 * Inserts hold the shared mode of a {@link StampedLock}; growing holds its exclusive mode, so no
 * insert lands in an array being copied, while lookups keep using the old array (which holds every
 * entry inserted before the copy began) until the new one is published.
 *
 * @param <V> value type
 */
final class OpenTable<V extends OpenTable.Keyed> {
  /** A value that knows its key. */
  interface Keyed {
    /** {@code key.hashCode()} of its key (stored, so growing does not recompute it). */
    int keyHash();

    boolean hasKey(String key);
  }

  static final int MAX_CAPACITY = 1 << 30;
  private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(Object[].class);

  private volatile Object[] table;
  private final AtomicInteger size = new AtomicInteger();
  private final StampedLock growth = new StampedLock();

  OpenTable() {
    this(64);
  }

  /** A table whose first array has {@code capacity} slots (a power of two ≥ 2; small for tests). */
  OpenTable(int capacity) {
    if (capacity < 2 || capacity > MAX_CAPACITY || Integer.bitCount(capacity) != 1) {
      throw new IllegalArgumentException("capacity is not a power of two in 2.." + MAX_CAPACITY + ": " + capacity);
    }
    table = new Object[capacity];
  }

  private static int spread(int h) {
    return (h ^ (h >>> 16)) * 0x9E3779B1;
  }

  /** The value with {@code key}, or null. */
  @SuppressWarnings("unchecked")
  @Nullable V get(String key) {
    Object[] t = table;
    int mask = t.length - 1;
    int h = key.hashCode();
    int i = spread(h) & mask;
    for (int probes = 0; probes < t.length; probes++, i = (i + 1) & mask) {
      Object v = SLOT.getAcquire(t, i);
      if (v == null) {
        return null;
      }
      if (((V) v).keyHash() == h && ((V) v).hasKey(key)) {
        return (V) v;
      }
    }
    return null;
  }

  /** Inserts {@code value}, replacing the value with the same key if there is one. */
  void put(String key, V value) {
    if (!value.hasKey(key) || value.keyHash() != key.hashCode()) {
      throw new IllegalArgumentException("value does not carry key " + key);
    }
    while (true) {
      int outcome;
      Object[] t;
      long stamp = growth.readLock();
      try {
        t = table;
        outcome = insert(t, key, value);
      } finally {
        growth.unlockRead(stamp);
      }
      if (outcome == ADDED) {
        int n = size.incrementAndGet();
        if (n > table.length >>> 1) {
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
  @SuppressWarnings("unchecked")
  private static <V extends Keyed> int insert(Object[] t, String key, V value) {
    int mask = t.length - 1;
    int i = spread(value.keyHash()) & mask;
    for (int probes = 0; probes <= t.length; ) {
      Object v = SLOT.getAcquire(t, i);
      if (v == null) {
        if (SLOT.compareAndSet(t, i, null, value)) {
          return ADDED;
        }
        continue; // lost the race for this slot: look at what is there now
      }
      if (((V) v).keyHash() == value.keyHash() && ((V) v).hasKey(key)) {
        if (SLOT.compareAndSet(t, i, v, value)) {
          return REPLACED;
        }
        continue;
      }
      i = (i + 1) & mask;
      probes++;
    }
    return FULL;
  }

  /** Copies {@code value} into {@code t} while no insert runs (keys are distinct). */
  private static void copy(Object[] t, Keyed value) {
    int mask = t.length - 1;
    int i = spread(value.keyHash()) & mask;
    while (t[i] != null) {
      i = (i + 1) & mask;
    }
    t[i] = value;
  }

  /** Doubles the array if it is still {@code seen} and over the load limit (or {@code full}). */
  private void grow(Object[] seen, boolean full) {
    long stamp = growth.writeLock();
    try {
      Object[] old = table;
      if (old != seen || (!full && size.get() <= old.length >>> 1)) {
        return; // another thread grew it
      }
      if (old.length == MAX_CAPACITY) {
        throw new IllegalStateException("table full: " + size.get() + " entries");
      }
      Object[] bigger = new Object[old.length << 1];
      for (Object v : old) {
        if (v != null) {
          copy(bigger, (Keyed) v);
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
    return table.length;
  }

  /** Calls {@code action} for every value (those inserted during the call may or may not be seen). */
  @SuppressWarnings("unchecked")
  void forEach(Consumer<? super V> action) {
    Object[] t = table;
    for (int i = 0; i < t.length; i++) {
      Object v = SLOT.getAcquire(t, i);
      if (v != null) {
        action.accept((V) v);
      }
    }
  }
}
