package dev.fragkit.greatshot.demo.internal;

import static dev.fragkit.greatshot.demo.internal.FieldTables.ENTITY_BITS;
import static dev.fragkit.greatshot.demo.internal.FieldTables.ENTITY_FIELDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fragkit.greatshot.demo.write.MessageWriter;
import java.util.Arrays;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/**
 * {@link EntityFields} (the entityState delta decoder, format doc §8.1) against two independent
 * decoders: a plain one reading field by field with {@link BitReader#readBit}/{@link
 * BitReader#readBits} for valid deltas, and, for arbitrary and truncated input, the windowed
 * decoder the parser used before (per-field copies of unchanged runs, symbols decoded by walking
 * the Huffman tree) — same values, same final bit position, same error text and bit.
 */
class EntityFieldsTest {
  private static final HuffmanCode CODE = HuffmanCode.get();
  private static final int STRIDE = 72;

  /** A base state and a target that differs from it in a random subset of fields. */
  private static int[][] baseAndTarget(Random random) {
    int[] base = new int[ENTITY_FIELDS];
    int[] next = new int[ENTITY_FIELDS];
    // sometimes only the last fields change: runs of 50+ "unchanged" flags, longer than one window
    int firstChange = random.nextInt(3) == 0 ? 50 + random.nextInt(ENTITY_FIELDS - 50) : 0;
    for (int f = 0; f < ENTITY_FIELDS; f++) {
      base[f] = value(random, f);
      int kind = f < firstChange ? 0 : random.nextInt(10);
      next[f] = kind < 6 ? base[f] : kind == 6 ? 0 : value(random, f);
    }
    int changed = firstChange + random.nextInt(ENTITY_FIELDS - firstChange);
    if (next[changed] == base[changed]) {
      next[changed] ^= 1; // at least one change
    }
    return new int[][] {base, next};
  }

  private static int value(Random random, int field) {
    int w = ENTITY_BITS[field];
    if (w == 0) {
      return random.nextBoolean() ? Float.floatToRawIntBits(random.nextInt(8192) - 4096)
          : Float.floatToRawIntBits((float) (random.nextGaussian() * 5000));
    }
    return w == 32 ? random.nextInt() : random.nextInt() & ((1 << w) - 1);
  }

  private static BitReader reader(byte[] body, int length) {
    BitReader r = new BitReader();
    r.reset(body, length);
    return r;
  }

  @Property(tries = 2000)
  void validDeltasDecodeToTheWrittenStateLikeAPlainFieldByFieldReader(@ForAll long seed) {
    Random random = new Random(seed);
    int[][] bt = baseAndTarget(random);
    MessageWriter w = new MessageWriter();
    int lead = random.nextInt(8);
    for (int i = 0; i < lead; i++) {
      w.writeBit(random.nextInt(2));
    }
    w.writeEntity(100, bt[0], bt[1], true).writeLong(0x7e57c0de);
    byte[] bytes = w.toByteArray();
    byte[] body = Arrays.copyOf(bytes, bytes.length + BitReader.PADDING);

    int[] store = new int[2 * STRIDE];
    System.arraycopy(bt[0], 0, store, 0, ENTITY_FIELDS);
    BitReader r = reader(body, bytes.length);
    skipHeader(r, lead);
    EntityFields.read(r, store, 0, store, STRIDE);
    assertThat(Arrays.copyOfRange(store, STRIDE, STRIDE + ENTITY_FIELDS)).isEqualTo(bt[1]);
    int end = r.position();
    assertThat(r.readLong()).isEqualTo(0x7e57c0de);

    BitReader plain = reader(body, bytes.length);
    skipHeader(plain, lead);
    assertThat(plainRead(plain, bt[0])).isEqualTo(bt[1]);
    assertThat(plain.position()).isEqualTo(end);
  }

