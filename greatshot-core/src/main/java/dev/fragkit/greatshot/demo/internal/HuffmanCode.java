package dev.fragkit.greatshot.demo.internal;

import java.util.Arrays;

/**
 * The fixed Huffman code of ET message bodies (format doc §4.4), derived in code from the seed
 * counts by replaying the engine's adaptive tree update (§4.4.2), then flattened into an 11-bit
 * lookup table for decoding and a per-symbol code table for encoding.
 *
 * <p>Immutable and thread-safe once {@link #get()} returned.
 */
public final class HuffmanCode {
  /** Symbol of the "not yet transmitted" leaf; reaching it while decoding means corrupt data. */
  public static final int NYT = 256;
  /** Longest code length of this code (§4.4: 11 bits). */
  public static final int LOOKUP_BITS = 11;

  /** Seed counts per symbol, format doc §4.4.1. */
  static final int[] SEED = {
    250315, 41193, 6292, 7106, 3730, 3750, 6110, 23283, 33317, 6950, 7838, 9714, 9257, 17259, 3949, 1778,
    8288, 1604, 1590, 1663, 1100, 1213, 1238, 1134, 1749, 1059, 1246, 1149, 1273, 4486, 2805, 3472,
    21819, 1159, 1670, 1066, 1043, 1012, 1053, 1070, 1726, 888, 1180, 850, 960, 780, 1752, 3296,
    10630, 4514, 5881, 2685, 4650, 3837, 2093, 1867, 2584, 1949, 1972, 940, 1134, 1788, 1670, 1206,
    5719, 6128, 7222, 6654, 3710, 3795, 1492, 1524, 2215, 1140, 1355, 971, 2180, 1248, 1328, 1195,
    1770, 1078, 1264, 1266, 1168, 965, 1155, 1186, 1347, 1228, 1529, 1600, 2617, 2048, 2546, 3275,
    2410, 3585, 2504, 2800, 2675, 6146, 3663, 2840, 14253, 3164, 2221, 1687, 3208, 2739, 3512, 4796,
    4091, 3515, 5288, 4016, 7937, 6031, 5360, 3924, 4892, 3743, 4566, 4807, 5852, 6400, 6225, 8291,
    23243, 7838, 7073, 8935, 5437, 4483, 3641, 5256, 5312, 5328, 5370, 3492, 2458, 1694, 1821, 2121,
    1916, 1149, 1516, 1367, 1236, 1029, 1258, 1104, 1245, 1006, 1149, 1025, 1241, 952, 1287, 997,
    1713, 1009, 1187, 879, 1099, 929, 1078, 951, 1656, 930, 1153, 1030, 1262, 1062, 1214, 1060,
    1621, 930, 1106, 912, 1034, 892, 1158, 990, 1175, 850, 1121, 903, 1087, 920, 1144, 1056,
    3462, 2240, 4397, 12136, 7758, 1345, 1307, 3278, 1950, 886, 1023, 1112, 1077, 1042, 1061, 1071,
    1484, 1001, 1096, 915, 1052, 995, 1070, 876, 1111, 851, 1059, 805, 1112, 923, 1103, 817,
    1899, 1872, 976, 841, 1127, 956, 1159, 950, 7791, 954, 1289, 933, 1127, 3207, 1020, 927,
    1355, 768, 1040, 745, 952, 805, 1073, 740, 1013, 805, 1008, 796, 996, 1057, 11457, 13504,
  };

  private static final HuffmanCode INSTANCE = build(SEED);

  /** Code length per symbol 0..256. */
  private final int[] lengths;
  /** Code bits per symbol in stream order: bit i of the value is the i-th bit sent. */
  private final int[] codes;
  /** Child links of the tree: {@code left[n]}, {@code right[n]}; leaves have symbol ≥ 0. */
  private final int[] left;
  private final int[] right;
  private final int[] symbol;
  private final int root;
  /**
   * Decode table indexed by the next 11 stream bits (first bit = index bit 0): {@code symbol << 8
   * | length}, or −1 for windows that begin with the NYT code. The length sits in the low bits so a
   * decoder can shift its bit window by the entry itself (a long shift uses only the low 6 bits).
   */
  private final int[] lookup;

