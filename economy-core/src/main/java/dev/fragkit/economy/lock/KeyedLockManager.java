package dev.fragkit.economy.lock;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Per-key mutual exclusion inside one JVM.
 *
 * <ul>
 *   <li>Each key has its own reentrant lock. Up to a few thousand idle lock objects are kept for
 *       reuse; beyond that, locks of released keys are discarded, so keys may be unbounded
 *       (operation ids, for example).
 *   <li>{@link #acquire(Collection)} takes several keys in their natural (sorted) order, so two
 *       callers asking for overlapping key sets never deadlock; on failure nothing stays held.
 *   <li>Waiting is bounded: after the timeout a {@link LockTimeoutException} names the key and its
 *       holder. Interrupts surface as {@link LockInterruptedException} with the flag restored.
 *   <li>{@link #diagnostics()} lists every held key with its holder, since when, and waiters.
 *       "Since when" comes from a clock that one JVM-wide daemon thread refreshes every millisecond
 *       (reading {@code System.nanoTime()} on every acquisition would double the cost of an
 *       uncontended lock): it may be up to about a millisecond early, never late, so a reported
 *       hold time is never shorter than the real one.
 *   <li>The manager never calls user code while it holds a lock other than the body passed to
 *       {@link #withLocks}; it has no listeners.
 * </ul>
 *
 * <p>Thread-safe. A {@link Held} handle must be closed by the thread that acquired it.
 *
 * @param <K> key type; its {@code compareTo} defines the acquisition order and must be consistent
 *     with {@code equals}
 */
public final class KeyedLockManager<K extends Comparable<? super K>> {
  /** Idle lock objects kept for reuse before released keys are discarded. */
  static final int MAX_IDLE_ENTRIES = 4096;

  private final ConcurrentHashMap<K, Entry> entries = new ConcurrentHashMap<>();
  private final Duration defaultTimeout;
  private final long defaultTimeoutNanos;
  private final Clock clock;

  private KeyedLockManager(Duration defaultTimeout, Clock clock) {
    this.defaultTimeout = defaultTimeout;
    this.defaultTimeoutNanos = defaultTimeout.toNanos();
    this.clock = clock;
  }

  /** A manager whose acquisitions wait at most {@code defaultTimeout}; diagnostics use UTC time. */
  public static <K extends Comparable<? super K>> KeyedLockManager<K> create(Duration defaultTimeout) {
    return create(defaultTimeout, Clock.systemUTC());
  }

  /** As {@link #create(Duration)} with the wall clock used for {@link LockInfo#since()}. */
  public static <K extends Comparable<? super K>> KeyedLockManager<K> create(Duration defaultTimeout, Clock clock) {
    Objects.requireNonNull(defaultTimeout, "defaultTimeout");
    Objects.requireNonNull(clock, "clock");
    if (defaultTimeout.isNegative()) {
      throw new IllegalArgumentException("defaultTimeout < 0: " + defaultTimeout);
    }
    return new KeyedLockManager<>(defaultTimeout, clock);
  }

  public Duration defaultTimeout() {
    return defaultTimeout;
  }

  /** Acquires one key with the default timeout. */
  public Held acquire(K key) {
    Objects.requireNonNull(key, "key");
    return new Held(this, key, lock(key, defaultTimeoutNanos));
  }

  /** Acquires all {@code keys} (duplicates ignored) in sorted order with the default timeout. */
  public Held acquire(Collection<? extends K> keys) {
    return acquire(keys, defaultTimeoutNanos);
  }

  /**
   * Acquires all {@code keys} in sorted order, each waiting at most {@code timeout}. If one cannot
   * be acquired, those already taken are released before the exception propagates.
   */
  public Held acquire(Collection<? extends K> keys, Duration timeout) {
    Objects.requireNonNull(timeout, "timeout");
    return acquire(keys, timeout.toNanos());
  }

  private Held acquire(Collection<? extends K> keys, long nanos) {
    Objects.requireNonNull(keys, "keys");
    Object[] sorted = sortedDistinct(keys);
    if (sorted.length == 1) {
      @SuppressWarnings("unchecked")
      K only = (K) sorted[0];
      return new Held(this, only, lock(only, nanos));
    }
    Entry[] held = new Entry[sorted.length];
    int n = 0;
    try {
      for (; n < sorted.length; n++) {
        @SuppressWarnings("unchecked")
        K key = (K) sorted[n];
        held[n] = lock(key, nanos);
      }
    } catch (RuntimeException | Error e) {
      releaseAll(sorted, held, n);
      throw e;
    }
    return new Held(this, sorted, held);
  }

  /**
   * The keys in natural order without duplicates (a plain array: a lock set is small, so this is a
   * binary insertion sort with no further allocation).
   */
  private static Object[] sortedDistinct(Collection<?> keys) {
    Object[] a = keys.toArray();
    for (Object k : a) {
      Objects.requireNonNull(k, "key");
    }
    if (a.length < 2) {
      return a;
    }
    Arrays.sort(a);
    int n = 1;
    for (int i = 1; i < a.length; i++) {
      if (!a[i].equals(a[n - 1])) {
        a[n++] = a[i];
      }
    }
    return n == a.length ? a : Arrays.copyOf(a, n);
  }

  /** Runs {@code body} holding all {@code keys}; releases them before returning or throwing. */
  public <T> T withLocks(Collection<? extends K> keys, Supplier<T> body) {
    try (Held ignored = acquire(keys)) {
      return body.get();
    }
  }

  /** True when the current thread holds {@code key}. */
  public boolean isHeldByCurrentThread(K key) {
    Entry e = entries.get(key);
    return e != null && e.isHeldByCurrentThread();
  }

  /** The keys currently held by any thread, with holder, since when, and waiters. */
  public List<LockInfo> diagnostics() {
    List<LockInfo> out = new ArrayList<>();
    long now = System.nanoTime();
    entries.forEach((key, e) -> {
      Thread owner = e.holder();
      if (owner != null) {
        long since = e.since();
        out.add(new LockInfo(String.valueOf(key), owner.getName(), since(since),
            Duration.ofNanos(Math.max(0, now - since)), e.getQueueLength()));
      }
    });
    return out;
  }

  /** The held locks held for longer than {@code threshold} (the reference's deadlock report). */
  public List<LockInfo> heldLongerThan(Duration threshold) {
    return diagnostics().stream().filter(i -> i.heldFor().compareTo(threshold) > 0).toList();
  }

  /** Number of keys currently held or awaited. */
  public int activeKeys() {
    int n = 0;
    for (Entry e : entries.values()) {
      if (!e.dead && (e.isLocked() || e.hasQueuedThreads())) {
        n++;
      }
    }
    return n;
  }

  /** Lock objects currently in the map (active plus idle ones kept for reuse). */
  int cachedKeys() {
    return entries.size();
  }

  /**
   * Locks {@code key}. The uncontended path is one map lookup, one compare-and-set and one
   * volatile read of the coarse clock for "since when"; the holder is the lock's own owner field.
   *
   * <p>Entries are discarded (see {@link #unlock}) only by a thread holding them, which marks them
   * dead before removing them from the map. So whoever holds an entry that is not dead holds the
   * map's one entry for the key; a thread that finds its entry dead after locking it lets go and
   * looks the key up again.
   */
  private Entry lock(K key, long timeoutNanos) {
    long waitStart = 0;
    boolean waited = false;
    while (true) {
      Entry e = entry(key);
      if (!e.tryLock()) {
        if (!waited) {
          waited = true;
          waitStart = System.nanoTime();
        }
        long remaining = timeoutNanos - (System.nanoTime() - waitStart);
        boolean locked;
        try {
          locked = e.tryLock(Math.max(0, remaining), TimeUnit.NANOSECONDS);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          throw new LockInterruptedException(String.valueOf(key), ie);
        }
        if (!locked) {
          throw new LockTimeoutException(String.valueOf(key), Duration.ofNanos(timeoutNanos), describe(e));
        }
      }
      if (e.dead) {
        e.unlock();
        continue;
      }
      if (e.getHoldCount() == 1) {
        e.stamp(CoarseNanoClock.now());
      }
      return e;
    }
  }

  private Entry entry(K key) {
    Entry e = entries.get(key);
    if (e == null) {
      Entry fresh = new Entry();
      e = entries.putIfAbsent(key, fresh);
      if (e == null) {
        e = fresh;
      }
    }
    return e;
  }

  private @Nullable String describe(Entry e) {
    Thread owner = e.holder();
    return owner == null ? null : owner.getName() + " since " + since(e.since());
  }

  /** Wall-clock time of a monotonic timestamp (taken lazily: no clock read on the lock path). */
  private Instant since(long nanos) {
    return clock.instant().minusNanos(Math.max(0, System.nanoTime() - nanos));
  }

  /**
   * Releases one hold. Beyond {@link #MAX_IDLE_ENTRIES} cached entries, an entry nobody holds or
   * awaits is discarded: re-locked by this thread, marked dead, removed, unlocked.
   */
  private void unlock(Object key, Entry e) {
    e.unlock();
    if (entries.size() > MAX_IDLE_ENTRIES && !e.hasQueuedThreads() && e.tryLock()) {
      if (e.getHoldCount() == 1 && !e.dead) {
        e.dead = true;
        entries.remove(key, e);
      }
      e.unlock();
    }
  }

  private void releaseAll(Object[] keys, Entry[] held, int count) {
    for (int i = count - 1; i >= 0; i--) {
      unlock(keys[i], held[i]);
    }
  }

  /** The locks one {@code acquire} took. Close it (once) on the acquiring thread to release them. */
  public static final class Held implements AutoCloseable {
    private final KeyedLockManager<?> manager;
    /** The one key (single-key acquisitions), else null. */
    private final @Nullable Object key;
    private final @Nullable Entry entry;
    /** All keys in acquisition order (multi-key acquisitions), else null. */
    private final Object @Nullable [] keys;
    private final Entry @Nullable [] entries;
    private boolean closed;

    private Held(KeyedLockManager<?> manager, Object key, Entry entry) {
      this.manager = manager;
      this.key = key;
      this.entry = entry;
      this.keys = null;
      this.entries = null;
    }

    private Held(KeyedLockManager<?> manager, Object[] keys, Entry[] entries) {
      this.manager = manager;
      this.key = null;
      this.entry = null;
      this.keys = keys;
      this.entries = entries;
    }

    /** Releases the locks in reverse order. Idempotent. */
    @Override
    public void close() {
      if (closed) {
        return;
      }
      closed = true;
      if (entry != null) {
        manager.unlock(key, entry);
      } else if (keys != null && entries != null) {
        manager.releaseAll(keys, entries, entries.length);
      }
    }
  }

  /**
   * One key's lock. Extending {@link ReentrantLock} keeps the holder in the lock's own owner field
   * (read by diagnostics through {@link #holder()}) instead of a second write per acquisition.
   */
  @SuppressWarnings("serial")
  private static final class Entry extends ReentrantLock {
    private static final VarHandle SINCE;

    static {
      try {
        SINCE = MethodHandles.lookup().findVarHandle(Entry.class, "sinceNanos", long.class);
      } catch (ReflectiveOperationException e) {
        throw new ExceptionInInitializerError(e);
      }
    }

    /** Set (holding the lock) just before the entry leaves the map; a dead entry is never used. */
    volatile boolean dead;
    /**
     * {@link CoarseNanoClock} time of the current holder's outermost acquisition. Written by the holder
     * with release semantics (no full fence on the lock path) and read by diagnostics, which may
     * see the previous holder's value for an instant.
     */
    private long sinceNanos;

    @Nullable Thread holder() {
      return dead ? null : getOwner();
    }

    void stamp(long nanos) {
      SINCE.setRelease(this, nanos);
    }

    long since() {
      return (long) SINCE.getAcquire(this);
    }
  }
}