  @Property(tries = 3000)
  void arbitraryAndTruncatedInputGivesTheSameResultOrErrorAsThePreviousDecoder(@ForAll long seed) {
    Random random = new Random(seed);
    MessageWriter w = new MessageWriter();
    if (random.nextBoolean()) {
      // a valid delta, later cut short
      int[][] bt = baseAndTarget(random);
      w.writeEntity(1, bt[0], bt[1], true);
    } else {
      // a plausible field count, then raw bits biased towards "unchanged", sometimes a NYT code
      w.writeBits(0, 10).writeBit(0).writeBit(1).writeByte(random.nextInt(80));
      int n = random.nextInt(700);
      for (int i = 0; i < n; i++) {
        if (random.nextInt(300) == 0) {
          for (int b = 0; b < CODE.length(HuffmanCode.NYT); b++) {
            w.writeBit((CODE.code(HuffmanCode.NYT) >>> b) & 1);
          }
        }
        w.writeBit(random.nextInt(3) == 0 ? 1 : 0);
      }
    }
    byte[] bytes = w.toByteArray();
    int length = random.nextInt(4) == 0 ? bytes.length : 2 + random.nextInt(Math.max(1, bytes.length - 1));
    byte[] body = Arrays.copyOf(bytes, Math.max(bytes.length, length) + BitReader.PADDING);
    for (int i = length; i < body.length; i++) {
      body[i] = (byte) random.nextInt(); // stale bytes past the end, as in a reused buffer
    }
    int[] base = new int[ENTITY_FIELDS];
    for (int f = 0; f < ENTITY_FIELDS; f++) {
      base[f] = random.nextInt();
    }

    int[] actual = new int[2 * STRIDE];
    System.arraycopy(base, 0, actual, 0, ENTITY_FIELDS);
    BitReader r = reader(body.clone(), length);
    skipHeader(r, 0);
    MessageFormatException actualError = null;
    try {
      EntityFields.read(r, actual, 0, actual, STRIDE);
    } catch (MessageFormatException e) {
      actualError = e;
    }

    int[] expected = new int[2 * STRIDE];
    System.arraycopy(base, 0, expected, 0, ENTITY_FIELDS);
    BitReader old = reader(body.clone(), length);
    skipHeader(old, 0);
    MessageFormatException expectedError = null;
    try {
      previousRead(old, expected, 0, STRIDE);
    } catch (MessageFormatException e) {
      expectedError = e;
    }

    if (expectedError == null) {
      assertThat(actualError).as("error of the new decoder").isNull();
      assertThat(Arrays.copyOfRange(actual, STRIDE, STRIDE + ENTITY_FIELDS))
          .isEqualTo(Arrays.copyOfRange(expected, STRIDE, STRIDE + ENTITY_FIELDS));
    } else {
      assertThat(actualError).as("the previous decoder threw: %s", expectedError.getMessage()).isNotNull();
      assertThat(actualError.getMessage()).isEqualTo(expectedError.getMessage());
      assertThat(actualError.bitPosition).isEqualTo(expectedError.bitPosition);
    }
    assertThat(r.position()).isEqualTo(old.position());
  }

  @Test
  void aFieldCountAbove71IsRejectedWithItsValue() {
    byte[] bytes = new MessageWriter().writeByte(72).toByteArray();
    BitReader r = reader(Arrays.copyOf(bytes, bytes.length + BitReader.PADDING), bytes.length);
    int[] store = new int[2 * STRIDE];
    assertThatThrownBy(() -> EntityFields.read(r, store, 0, store, STRIDE))
        .isInstanceOf(MessageFormatException.class)
        .hasMessage("entity field count 72 > 71 (format doc §8.1)");
  }

  @Test
  void aDeltaCutInsideAValueReportsTheOverreadAtTheEnd() {
    int[] base = new int[ENTITY_FIELDS];
    int[] next = base.clone();
    next[70] = 0x12345678; // the last field, 32 bits wide: lc = 71
    byte[] bytes = new MessageWriter().writeEntity(0, base, next, true).toByteArray();
    int length = bytes.length - 2;
    BitReader r = reader(Arrays.copyOf(bytes, bytes.length + BitReader.PADDING), length);
    skipHeader(r, 0);
    int[] store = new int[2 * STRIDE];
    assertThatThrownBy(() -> EntityFields.read(r, store, 0, store, STRIDE))
        .isInstanceOf(MessageFormatException.class)
        .hasMessage("read of 1 bits at bit " + length * 8 + " passes the end of the " + length + "-byte message");
  }