  private HuffmanCode(int[] lengths, int[] codes, int[] left, int[] right, int[] symbol, int root) {
    this.lengths = lengths;
    this.codes = codes;
    this.left = left;
    this.right = right;
    this.symbol = symbol;
    this.root = root;
    this.lookup = new int[1 << LOOKUP_BITS];
    Arrays.fill(lookup, Integer.MIN_VALUE);
    for (int s = 0; s <= NYT; s++) {
      int len = lengths[s];
      if (len > LOOKUP_BITS) {
        throw new IllegalStateException("code length " + len + " of symbol " + s + " exceeds " + LOOKUP_BITS);
      }
      int entry = s == NYT ? -1 : (s << 8) | len;
      for (int high = 0; high < 1 << (LOOKUP_BITS - len); high++) {
        lookup[codes[s] | (high << len)] = entry;
      }
    }
    for (int e : lookup) {
      if (e == Integer.MIN_VALUE) {
        throw new IllegalStateException("code is not complete: an 11-bit window has no symbol");
      }
    }
  }

  /** The shared instance (built once, about a million tree updates). */
  public static HuffmanCode get() {
    return INSTANCE;
  }

  /** The code length of {@code symbol} (0..256). */
  public int length(int symbol) {
    return lengths[symbol];
  }

  /** The code bits of {@code symbol} in stream order (bit 0 = first bit sent). */
  public int code(int symbol) {
    return codes[symbol];
  }

  /** The 2048-entry decode table (shared, do not modify): {@code symbol << 8 | length}, −1 = NYT. */
  int[] lookupTable() {
    return lookup;
  }

  /**
   * Decodes one symbol by walking the tree one bit at a time, the plain reference algorithm.
   *
   * @param bits stream bits, first bit in bit 0
   * @return {@code length << 16 | symbol}; symbol may be {@link #NYT}; −1 if {@code available} ran out
   */
  public int decodeByTreeWalk(long bits, int available) {
    int node = root;
    int used = 0;
    while (symbol[node] < 0) {
      if (used >= available) {
        return -1;
      }
      node = ((bits >>> used) & 1) != 0 ? right[node] : left[node];
      used++;
    }
    return (used << 16) | symbol[node];
  }

  /** Builds the code by replaying the adaptive update for every seed count (§4.4.2). */
  static HuffmanCode build(int[] seed) {
    AdaptiveTree tree = new AdaptiveTree();
    for (int s = 0; s < seed.length; s++) {
      for (int i = 0; i < seed[s]; i++) {
        tree.add(s);
      }
    }
    int n = tree.count;
    int[] lengths = new int[NYT + 1];
    int[] codes = new int[NYT + 1];
    int[] sym = Arrays.copyOf(tree.sym, n);
    int[] left = Arrays.copyOf(tree.left, n);
    int[] right = Arrays.copyOf(tree.right, n);
    assign(tree, tree.root, 0, 0, lengths, codes);
    return new HuffmanCode(lengths, codes, left, right, sym, tree.root);
  }

  private static void assign(AdaptiveTree t, int node, int depth, int bits, int[] lengths, int[] codes) {
    if (t.sym[node] >= 0) {
      lengths[t.sym[node]] = depth;
      codes[t.sym[node]] = bits;
      return;
    }
    assign(t, t.left[node], depth + 1, bits, lengths, codes);
    assign(t, t.right[node], depth + 1, bits | (1 << depth), lengths, codes);
  }

  /**
   * The adaptive Huffman tree of §4.4.2 with nodes in parallel int arrays. A "block" is a shared
   * cell holding the leader of a run of equal-weight neighbours in the order list.
   */
  private static final class AdaptiveTree {
    private static final int NONE = -1;
    private static final int INTERNAL = -1;
    private static final int MAX_NODES = 2 * (NYT + 1) + 1;

    final int[] weight = new int[MAX_NODES];
    final int[] parent = new int[MAX_NODES];
    final int[] left = new int[MAX_NODES];
    final int[] right = new int[MAX_NODES];
    final int[] sym = new int[MAX_NODES];
    final int[] next = new int[MAX_NODES];
    final int[] prev = new int[MAX_NODES];
    /** Block index of each node. */
    final int[] block = new int[MAX_NODES];
    /** Leader per block index; dropped blocks are recycled through a free stack. */
    int[] leader = new int[MAX_NODES];
    int blocks;
    final int[] freeBlocks = new int[MAX_NODES];
    int freeCount;
    final int[] leafOf = new int[NYT + 1];
    int count;
    int root;
    final int nyt;

