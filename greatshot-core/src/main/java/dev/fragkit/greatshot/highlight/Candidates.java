package dev.fragkit.greatshot.highlight;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The engine's collector: rules hand it candidates one by one, it keeps one per
 * (type, client, startMs, endMs) — the higher score, the first inserted on a tie, at the position of
 * the first inserted — and finally orders them by {@link HighlightEngine#ORDER}, exact ties in
 * insertion order.
 *
 * <p>Two ways in. {@link #add} de-duplicates by open addressing over candidate positions, with the
 * full hash kept beside each candidate (no key objects; a probe rarely dereferences a candidate).
 * {@link #trusted()} is for stock rules whose types no other stock rule of the engine emits: they
 * send unique keys ({@link CandidateSink#unique()}), so their candidates are appended without
 * hashing — at a million kills a hash probe is a cache miss, and it cost more than the rules. If
 * a candidate of a trusted type then arrives through {@link #add} (a custom rule emitting, say,
 * {@code multi_kill}), every candidate so far is indexed once and all later ones are hashed, so
 * the result is the same as hashing everything from the start.
 *
 * <p>Ordering packs (score rank, start, duration, player rank) into one {@code long} when those fit
 * in 64 bits — true for every real demo — and sorts (key, position) pairs with a stable LSD radix
 * sort, 11 bits a pass, reading keys sequentially; otherwise it falls back to a radix sort over the
 * four keys. Both are linear in the number of candidates.
 *
 * <p>Not thread-safe: one instance per {@link HighlightEngine#detect} call.
 */
final class Candidates implements CandidateSink {
  private static final int SMALL = 64; // below this, a comparator sort
  private static final int DIGIT = 11;
  private static final int BUCKETS = 1 << DIGIT;
  private static final int NAME_CACHE = 256;

  private final boolean dedup;
  private final Set<String> trustedTypes;
  private boolean indexed; // every candidate is in the table (else only those sent through add)
  private final HighlightList items = new HighlightList();
  private int[] hashes; // of hashed candidates; grown only by the hashing path
  private int size;
  private int[] table; // candidate positions, -1 = empty
  private int mask;
  private int tableCount;

  /** A collector whose {@link #trusted()} sink is used only by rules emitting {@code trustedTypes}. */
  Candidates(Set<String> trustedTypes) {
    this(true, trustedTypes);
  }

  /** A collector that hashes every candidate. */
  Candidates() {
    this(true, Set.of());
  }

  private Candidates(boolean dedup, Set<String> trustedTypes) {
    this.dedup = dedup;
    this.trustedTypes = trustedTypes;
    this.indexed = trustedTypes.isEmpty();
    hashes = new int[dedup && trustedTypes.isEmpty() ? 256 : 0];
    if (dedup) {
      table = new int[512];
      Arrays.fill(table, -1);
      mask = table.length - 1;
    }
  }

  int size() {
    return size;
  }

  /** The sink for rules that send unique keys of trusted types. */
  CandidateSink trusted() {
    return new CandidateSink() {
      @Override
      public int add(Highlight h) {
        if (indexed) {
          return Candidates.this.add(h);
        }
        size++;
        return items.append(h);
      }

      @Override
      public boolean unique() {
        return true;
      }

      @Override
      public void replace(int position, Highlight h) {
        if (indexed) {
          Candidates.this.add(h); // same key: finds the kept one and keeps the better
        } else {
          items.put(position, h);
        }
      }
    };
  }

  @Override
  public int add(Highlight h) {
    if (!dedup) {
      size++;
      return items.append(h);
    }
    if (!indexed && trustedTypes.contains(h.type())) {
      indexed = true;
      table = new int[Math.max(512, Integer.highestOneBit(Math.max(1, size)) << 2)];
      Arrays.fill(table, -1);
      mask = table.length - 1;
      tableCount = 0;
      hashes = Arrays.copyOf(hashes, Math.max(256, size * 2));
      for (int i = 0; i < size; i++) { // keys are distinct so far: no probe can match
        hashes[i] = hash(items.at(i));
        insert(i);
      }
    }
    if ((tableCount + 1) * 2 > table.length) {
      rehash();
    }
    if (hashes.length <= size) {
      hashes = Arrays.copyOf(hashes, Math.max(256, size * 2));
    }
    Integer c = h.client();
    int hash = hash(h);
    int slot = hash & mask;
    while (true) {
      int at = table[slot];
      if (at < 0) {
        table[slot] = size;
        tableCount++;
        hashes[size] = hash;
        size++;
        return items.append(h);
      }
      if (hashes[at] == hash) {
        Highlight o = items.at(at);
        if (o.startMs() == h.startMs() && o.endMs() == h.endMs() && Objects.equals(o.client(), c)
            && o.type().equals(h.type())) {
          if (h.score() > o.score()) {
            items.put(at, h);
          }
          return at;
        }
      }
      slot = (slot + 1) & mask;
    }
  }

  private static int hash(Highlight h) {
    Integer c = h.client();
    int client = c == null ? 0x5bd1e995 : c;
    int x = ((h.type().hashCode() * 31 + client) * 31 + h.startMs()) * 0x9E3779B9 + h.endMs() * 0x85EBCA6B;
    x ^= x >>> 16; // murmur3 fmix32
    x *= 0x85EBCA6B;
    x ^= x >>> 13;
    x *= 0xC2B2AE35;
    return x ^ (x >>> 16);
  }

  /** Puts position {@code i} (hash in {@code hashes[i]}) in a free slot, growing the table first if needed. */
  private void insert(int i) {
    if ((tableCount + 1) * 2 > table.length) {
      rehash();
    }
    int slot = hashes[i] & mask;
    while (table[slot] >= 0) {
      slot = (slot + 1) & mask;
    }
    table[slot] = i;
    tableCount++;
  }

  private void rehash() {
    int[] bigger = new int[table.length * 2];
    Arrays.fill(bigger, -1);
    int m = bigger.length - 1;
    for (int at : table) {
      if (at >= 0) {
        int slot = hashes[at] & m;
        while (bigger[slot] >= 0) {
          slot = (slot + 1) & m;
        }
        bigger[slot] = at;
      }
    }
    table = bigger;
    mask = m;
  }

  /** The kept candidates in {@link HighlightEngine#ORDER}, exact ties in insertion order. */
  HighlightList sorted() {
    return sort(items, size, true);
  }

  /** {@code in} in {@link HighlightEngine#ORDER} (stable), without de-duplication. */
  static Highlight[] sorted(Highlight[] in, boolean allowPacked) {
    return sort(HighlightList.of(in), in.length, allowPacked).toArray(new Highlight[0]);
  }

  private static HighlightList sort(HighlightList in, int n, boolean allowPacked) {
    if (n < SMALL) {
      Highlight[] copy = new Highlight[n];
      for (int i = 0; i < n; i++) {
        copy[i] = in.at(i);
      }
      Arrays.sort(copy, HighlightEngine.ORDER); // stable
      return HighlightList.of(copy);
    }
    // Dense ids for players (by instance first: consecutive candidates usually share it) and scores.
    int[] playerId = new int[n];
    int[] scoreId = new int[n];
    long[] keys = new long[n]; // first (start, duration), then the packed key: one read of each candidate
    Map<String, Integer> players = new HashMap<>();
    List<String> playerNames = new ArrayList<>();
    LongIntTable scores = new LongIntTable();
    String[] cachedName = new String[NAME_CACHE]; // name instance → id, direct-mapped
    int[] cachedId = new int[NAME_CACHE];
    String lastName = null;
    int lastPlayer = -1;
    long lastBits = 0;
    int lastScore = -1;
    long minStart = Long.MAX_VALUE;
    long maxStart = Long.MIN_VALUE;
    long maxDuration = 0;
    for (int i = 0; i < n; i++) {
      Highlight h = in.at(i);
      String name = h.player();
      if (name != lastName) {
        int slot = name.hashCode() & (NAME_CACHE - 1); // String caches its hash
        if (cachedName[slot] == name) {
          lastPlayer = cachedId[slot];
        } else {
          Integer id = players.get(name);
          if (id == null) {
            id = playerNames.size();
            players.put(name, id);
            playerNames.add(name);
          }
          cachedName[slot] = name;
          cachedId[slot] = id;
          lastPlayer = id;
        }
        lastName = name;
      }
      playerId[i] = lastPlayer;
      long bits = Double.doubleToLongBits(h.score());
      if (bits != lastBits || lastScore < 0) {
        lastScore = scores.idOf(bits);
        lastBits = bits;
      }
      scoreId[i] = lastScore;
      long start = h.startMs();
      long duration = (long) h.endMs() - start; // 0..2^32-1
      keys[i] = start << 32 | duration;
      minStart = Math.min(minStart, start);
      maxStart = Math.max(maxStart, start);
      maxDuration = Math.max(maxDuration, duration);
    }
    int[] playerRank = ranks(playerNames);
    int[] scoreRank = scores.descendingRanks();
    int pb = bits(playerNames.size() - 1);
    int rb = bits(scores.size() - 1);
    int sb = bits(maxStart - minStart);
    int db = bits(maxDuration);
    if (allowPacked && pb + rb + sb + db <= 64) {
      for (int i = 0; i < n; i++) {
        long sd = keys[i];
        keys[i] = ((long) scoreRank[scoreId[i]] << (sb + db + pb)) | (((sd >> 32) - minStart) << (db + pb))
            | ((sd & 0xFFFFFFFFL) << pb) | playerRank[playerId[i]];
      }
      return gather(in, radixOrder(keys, pb + rb + sb + db));
    }
    int[] player = new int[n];
    int[] end = new int[n];
    int[] start = new int[n];
    int[] score = new int[n];
    for (int i = 0; i < n; i++) {
      long sd = keys[i];
      player[i] = playerRank[playerId[i]];
      end[i] = (int) ((sd >> 32) + (sd & 0xFFFFFFFFL)) ^ Integer.MIN_VALUE; // signed → unsigned order
      start[i] = (int) (sd >> 32) ^ Integer.MIN_VALUE;
      score[i] = scoreRank[scoreId[i]];
    }
    return gather(in, radixOrder(n, player, end, start, score));
  }

  private static HighlightList gather(HighlightList in, int[] order) {
    HighlightList out = new HighlightList();
    for (int i : order) {
      out.append(in.at(i));
    }
    return out;
  }

  private static int bits(long nonNegative) {
    return 64 - Long.numberOfLeadingZeros(nonNegative);
  }

  /** Rank of each name (by id) in {@link String#compareTo} order. */
  private static int[] ranks(List<String> names) {
    Integer[] ids = new Integer[names.size()];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = i;
    }
    Arrays.sort(ids, (a, b) -> names.get(a).compareTo(names.get(b)));
    int[] rank = new int[ids.length];
    for (int r = 0; r < ids.length; r++) {
      rank[ids[r]] = r;
    }
    return rank;
  }

  /**
   * Positions 0..n−1 ordered by unsigned {@code keys}, equal keys in position order: a stable LSD
   * radix sort of (key, position) pairs, {@value #DIGIT} bits a pass; all histograms are counted in
   * one pass and a digit that is equal everywhere is skipped.
   */
  static int[] radixOrder(long[] keys, int keyBits) {
    int n = keys.length;
    int passes = Math.max(1, (keyBits + DIGIT - 1) / DIGIT);
    int[][] counts = new int[passes][BUCKETS + 1];
    for (int i = 0; i < n; i++) {
      long k = keys[i];
      for (int p = 0; p < passes; p++) {
        counts[p][(int) (k >>> (p * DIGIT)) & (BUCKETS - 1)]++;
      }
    }
    long[] k1 = keys;
    long[] k2 = new long[n];
    int[] o1 = new int[n];
    for (int i = 0; i < n; i++) {
      o1[i] = i;
    }
    int[] o2 = new int[n];
    for (int p = 0; p < passes; p++) {
      int[] c = counts[p];
      boolean trivial = false;
      int sum = 0;
      for (int b = 0; b < BUCKETS; b++) {
        int cb = c[b];
        if (cb == n) {
          trivial = true;
          break;
        }
        c[b] = sum;
        sum += cb;
      }
      if (trivial) {
        continue;
      }
      int shift = p * DIGIT;
      for (int i = 0; i < n; i++) {
        long k = k1[i];
        int pos = c[(int) (k >>> shift) & (BUCKETS - 1)]++;
        k2[pos] = k;
        o2[pos] = o1[i];
      }
      long[] ks = k1;
      k1 = k2;
      k2 = ks;
      int[] os = o1;
      o1 = o2;
      o2 = os;
    }
    return o1;
  }

  /**
   * Positions 0..n−1 ordered by the unsigned keys, most significant key last; equal in position
   * order. A stable LSD radix sort, 8 bits a pass, used when the keys do not pack into a long.
   */
  private static int[] radixOrder(int n, int[]... keysLeastSignificantFirst) {
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    int[] tmp = new int[n];
    for (int[] key : keysLeastSignificantFirst) {
      for (int shift = 0; shift < 32; shift += 8) {
        int[] count = new int[257];
        boolean allSame = true;
        int first = (key[order[0]] >>> shift) & 0xFF;
        for (int i = 0; i < n; i++) {
          int b = (key[order[i]] >>> shift) & 0xFF;
          count[b + 1]++;
          allSame &= b == first;
        }
        if (allSame) {
          continue;
        }
        for (int b = 0; b < 256; b++) {
          count[b + 1] += count[b];
        }
        for (int i = 0; i < n; i++) {
          int idx = order[i];
          tmp[count[(key[idx] >>> shift) & 0xFF]++] = idx;
        }
        int[] swap = order;
        order = tmp;
        tmp = swap;
      }
    }
    return order;
  }

  /** Distinct score bit patterns → dense ids; open addressing. */
  private static final class LongIntTable {
    private long[] keys = new long[64];
    private int[] ids = new int[64]; // id + 1, 0 = empty
    private long[] byId = new long[32];
    private int size;

    int size() {
      return size;
    }

    int idOf(long key) {
      int m = keys.length - 1;
      int h = (int) (key ^ (key >>> 32)) * 0x9E3779B9;
      int slot = (h ^ (h >>> 16)) & m;
      while (ids[slot] != 0) {
        if (keys[slot] == key) {
          return ids[slot] - 1;
        }
        slot = (slot + 1) & m;
      }
      if (size == byId.length) {
        byId = Arrays.copyOf(byId, size * 2);
      }
      byId[size] = key;
      keys[slot] = key;
      ids[slot] = ++size;
      if (size * 2 > keys.length) {
        grow();
      }
      return size - 1;
    }

    private void grow() {
      long[] oldKeys = keys;
      int[] oldIds = ids;
      keys = new long[oldKeys.length * 2];
      ids = new int[oldKeys.length * 2];
      int m = keys.length - 1;
      for (int s = 0; s < oldKeys.length; s++) {
        if (oldIds[s] != 0) {
          long key = oldKeys[s];
          int h = (int) (key ^ (key >>> 32)) * 0x9E3779B9;
          int slot = (h ^ (h >>> 16)) & m;
          while (ids[slot] != 0) {
            slot = (slot + 1) & m;
          }
          keys[slot] = key;
          ids[slot] = oldIds[s];
        }
      }
    }

    /** Rank of each id when the scores are ordered highest first ({@link Double#compare}). */
    int[] descendingRanks() {
      double[] values = new double[size];
      for (int i = 0; i < size; i++) {
        values[i] = Double.longBitsToDouble(byId[i]);
      }
      double[] sorted = values.clone();
      Arrays.sort(sorted); // Double.compare order; the values are distinct in that order
      int[] rank = new int[size];
      for (int i = 0; i < size; i++) {
        rank[i] = size - 1 - Arrays.binarySearch(sorted, values[i]);
      }
      return rank;
    }
  }
}
