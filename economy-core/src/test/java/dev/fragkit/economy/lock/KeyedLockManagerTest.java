package dev.fragkit.economy.lock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class KeyedLockManagerTest {
  private final KeyedLockManager<String> locks = KeyedLockManager.create(Duration.ofSeconds(30));

  @Test
  void overlappingMultiKeyAcquisitionsInOppositeOrdersNeverDeadlockAndExcludeEachOther() throws Exception {
    int threads = 16;
    int rounds = 5_000;
    long[] counters = new long[4];
    String[] keys = {"a", "b", "c", "d"};
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int seed = t;
        futures.add(pool.submit(() -> {
          start.await();
          Random rnd = new Random(seed);
          for (int i = 0; i < rounds; i++) {
            int x = rnd.nextInt(4);
            int y = rnd.nextInt(4);
            // callers name keys in any order; the manager sorts them
            List<String> wanted = new ArrayList<>(List.of(keys[x], keys[y]));
            Collections.shuffle(wanted, rnd);
            try (KeyedLockManager.Held ignored = locks.acquire(wanted)) {
              long vx = counters[x];
              long vy = counters[y];
              Thread.onSpinWait();
              counters[x] = vx + 1;
              if (y != x) {
                counters[y] = vy + 1;
              }
            }
          }
          return null;
        }));
      }
      start.countDown();
      for (Future<?> f : futures) {
        f.get(2, TimeUnit.MINUTES);
      }
    } finally {
      pool.shutdownNow();
    }
    long expected = 0;
    for (int t = 0; t < threads; t++) {
      Random rnd = new Random(t);
      for (int i = 0; i < rounds; i++) {
        int x = rnd.nextInt(4);
        int y = rnd.nextInt(4);
        Collections.shuffle(new ArrayList<>(List.of(keys[x], keys[y])), rnd);
        expected += x == y ? 1 : 2;
      }
    }
    assertThat(counters[0] + counters[1] + counters[2] + counters[3]).as("no lost update").isEqualTo(expected);
    assertThat(locks.activeKeys()).as("nothing held after the run").isZero();
  }

  @Test
  void acquireTimesOutWithATypedExceptionNamingKeyAndHolder() throws Exception {
    KeyedLockManager<String> quick = KeyedLockManager.create(Duration.ofMillis(50));
    CountDownLatch held = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Thread holder = new Thread(() -> {
      try (KeyedLockManager.Held ignored = quick.acquire("k")) {
        held.countDown();
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "holder-thread");
    holder.start();
    held.await();
    try {
      assertThatThrownBy(() -> quick.acquire(List.of("a", "k")))
          .isInstanceOf(LockTimeoutException.class)
          .hasMessageStartingWith("lock k not acquired within 50 ms (held by holder-thread since ")
          .satisfies(e -> {
            LockTimeoutException t = (LockTimeoutException) e;
            assertThat(t.key()).contains("k");
            assertThat(t.holder()).hasValueSatisfying(h -> assertThat(h).startsWith("holder-thread"));
          });
      assertThat(quick.isHeldByCurrentThread("a")).as("partial acquisition released").isFalse();
      try (KeyedLockManager.Held a = quick.acquire("a")) {
        assertThat(quick.isHeldByCurrentThread("a")).isTrue();
      }
    } finally {
      release.countDown();
      holder.join();
    }
    assertThat(quick.activeKeys()).isZero();
  }

  @Test
  void diagnosticsShowHolderSinceAndWaiters() throws Exception {
    CountDownLatch waiting = new CountDownLatch(1);
    Thread waiter;
    try (KeyedLockManager.Held ignored = locks.acquire("hot")) {
      waiter = new Thread(() -> {
        waiting.countDown();
        try (KeyedLockManager.Held h = locks.acquire("hot")) {
          assertThat(locks.isHeldByCurrentThread("hot")).isTrue();
        }
      }, "waiter-thread");
      waiter.start();
      waiting.await();
      // the waiter queues on the lock shortly after counting down; wait for it without sleeping
      while (locks.diagnostics().get(0).waiters() == 0) {
        Thread.onSpinWait();
      }
      LockInfo info = locks.diagnostics().get(0);
      assertThat(info.key()).isEqualTo("hot");
      assertThat(info.holder()).isEqualTo(Thread.currentThread().getName());
      assertThat(info.waiters()).isEqualTo(1);
      assertThat(locks.heldLongerThan(Duration.ofHours(1))).isEmpty();
      assertThat(locks.heldLongerThan(Duration.ZERO)).hasSize(1);
    }
    waiter.join();
    assertThat(locks.diagnostics()).isEmpty();
  }

  @Test
  void sameThreadMayReacquireAKeyItHolds() {
    try (KeyedLockManager.Held outer = locks.acquire("k");
        KeyedLockManager.Held inner = locks.acquire(List.of("k", "j"))) {
      assertThat(locks.isHeldByCurrentThread("k")).isTrue();
    }
    assertThat(locks.isHeldByCurrentThread("k")).isFalse();
    assertThat(locks.activeKeys()).isZero();
  }

  @Test
  void interruptedWaitRestoresTheFlagAndThrowsTyped() throws Exception {
    CountDownLatch done = new CountDownLatch(1);
    List<Throwable> seen = new ArrayList<>();
    try (KeyedLockManager.Held ignored = locks.acquire("k")) {
      Thread t = new Thread(() -> {
        Thread.currentThread().interrupt();
        try {
          locks.acquire("k");
        } catch (LockInterruptedException e) {
          synchronized (seen) {
            seen.add(e);
            seen.add(new Throwable("interrupted=" + Thread.currentThread().isInterrupted()));
          }
        } finally {
          done.countDown();
        }
      });
      t.start();
      done.await();
      t.join();
    }
    assertThat(seen).hasSize(2);
    assertThat(seen.get(0)).hasMessage("interrupted while waiting for lock k");
    assertThat(seen.get(1)).hasMessage("interrupted=true");
  }

  @Test
  void idleLockObjectsAreBoundedForUnboundedKeys() {
    for (int i = 0; i < KeyedLockManager.MAX_IDLE_ENTRIES * 3; i++) {
      try (KeyedLockManager.Held h = locks.acquire("op-" + i)) {
        assertThat(locks.isHeldByCurrentThread("op-" + i)).isTrue();
      }
    }
    assertThat(locks.cachedKeys()).isLessThanOrEqualTo(KeyedLockManager.MAX_IDLE_ENTRIES + 1);
    assertThat(locks.activeKeys()).isZero();
  }

  @Test
  void locksDiscardedUnderContentionStillExcludeEachOther() throws Exception {
    // Keep the cache over its bound so that every release discards its idle entry, while 8
    // threads fight over 3 hot keys: waiters queued on a discarded entry must retry, never share.
    List<String> filler = new ArrayList<>();
    for (int i = 0; i <= KeyedLockManager.MAX_IDLE_ENTRIES; i++) {
      filler.add("filler-" + i);
    }
    int threads = 8;
    int rounds = 20_000;
    long[] counters = new long[3];
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try (KeyedLockManager.Held fill = locks.acquire(filler)) {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int seed = t;
        futures.add(pool.submit(() -> {
          start.await();
          Random rnd = new Random(seed);
          for (int i = 0; i < rounds; i++) {
            int k = rnd.nextInt(3);
            try (KeyedLockManager.Held ignored = locks.acquire("hot-" + k)) {
              long v = counters[k];
              Thread.onSpinWait();
              counters[k] = v + 1;
            }
          }
          return null;
        }));
      }
      start.countDown();
      for (Future<?> f : futures) {
        f.get(2, TimeUnit.MINUTES);
      }
      assertThat(locks.cachedKeys()).as("released hot keys were discarded").isEqualTo(filler.size());
    } finally {
      pool.shutdownNow();
    }
    assertThat(counters[0] + counters[1] + counters[2]).as("no lost update").isEqualTo((long) threads * rounds);
    assertThat(locks.activeKeys()).isZero();
  }

  @Test
  void diagnosticsNameTheHolderOfEveryKeyOfAMultiKeyAcquisition() {
    try (KeyedLockManager.Held ignored = locks.acquire(List.of("z", "a", "m", "a"))) {
      assertThat(locks.diagnostics()).extracting(LockInfo::key).containsExactlyInAnyOrder("a", "m", "z");
      assertThat(locks.diagnostics()).extracting(LockInfo::holder).containsOnly(Thread.currentThread().getName());
      assertThat(locks.activeKeys()).isEqualTo(3);
    }
    assertThat(locks.diagnostics()).isEmpty();
    assertThat(locks.activeKeys()).isZero();
  }

  @Test
  void nullKeysAreRejected() {
    assertThatThrownBy(() -> locks.acquire(java.util.Arrays.asList("a", null)))
        .isInstanceOf(NullPointerException.class).hasMessage("key");
    assertThat(locks.activeKeys()).isZero();
  }

  @Test
  void negativeDefaultTimeoutIsRejected() {
    assertThatThrownBy(() -> KeyedLockManager.create(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("defaultTimeout < 0: PT-1S");
  }

  /**
   * "Since when" comes from the coarse clock: the stamp is renewed on every outermost acquisition
   * and a reported hold time is never shorter than the real one. Both bounds are exact (no timing
   * tolerance): the coarse clock only ever returns past {@code System.nanoTime()} values.
   */
  @Test
  @Timeout(30)
  void holdTimeIsStampedAtEachAcquisitionAndNeverUnderstated() {
    try (KeyedLockManager.Held first = locks.acquire("k")) {
      assertThat(locks.diagnostics()).hasSize(1);
    }
    long released = System.nanoTime();
    // wait for a tick after the release, so a stamp kept from the first acquisition would show
    while (CoarseNanoClock.now() <= released) {
      Thread.onSpinWait();
    }
    try (KeyedLockManager.Held second = locks.acquire("k")) {
      long acquired = System.nanoTime();
      long spinUntil = acquired + 2 * CoarseNanoClock.TICK_NANOS;
      while (System.nanoTime() < spinUntil) {
        Thread.onSpinWait();
      }
      long beforeReport = System.nanoTime();
      LockInfo info = locks.diagnostics().get(0);
      long afterReport = System.nanoTime();
      assertThat(info.heldFor()).as("never shorter than the real hold")
          .isGreaterThanOrEqualTo(Duration.ofNanos(beforeReport - acquired));
      assertThat(info.heldFor()).as("stamped at this acquisition, not the previous one")
          .isLessThan(Duration.ofNanos(afterReport - released));
    }
  }

  @Test
  void reentrantAcquisitionKeepsTheOutermostStamp() {
    try (KeyedLockManager.Held outer = locks.acquire("k")) {
      long acquired = System.nanoTime();
      while (CoarseNanoClock.now() <= acquired) {
        Thread.onSpinWait();
      }
      try (KeyedLockManager.Held inner = locks.acquire("k")) {
        long beforeReport = System.nanoTime();
        assertThat(locks.diagnostics().get(0).heldFor())
            .isGreaterThanOrEqualTo(Duration.ofNanos(beforeReport - acquired));
      }
    }
  }
}
