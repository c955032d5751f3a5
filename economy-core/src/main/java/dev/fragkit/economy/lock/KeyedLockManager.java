package dev.fragkit.economy.lock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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
  private final Clock clock;

  private KeyedLockManager(Duration defaultTimeout, Clock clock) {
    this.defaultTimeout = defaultTimeout;
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
    Entry e = lock(key, defaultTimeout.toNanos());
    return new Held(this, List.of(new Slot<>(key, e)));
  }

  /** Acquires all {@code keys} (duplicates ignored) in sorted order with the default timeout. */
  public Held acquire(Collection<? extends K> keys) {
    return acquire(keys, defaultTimeout);
  }

  /**
   * Acquires all {@code keys} in sorted order, each waiting at most {@code timeout}. If one cannot
   * be acquired, those already taken are released before the exception propagates.
   */
  public Held acquire(Collection<? extends K> keys, Duration timeout) {
    Objects.requireNonNull(keys, "keys");
    Objects.requireNonNull(timeout, "timeout");
    TreeSet<K> sorted = new TreeSet<>(keys);
    List<Slot<K>> held = new ArrayList<>(sorted.size());
    long nanos = timeout.toNanos();
    try {
      for (K key : sorted) {
        held.add(new Slot<>(key, lock(key, nanos)));
      }
    } catch (RuntimeException | Error e) {
      releaseAll(held);
      throw e;
    }
    return new Held(this, held);
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
    return e != null && e.lock.isHeldByCurrentThread();
  }

  /** The keys currently held by any thread, with holder, since when, and waiters. */
  public List<LockInfo> diagnostics() {
    List<LockInfo> out = new ArrayList<>();
    long now = System.nanoTime();
    entries.forEach((key, e) -> {
      Thread owner = e.owner;
      if (owner != null && e.lock.isLocked()) {
        long since = e.sinceNanos;
        out.add(new LockInfo(String.valueOf(key), owner.getName(), since(since),
            Duration.ofNanos(Math.max(0, now - since)), e.lock.getQueueLength()));
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
      if (e.users.get() > 0) {
        n++;
      }
    }
    return n;
  }

  /** Lock objects currently in the map (active plus idle ones kept for reuse). */
  int cachedKeys() {
    return entries.size();
  }

  private Entry lock(K key, long timeoutNanos) {
    Entry e = retain(key);
    boolean locked = false;
    try {
      locked = e.lock.tryLock() || e.lock.tryLock(timeoutNanos, TimeUnit.NANOSECONDS);
    } catch (InterruptedException ie) {
      unuse(key, e);
      Thread.currentThread().interrupt();
      throw new LockInterruptedException(String.valueOf(key), ie);
    }
    if (!locked) {
      String holder = describe(e);
      unuse(key, e);
      throw new LockTimeoutException(String.valueOf(key), Duration.ofNanos(timeoutNanos), holder);
    }
    if (e.lock.getHoldCount() == 1) {
      e.owner = Thread.currentThread();
      e.sinceNanos = System.nanoTime();
    }
    return e;
  }

  /**
   * The live entry of {@code key} with its user count raised. Lock-free: an idle entry (count 0)
   * is revived by the next user unless it was discarded first (count set to -1, then removed from
   * the map); a discarded entry is never used again, so two threads never lock different entries
   * for one key.
   */
  private Entry retain(K key) {
    while (true) {
      Entry e = entries.get(key);
      if (e == null) {
        Entry fresh = new Entry();
        Entry prev = entries.putIfAbsent(key, fresh);
        if (prev == null) {
          return fresh;
        }
        e = prev;
      }
      if (e.retain()) {
        return e;
      }
      entries.remove(key, e);
    }
  }

  private @Nullable String describe(Entry e) {
    Thread owner = e.owner;
    return owner == null ? null : owner.getName() + " since " + since(e.sinceNanos);
  }

  /** Wall-clock time of a monotonic timestamp (taken lazily: no clock read on the lock path). */
  private Instant since(long nanos) {
    return clock.instant().minusNanos(Math.max(0, System.nanoTime() - nanos));
  }

  private void unlock(K key, Entry e) {
    if (e.lock.getHoldCount() == 1) {
      e.owner = null;
    }
    e.lock.unlock();
    unuse(key, e);
  }

  private void unuse(K key, Entry e) {
    if (e.users.decrementAndGet() == 0 && entries.size() > MAX_IDLE_ENTRIES && e.users.compareAndSet(0, -1)) {
      entries.remove(key, e);
    }
  }

  private void releaseAll(List<Slot<K>> held) {
    for (int i = held.size() - 1; i >= 0; i--) {
      Slot<K> s = held.get(i);
      unlock(s.key, s.entry);
    }
  }

  /** The locks one {@code acquire} took. Close it (once) on the acquiring thread to release them. */
  public static final class Held implements AutoCloseable {
    private final KeyedLockManager<?> manager;
    private final List<? extends Slot<?>> slots;
    private boolean closed;

    private Held(KeyedLockManager<?> manager, List<? extends Slot<?>> slots) {
      this.manager = manager;
      this.slots = slots;
    }

    /** Releases the locks in reverse order. Idempotent. */
    @Override
    public void close() {
      if (!closed) {
        closed = true;
        release(manager, slots);
      }
    }

    @SuppressWarnings("unchecked")
    private static <K extends Comparable<? super K>> void release(KeyedLockManager<K> m, List<? extends Slot<?>> slots) {
      m.releaseAll((List<Slot<K>>) slots);
    }
  }

  private record Slot<K>(K key, Entry entry) {}

  private static final class Entry {
    final ReentrantLock lock = new ReentrantLock();
    /** Threads holding or waiting for this entry; -1 once dead. Starts at 1 for its creator. */
    final AtomicInteger users = new AtomicInteger(1);
    volatile @Nullable Thread owner;
    volatile long sinceNanos;

    boolean retain() {
      while (true) {
        int n = users.get();
        if (n < 0) {
          return false;
        }
        if (users.compareAndSet(n, n + 1)) {
          return true;
        }
      }
    }
  }
}
