package dev.fragkit.economy.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The open-addressing table that holds the in-memory store's idempotency records. */
class OpenTableTest {
  /** A value carrying its key (and a version, to see replacements). */
  record Entry(String key, int version) implements OpenTable.Keyed {
    @Override
    public int keyHash() {
      return key.hashCode();
    }

    @Override
    public boolean hasKey(String k) {
      return key.equals(k);
    }
  }

  /** Keys whose hashes all collide ("Aa" and "BB" have the same hash; so do their concatenations). */
  private static List<String> collidingKeys(int count) {
    List<String> keys = new ArrayList<>();
    for (int i = 0; keys.size() < count; i++) {
      StringBuilder b = new StringBuilder();
      for (int bit = 0; bit < 8; bit++) {
        b.append((i >> bit & 1) == 0 ? "Aa" : "BB");
      }
      keys.add(b.toString());
    }
    return keys;
  }

  @Test
  void findsWhatWasPutAndNothingElse() {
    OpenTable<Entry> t = new OpenTable<>(2);
    assertThat(t.get("x")).isNull();
    for (int i = 0; i < 10_000; i++) {
      t.put("k" + i, new Entry("k" + i, 0));
    }
    assertThat(t.size()).isEqualTo(10_000);
    assertThat(t.capacity()).isEqualTo(32_768); // doubled from 2 to stay at most half full
    for (int i = 0; i < 10_000; i++) {
      assertThat(t.get("k" + i)).isEqualTo(new Entry("k" + i, 0));
    }
    assertThat(t.get("k10000")).isNull();
    assertThat(t.get("")).isNull();
  }

  @Test
  void collidingHashesProbeToTheRightEntryAcrossGrowth() {
    List<String> keys = collidingKeys(200);
    assertThat(new HashSet<>(keys.stream().map(String::hashCode).toList())).hasSize(1);
    OpenTable<Entry> t = new OpenTable<>(4);
    for (String k : keys) {
      t.put(k, new Entry(k, 1));
    }
    for (String k : keys) {
      assertThat(t.get(k)).isEqualTo(new Entry(k, 1));
    }
    assertThat(t.get("AaAaAaAaAaAaAaAaAa")).isNull();
  }

  @Test
  void puttingAnExistingKeyReplacesItsValue() {
    OpenTable<Entry> t = new OpenTable<>(4);
    t.put("a", new Entry("a", 1));
    t.put("b", new Entry("b", 1));
    t.put("a", new Entry("a", 2));
    assertThat(t.size()).isEqualTo(2);
    assertThat(t.get("a")).isEqualTo(new Entry("a", 2));
    List<Entry> all = new ArrayList<>();
    t.forEach(all::add);
    assertThat(all).containsExactlyInAnyOrder(new Entry("a", 2), new Entry("b", 1));
  }

  @Test
  void misuseIsRejected() {
    OpenTable<Entry> t = new OpenTable<>(4);
    assertThatThrownBy(() -> t.put("a", new Entry("b", 1))).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("value does not carry key a");
    assertThatThrownBy(() -> new OpenTable<Entry>(3)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("capacity is not a power of two in 2..1073741824: 3");
  }

  /**
   * Eight threads insert disjoint keys into a table that starts with 2 slots (so it grows many times
   * while they insert) while two readers look up keys already confirmed inserted: a confirmed key
   * is never missing, and at the end every key is there exactly once.
   */
  @Test
  void concurrentInsertsAndLookupsAcrossGrowthLoseNothing() throws Exception {
    int writers = 8;
    int perWriter = 20_000;
    OpenTable<Entry> t = new OpenTable<>(2);
    ExecutorService pool = Executors.newFixedThreadPool(writers + 2);
    try {
      CountDownLatch start = new CountDownLatch(1);
      AtomicBoolean done = new AtomicBoolean();
      int[] confirmed = new int[writers]; // per writer: keys below this index are inserted
      List<Future<?>> writes = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        int id = w;
        writes.add(pool.submit(() -> {
          start.await();
          for (int i = 0; i < perWriter; i++) {
            String k = id + ":" + i;
            t.put(k, new Entry(k, i));
            synchronized (confirmed) {
              confirmed[id] = i + 1;
            }
          }
          return null;
        }));
      }
      List<Future<Integer>> reads = new ArrayList<>();
      for (int r = 0; r < 2; r++) {
        int seed = r;
        reads.add(pool.submit(() -> {
          start.await();
          int lookups = 0;
          java.util.Random random = new java.util.Random(seed);
          do {
            int w = random.nextInt(writers);
            int upTo;
            synchronized (confirmed) {
              upTo = confirmed[w];
            }
            if (upTo > 0) {
              int i = random.nextInt(upTo);
              assertThat(t.get(w + ":" + i)).as("key %d:%d", w, i).isEqualTo(new Entry(w + ":" + i, i));
              lookups++;
            }
          } while (!done.get());
          return lookups;
        }));
      }
      start.countDown();
      for (Future<?> f : writes) {
        f.get(60, TimeUnit.SECONDS);
      }
      done.set(true);
      for (Future<Integer> f : reads) {
        f.get(60, TimeUnit.SECONDS);
      }
      assertThat(t.size()).isEqualTo(writers * perWriter);
      Set<String> seen = new HashSet<>();
      t.forEach(e -> assertThat(seen.add(e.key())).as("duplicate %s", e.key()).isTrue());
      assertThat(seen).hasSize(writers * perWriter);
      assertThat(t.capacity()).isLessThanOrEqualTo(4 * writers * perWriter);
    } finally {
      pool.shutdownNow();
    }
  }
}
