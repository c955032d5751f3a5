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
import org.junit.jupiter.api.Test;

/** The append-only id pages of the in-memory store, with 256-byte pages. */
class IdArenaTest {
  private final IdArena arena = new IdArena(8);

  @Test
  void idsReadBackExactlyAndMatchOnlyThemselves() {
    List<String> ids = List.of("", "a", "op-1", "op-12", "é ÿ\u0001", "x".repeat(IdArena.MAX_LENGTH));
    long[] addresses = new long[ids.size()];
    for (int i = 0; i < ids.size(); i++) {
      addresses[i] = arena.add(ids.get(i));
    }
    for (int i = 0; i < ids.size(); i++) {
      assertThat(arena.get(addresses[i])).isEqualTo(ids.get(i));
      for (int j = 0; j < ids.size(); j++) {
        assertThat(arena.matches(addresses[i], ids.get(j))).as("%s vs %s", i, j).isEqualTo(i == j);
      }
    }
    assertThat(arena.matches(addresses[2], "op-2")).isFalse();
    assertThat(arena.matches(addresses[3], "op-1")).isFalse();
  }

  @Test
  void anIdNeverCrossesAPageBoundary() {
    String id = "y".repeat(100); // 101 bytes: two per 256-byte page, the third starts a new page
    long a = arena.add(id);
    long b = arena.add(id);
    long c = arena.add(id);
    assertThat(a).isZero();
    assertThat(b).isEqualTo(101);
    assertThat(c).isEqualTo(256);
    assertThat(arena.get(c)).isEqualTo(id);
    assertThat(arena.reserved()).isEqualTo(256 + 101);
  }

  @Test
  void idsItCannotHoldAreRejectedBeforeAnythingIsStored() {
    assertThat(IdArena.fits("x".repeat(IdArena.MAX_LENGTH + 1))).isFalse();
    assertThat(IdArena.fits("op-\u0100")).isFalse();
    assertThat(IdArena.fits("op-\u00ff")).isTrue();
    assertThatThrownBy(() -> arena.add("op-\u20ac")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("length 4");
    assertThat(arena.reserved()).isZero();
    assertThatThrownBy(() -> new IdArena(7)).isInstanceOf(IllegalArgumentException.class);
  }

  /** Eight threads add ids of varied lengths at once (many page turns): each reads back as written. */
  @Test
  void concurrentWritersGetDisjointRanges() throws Exception {
    int writers = 8;
    int perWriter = 5_000;
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<long[]>> results = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        int id = w;
        results.add(pool.submit(() -> {
          start.await();
          long[] addresses = new long[perWriter];
          for (int i = 0; i < perWriter; i++) {
            addresses[i] = arena.add(id + ":" + "z".repeat(i % 40) + i);
          }
          return addresses;
        }));
      }
      start.countDown();
      for (int w = 0; w < writers; w++) {
        long[] addresses = results.get(w).get(60, TimeUnit.SECONDS);
        for (int i = 0; i < perWriter; i++) {
          assertThat(arena.get(addresses[i])).isEqualTo(w + ":" + "z".repeat(i % 40) + i);
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
