package dev.fragkit.greatshot.demo.internal;

import static dev.fragkit.greatshot.demo.internal.FieldTables.ENTITY_BITS;
import static dev.fragkit.greatshot.demo.internal.FieldTables.ENTITY_FIELDS;

/**
 * Decodes the field part of an entityState delta (format doc §8.1): the field count {@code lc},
 * then per field a "changed" bit, a "non-zero" bit and the value (floats: a "full" bit, then a
 * 13-bit integral value or 32 raw float bits; integers: the field's width). The parser's hottest
 * loop. Stateless and thread-safe; the {@link BitReader} it is given is not.
 */
final class EntityFields {
  private static final int WINDOW_MASK = (1 << HuffmanCode.LOOKUP_BITS) - 1;

  private EntityFields() {}

  /** Float bits of the integral float coded as the 13-bit value {@code u} ({@code u − 4096}, §8). */
  static int integralFloat(int u) {
    return Float.floatToRawIntBits((float) (u - 4096));
  }

  /**
   * Reads one delta from {@code r} into {@code store[to .. to + 71)}, relative to the base state
   * {@code source[from .. from + 71)} (the two ranges must not overlap). Errors are
   * {@link MessageFormatException}s from {@link BitReader#decodeFailure} at the bit where the
   * overread or NYT symbol was found; after an error {@code store} holds no meaningful state.
   */
  static void read(BitReader r, int[] source, int from, int[] store, int to) {
    int lc = r.readByte();
    if (lc > ENTITY_FIELDS) {
      throw new MessageFormatException("entity field count " + lc + " > " + ENTITY_FIELDS + " (format doc §8.1)",
          r.position());
    }
    // Start from a copy of the base: unchanged fields and those from lc on keep its values (§8.1).
    System.arraycopy(source, from, store, to, ENTITY_FIELDS);
    int[] bits = ENTITY_BITS;
    int[] lookup = BitReader.LOOKUP;
    byte[] data = r.data;
    int limit = r.limit;
    int p = r.pos;
    int i = 0;
    // Per field (§8.1): changed bit, nonZero bit, then for floats a "full" bit and 13 or 32 bits,
    // for integers the field's width. Decoded from a 64-bit window with the cursor in a local.
    // Each turn skips the run of "unchanged" flags before the next changed field (those fields
    // already hold the base's values), so the common case takes no branch on the run's length.
    while (i < lc) {
      if (p > limit) {
        throw r.decodeFailure(p, 1);
      }
      long w = BitReader.load(data, p);
      int zeros = Long.numberOfTrailingZeros(w);
      int left = lc - i;
      if (zeros >= left && left <= 56) {
        p += left;
        break;
      }
      if (zeros != 0) {
        if (zeros > 56) {
          p += 56;
          i += 56;
          continue;
        }
        p += zeros;
        i += zeros;
        if (p > limit) {
          throw r.decodeFailure(p, 1);
        }
        w = BitReader.load(data, p);
      }
      if ((w & 2) == 0) {
        store[to + i++] = 0;
        p += 2;
        continue;
      }
      int width = bits[i];
      long d;
      if (width == 0) {
        if ((w & 4) == 0) {
          // 13 bits (§4.2): 5 raw bits, then one symbol
          int e = lookup[(int) (w >>> 8) & WINDOW_MASK];
          if (e < 0) {
            throw r.decodeFailure(p, 13);
          }
          store[to + i] = integralFloat((int) (w >>> 3) & 31 | (e >>> 8) << 5);
          p += 8 + (e & 0xFF);
        } else {
          d = decode32(w >>> 3, lookup);
          if (d < 0) {
            throw r.decodeFailure(p, 32);
          }
          store[to + i] = (int) d;
          p += 3 + (int) (d >>> 32);
        }
      } else if (width == 32) {
        d = decode32(w >>> 2, lookup);
        if (d < 0) {
          throw r.decodeFailure(p, 32);
        }
        store[to + i] = (int) d;
        p += 2 + (int) (d >>> 32);
      } else {
        d = BitReader.decode(w >>> 2, width);
        if (d < 0) {
          throw r.decodeFailure(p, width);
        }
        store[to + i] = (int) d;
        p += 2 + (int) (d >>> 32);
      }
      i++;
    }
    if (p > limit) {
      throw r.decodeFailure(p, 1);
    }
    r.pos = p;
  }

  /**
   * Four symbols (a 32-bit value, §4.2) from the front of {@code v}, unrolled: {@code bitsUsed << 32
   * | value}, or −1 if any symbol was the NYT escape. The 4 × 11 bits fit in one window.
   */
  private static long decode32(long v, int[] lookup) {
    int e0 = lookup[(int) v & WINDOW_MASK];
    v >>>= e0; // an entry's low 6 bits are its code length
    int e1 = lookup[(int) v & WINDOW_MASK];
    v >>>= e1;
    int e2 = lookup[(int) v & WINDOW_MASK];
    v >>>= e2;
    int e3 = lookup[(int) v & WINDOW_MASK];
    if ((e0 | e1 | e2 | e3) < 0) {
      return -1L;
    }
    int value = e0 >>> 8 | (e1 >>> 8) << 8 | (e2 >>> 8) << 16 | (e3 >>> 8) << 24;
    long used = (e0 & 0xFF) + (e1 & 0xFF) + (e2 & 0xFF) + (e3 & 0xFF);
    return used << 32 | (value & 0xFFFFFFFFL);
  }
}
