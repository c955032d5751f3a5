package dev.fragkit.economy.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The per-account slot list of the in-memory store. */
class SlotIndexTest {
  @Test
  void anEmptyIndexHasAnEmptySnapshot() {
    SlotIndex index = new SlotIndex();
    assertThat(index.size()).isZero();
    assertThat(index.snapshot()).isEmpty();
  }

  @Test
  void growsThroughManyCapacitiesKeepingEveryValueInOrder() {
    SlotIndex index = new SlotIndex();
    for (int i = 0; i < 100_000; i++) {
      index.add(i * 7);
      if (i == 0 || i == 3 || i == 4 || i == 5 || i == 99) {
        int n = i + 1;
        assertThat(index.snapshot()).isEqualTo(IntStream.range(0, n).map(v -> v * 7).toArray());
      }
    }
    assertThat(index.size()).isEqualTo(100_000);
    assertThat(index.snapshot()).isEqualTo(IntStream.range(0, 100_000).map(v -> v * 7).toArray());
  }

  @Test
  void aSnapshotIsACopyThatLaterAddsDoNotChange() {
    SlotIndex index = new SlotIndex();
    index.add(1);
    index.add(2);
    int[] before = index.snapshot();
    index.add(3);
    before[0] = 99;
    assertThat(index.snapshot()).containsExactly(1, 2, 3);
  }

  /** A reader snapshotting while the writer grows the array always sees a whole prefix. */
  @Test
  void readersSeeAPrefixWhileOneWriterAppends() throws Exception {
    SlotIndex index = new SlotIndex();
    int total = 300_000;
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      CountDownLatch start = new CountDownLatch(1);
      AtomicBoolean done = new AtomicBoolean();
      Future<?> writer = pool.submit(() -> {
        start.await();
        for (int i = 0; i < total; i++) {
          index.add(i + 1); // never 0, so an unpublished element would show as 0
        }
        return null;
      });
      Runnable check = () -> {
        int last = 0;
        do {
          int[] s = index.snapshot();
          assertThat(s.length).isGreaterThanOrEqualTo(last);
          for (int i = 0; i < s.length; i++) {
            if (s[i] != i + 1) {
              throw new AssertionError("element " + i + " of " + s.length + " is " + s[i]);
            }
          }
          last = s.length;
        } while (!done.get());
      };
      Future<?> r1 = pool.submit(() -> {
        start.await();
        check.run();
        return null;
      });
      Future<?> r2 = pool.submit(() -> {
        start.await();
        check.run();
        return null;
      });
      start.countDown();
      writer.get(60, TimeUnit.SECONDS);
      done.set(true);
      r1.get(60, TimeUnit.SECONDS);
      r2.get(60, TimeUnit.SECONDS);
      assertThat(index.size()).isEqualTo(total);
    } finally {
      pool.shutdownNow();
    }
  }
}