    AdaptiveTree() {
      Arrays.fill(leafOf, NONE);
      nyt = newNode(NYT, 0);
      block[nyt] = NONE;
      root = nyt;
      leafOf[NYT] = nyt;
    }

    private int newNode(int symbol, int w) {
      int n = count++;
      weight[n] = w;
      parent[n] = NONE;
      left[n] = NONE;
      right[n] = NONE;
      sym[n] = symbol;
      next[n] = NONE;
      prev[n] = NONE;
      return n;
    }

    private int newBlock(int lead) {
      if (freeCount > 0) {
        int b = freeBlocks[--freeCount];
        leader[b] = lead;
        return b;
      }
      if (blocks == leader.length) {
        leader = Arrays.copyOf(leader, blocks * 2);
      }
      leader[blocks] = lead;
      return blocks++;
    }

    void add(int s) {
      int leaf = leafOf[s];
      if (leaf != NONE) {
        increment(leaf);
        return;
      }
      int internal = newNode(INTERNAL, 1);
      int l = newNode(s, 1);
      int x = next[nyt];
      // order list: NYT, l, internal, x ...
      next[internal] = x;
      if (x != NONE) {
        prev[x] = internal;
        block[internal] = weight[x] == 1 ? block[x] : newBlock(internal);
      } else {
        block[internal] = newBlock(internal);
      }
      prev[internal] = l;
      next[l] = internal;
      prev[l] = nyt;
      next[nyt] = l;
      block[l] = block[internal];
      // tree: internal takes NYT's place
      int p = parent[nyt];
      if (p != NONE) {
        if (left[p] == nyt) {
          left[p] = internal;
        } else {
          right[p] = internal;
        }
      } else {
        root = internal;
      }
      left[internal] = nyt;
      right[internal] = l;
      parent[internal] = p;
      parent[nyt] = internal;
      parent[l] = internal;
      leafOf[s] = l;
      if (p != NONE) {
        increment(p);
      }
    }

    private void increment(int n) {
      int nx = next[n];
      if (nx != NONE && weight[nx] == weight[n]) {
        int lead = leader[block[n]];
        if (lead != parent[n]) {
          swapInTree(lead, n);
        }
        swapInList(lead, n);
      }
      int pv = prev[n];
      if (pv != NONE && weight[pv] == weight[n]) {
        leader[block[n]] = pv;
      } else {
        freeBlocks[freeCount++] = block[n];
      }
      weight[n]++;
      nx = next[n];
      if (nx != NONE && weight[nx] == weight[n]) {
        block[n] = block[nx];
      } else {
        block[n] = newBlock(n);
      }
      int p = parent[n];
      if (p != NONE) {
        // Depth is bounded by the tree height (at most 257), so recursion is safe.
        increment(p);
        if (prev[n] == parent[n]) {
          swapInList(n, parent[n]);
          if (leader[block[n]] == n) {
            leader[block[n]] = parent[n];
          }
        }
      }
    }

    void swapInTree(int a, int b) {
      int pa = parent[a];
      int pb = parent[b];
      if (pa != NONE) {
        if (left[pa] == a) {
          left[pa] = b;
        } else {
          right[pa] = b;
        }
      } else {
        root = b;
      }
      if (pb != NONE) {
        if (left[pb] == b) {
          left[pb] = a;
        } else {
          right[pb] = a;
        }
      } else {
        root = a;
      }
      parent[a] = pb;
      parent[b] = pa;
    }

    void swapInList(int a, int b) {
      int t = next[a];
      next[a] = next[b];
      next[b] = t;
      t = prev[a];
      prev[a] = prev[b];
      prev[b] = t;
      if (next[a] == a) {
        next[a] = b;
      }
      if (next[b] == b) {
        next[b] = a;
      }
      if (next[a] != NONE) {
        prev[next[a]] = a;
      }
      if (next[b] != NONE) {
        prev[next[b]] = b;
      }
      if (prev[a] != NONE) {
        next[prev[a]] = a;
      }
      if (prev[b] != NONE) {
        next[prev[b]] = b;
      }
    }
  }
}