  @Test
  void integralFloatsCoverTheWhole13BitRange() {
    assertThat(EntityFields.integralFloat(0)).isEqualTo(Float.floatToRawIntBits(-4096f));
    assertThat(EntityFields.integralFloat(4096)).isEqualTo(Float.floatToRawIntBits(0f));
    assertThat(EntityFields.integralFloat(8191)).isEqualTo(Float.floatToRawIntBits(4095f));
  }

  /** Skips {@code lead} raw bits, the 10-bit entity number, "not removed" and "has delta" (§7.1). */
  private static void skipHeader(BitReader r, int lead) {
    for (int i = 0; i < lead; i++) {
      r.readBit();
    }
    r.readBits(10);
    assertThat(r.readBit()).isZero();
    assertThat(r.readBit()).isOne();
  }

  /** The format doc's field loop, one read call per flag and value. */
  private static int[] plainRead(BitReader r, int[] base) {
    int[] out = base.clone();
    int lc = r.readByte();
    for (int i = 0; i < lc; i++) {
      if (r.readBit() == 0) {
        continue;
      }
      if (r.readBit() == 0) {
        out[i] = 0;
      } else if (ENTITY_BITS[i] == 0) {
        out[i] = r.readBit() == 0 ? Float.floatToRawIntBits(r.readBits(13) - 4096) : r.readBits(32);
      } else {
        out[i] = r.readBits(ENTITY_BITS[i]);
      }
    }
    return out;
  }

  /** The windowed decoder as it was before the bulk base copy, decoding symbols by tree walk. */
  private static void previousRead(BitReader r, int[] store, int from, int to) {
    int lc = r.readByte();
    if (lc > ENTITY_FIELDS) {
      throw new MessageFormatException("entity field count " + lc + " > " + ENTITY_FIELDS + " (format doc §8.1)",
          r.position());
    }
    byte[] data = r.data;
    int limit = r.limit;
    int p = r.pos;
    int i = 0;
    while (i < lc) {
      if (p > limit) {
        throw r.decodeFailure(p, 1);
      }
      long w = BitReader.load(data, p);
      int zeros = Long.numberOfTrailingZeros(w);
      if (zeros > 0) {
        int run = Math.min(Math.min(zeros, 56), lc - i);
        p += run;
        for (int end = i + run; i < end; i++) {
          store[to + i] = store[from + i];
        }
        continue;
      }
      if ((w & 2) == 0) {
        store[to + i++] = 0;
        p += 2;
        continue;
      }
      int width = ENTITY_BITS[i];
      long d;
      if (width == 0) {
        if ((w & 4) == 0) {
          d = treeDecode(w >>> 3, 13);
          if (d < 0) {
            throw r.decodeFailure(p, 13);
          }
          store[to + i] = Float.floatToRawIntBits((float) ((int) d - 4096));
        } else {
          d = treeDecode(w >>> 3, 32);
          if (d < 0) {
            throw r.decodeFailure(p, 32);
          }
          store[to + i] = (int) d;
        }
        p += 3 + (int) (d >>> 32);
      } else {
        d = treeDecode(w >>> 2, width);
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
    System.arraycopy(store, from + lc, store, to + lc, ENTITY_FIELDS - lc);
  }

  /** §4.2 with symbols found by walking the tree: {@code bitsUsed << 32 | value}, −1 for NYT. */
  private static long treeDecode(long w, int bits) {
    int r = bits & 7;
    int value = (int) w & ((1 << r) - 1);
    w >>>= r;
    int used = r;
    for (int shift = r; shift < bits; shift += 8) {
      int walked = CODE.decodeByTreeWalk(w, 11);
      int symbol = walked & 0xFFFF;
      if (symbol == HuffmanCode.NYT) {
        return -1L;
      }
      value |= symbol << shift;
      w >>>= walked >>> 16;
      used += walked >>> 16;
    }
    return (long) used << 32 | (value & 0xFFFFFFFFL);
  }
}
