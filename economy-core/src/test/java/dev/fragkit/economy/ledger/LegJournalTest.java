package dev.fragkit.economy.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The chunked, slot-indexed journal of the in-memory store, with chunks of 4 slots. */
class LegJournalTest {
  private final LegJournal<String, String> journal = new LegJournal<>(2);

  private void put(int slot) {
    journal.put(slot, "o" + slot, "d" + slot, "c" + slot, slot * 3L + 1);
  }

  private List<Integer> scan(long from) {
    List<Integer> slots = new ArrayList<>();
    journal.scan(from, (slot, origin, debit, credit, amount) -> {
      assertThat(origin).isEqualTo("o" + slot);
      assertThat(debit).isEqualTo("d" + slot);
      assertThat(credit).isEqualTo("c" + slot);
      assertThat(amount).isEqualTo(slot * 3L + 1);
      slots.add(slot);
      return true;
    });
    return slots;
  }

  private static List<Integer> range(int from, int toExclusive) {
    return IntStream.range(from, toExclusive).boxed().toList();
  }

  @Test
  void anEmptyJournalHasNothingToReadOrScan() {
    assertThat(journal.end()).isZero();
    assertThat(scan(0)).isEmpty();
    assertThat(journal.has(0)).isFalse();
    assertThat(journal.chunks()).isZero();
  }

  @Test
  void legsAcrossChunkBoundariesReadBackExactly() {
    for (int i = 0; i < 21; i++) {
      put(i);
    }
    assertThat(journal.end()).isEqualTo(21);
    assertThat(journal.chunks()).isEqualTo(6); // 21 slots in chunks of 4
    for (int i = 0; i < 21; i++) {
      int expected = i;
      assertThat(journal.read(i, (slot, origin, debit, credit, amount) -> {
        assertThat(slot).isEqualTo(expected);
        assertThat(origin).isEqualTo("o" + expected);
        assertThat(amount).isEqualTo(expected * 3L + 1);
        return true;
      })).isTrue();
    }
    assertThat(journal.has(21)).isFalse();
  }

  @Test
  void stampsAndTagsStayWithTheirLegs() {
    for (int i = 0; i < 9; i++) {
      journal.put(i, "o" + i, "d" + i, "c" + i, i, i % 2 == 0 ? -1_000_000L * i : 0, i % 2 == 0 ? Long.MAX_VALUE - i : 0);
    }
    for (int i = 0; i < 9; i++) {
      assertThat(journal.stamp(i)).as("stamp %d", i).isEqualTo(i % 2 == 0 ? -1_000_000L * i : 0);
      assertThat(journal.tag(i)).as("tag %d", i).isEqualTo(i % 2 == 0 ? Long.MAX_VALUE - i : 0);
    }
    put(9); // the five-argument put stores stamp and tag 0
    assertThat(journal.stamp(9)).isZero();
    assertThat(journal.tag(9)).isZero();
    assertThatThrownBy(() -> journal.tag(64)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("no leg in slot 64");
    assertThatThrownBy(() -> journal.stamp(-1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void scansStartAtAnySlotIncludingChunkEdges() {
    for (int i = 0; i < 21; i++) {
      put(i);
    }
    for (int from : new int[] {0, 1, 3, 4, 5, 7, 8, 19, 20}) {
      assertThat(scan(from)).as("scan from %d", from).isEqualTo(range(from, 21));
    }
    assertThat(scan(21)).isEmpty();
    assertThat(scan(1_000)).isEmpty();
    assertThat(scan(-5)).isEqualTo(range(0, 21));
  }

  @Test
  void unwrittenSlotsAndNeverAllocatedChunksAreSkipped() {
    put(0);
    put(1);
    put(9); // chunk 2; chunk 1 (slots 4..7) is never allocated
    assertThat(journal.chunks()).isEqualTo(2);
    assertThat(journal.end()).isEqualTo(10);
    assertThat(scan(0)).containsExactly(0, 1, 9);
    assertThat(scan(2)).containsExactly(9);
    assertThat(journal.has(5)).isFalse();
    assertThat(journal.has(8)).isFalse();
  }

  @Test
  void slotsWrittenOutOfOrderAreScannedInSlotOrder() {
    put(5);
    put(2);
    put(11);
    put(3);
    assertThat(journal.end()).isEqualTo(12);
    assertThat(scan(0)).containsExactly(2, 3, 5, 11);
  }

  @Test
  void aVisitorStopsTheScan() {
    for (int i = 0; i < 10; i++) {
      put(i);
    }
    List<Integer> seen = new ArrayList<>();
    journal.scan(3, (slot, origin, debit, credit, amount) -> {
      seen.add(slot);
      return seen.size() < 4;
    });
    assertThat(seen).containsExactly(3, 4, 5, 6);
  }

  @Test
  void theDirectoryGrowsToAFarSlotWithoutFillingTheGap() {
    put(1_000_003);
    assertThat(journal.chunks()).isEqualTo(1);
    assertThat(journal.end()).isEqualTo(1_000_004);
    assertThat(scan(999_999)).containsExactly(1_000_003);
    put(0);
    assertThat(scan(0)).containsExactly(0, 1_000_003);
  }

  @Test
  void badSlotsAreRejectedOrAbsent() {
    assertThatThrownBy(() -> put(-1)).isInstanceOf(IllegalArgumentException.class).hasMessage("slot < 0: -1");
    assertThat(journal.has(-1)).isFalse();
    assertThat(journal.has((long) Integer.MAX_VALUE + 1)).isFalse();
    assertThatThrownBy(() -> new LegJournal<String, String>(0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("chunkBits not in 1..20: 0");
  }

  /**
   * Four writers fill interleaved slots while two readers scan continuously: every leg a reader sees
   * is complete (no torn leg), and at the end every slot is there.
   */
  @Test
  void concurrentReadersSeeOnlyCompleteLegsWhileWritersFillSlots() throws Exception {
    int writers = 4;
    int perWriter = 20_000;
    ExecutorService pool = Executors.newFixedThreadPool(writers + 2);
    try {
      CountDownLatch start = new CountDownLatch(1);
      AtomicBoolean done = new AtomicBoolean();
      List<Future<?>> writes = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        int first = w;
        writes.add(pool.submit(() -> {
          start.await();
          for (int i = 0; i < perWriter; i++) {
            put(first + i * writers);
          }
          return null;
        }));
      }
      List<Future<Integer>> reads = new ArrayList<>();
      for (int r = 0; r < 2; r++) {
        reads.add(pool.submit(() -> {
          start.await();
          int scans = 0;
          do {
            scan(0); // asserts every visited leg is whole
            scans++;
          } while (!done.get());
          return scans;
        }));
      }
      start.countDown();
      for (Future<?> f : writes) {
        f.get(60, TimeUnit.SECONDS);
      }
      done.set(true);
      for (Future<Integer> f : reads) {
        assertThat(f.get(60, TimeUnit.SECONDS)).isPositive();
      }
      assertThat(scan(0)).isEqualTo(range(0, writers * perWriter));
    } finally {
      pool.shutdownNow();
    }
  }
}
