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

/** The open-addressing table that holds the in-memory store's idempotency index. */
class OpenTableTest {
  /**
   * Where the test's keys live: handle {@code h} names entry {@code h - 1}, its key and a version (to
   * see replacements). Appends are synchronised; the table asks only about handles it was given.
   */
  static final class Entries implements OpenTable.Keys {
    private final List<String> keys = new ArrayList<>();

    synchronized int add(String key) {
      keys.add(key);
      return keys.size();
    }

    synchronized String key(int handle) {
      return keys.get(handle - 1);
    }

    @Override
    public boolean hasKey(int handle, String key) {
      return key(handle).equals(key);
    }
  }

  private final Entries entries = new Entries();

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
    OpenTable t = new OpenTable(entries, 2);
    assertThat(t.get("x")).isEqualTo(OpenTable.NONE);
    int[] handles = new int[10_000];
    for (int i = 0; i < 10_000; i++) {
      handles[i] = entries.add("k" + i);
      t.put("k" + i, handles[i]);
    }
    assertThat(t.size()).isEqualTo(10_000);
    assertThat(t.capacity()).isEqualTo(32_768); // doubled from 2 to stay at most half full
    for (int i = 0; i < 10_000; i++) {
      assertThat(t.get("k" + i)).isEqualTo(handles[i]);
    }
    assertThat(t.get("k10000")).isEqualTo(OpenTable.NONE);
    assertThat(t.get("")).isEqualTo(OpenTable.NONE);
  }

  @Test
  void collidingHashesProbeToTheRightEntryAcrossGrowth() {
    List<String> keys = collidingKeys(200);
    assertThat(new HashSet<>(keys.stream().map(String::hashCode).toList())).hasSize(1);
    OpenTable t = new OpenTable(entries, 4);
    for (String k : keys) {
      t.put(k, entries.add(k));
    }
    for (String k : keys) {
      assertThat(entries.key(t.get(k))).isEqualTo(k);
    }
    assertThat(t.get("AaAaAaAaAaAaAaAaAa")).isEqualTo(OpenTable.NONE);
  }

  @Test
  void puttingAnExistingKeyReplacesItsValue() {
    OpenTable t = new OpenTable(entries, 4);
    int a1 = entries.add("a");
    int b = entries.add("b");
    int a2 = entries.add("a");
    t.put("a", a1);
    t.put("b", b);
    t.put("a", a2);
    assertThat(t.size()).isEqualTo(2);
    assertThat(t.get("a")).isEqualTo(a2);
    List<Integer> all = new ArrayList<>();
    t.forEach(all::add);
    assertThat(all).containsExactlyInAnyOrder(a2, b);
  }

  @Test
  void misuseIsRejected() {
    OpenTable t = new OpenTable(entries, 4);
    int b = entries.add("b");
    assertThatThrownBy(() -> t.put("a", b)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("handle 1 does not carry key a");
    assertThatThrownBy(() -> t.put("a", OpenTable.NONE)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("handle 0 is reserved for 'absent'");
    assertThatThrownBy(() -> new OpenTable(entries, 3)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("capacity is not a power of two in 2..1073741824: 3");
    assertThat(t.size()).isZero();
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
    OpenTable t = new OpenTable(entries, 2);
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
            t.put(k, entries.add(k));
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
              int handle = t.get(w + ":" + i);
              assertThat(handle).as("key %d:%d", w, i).isNotEqualTo(OpenTable.NONE);
              assertThat(entries.key(handle)).isEqualTo(w + ":" + i);
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
      t.forEach(handle -> assertThat(seen.add(entries.key(handle))).as("duplicate %s", handle).isTrue());
      assertThat(seen).hasSize(writers * perWriter);
      assertThat(t.capacity()).isLessThanOrEqualTo(4 * writers * perWriter);
    } finally {
      pool.shutdownNow();
    }
  }
}
