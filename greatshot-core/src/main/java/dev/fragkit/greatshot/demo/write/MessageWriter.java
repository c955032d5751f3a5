package dev.fragkit.greatshot.demo.write;

import dev.fragkit.greatshot.demo.internal.FieldTables;
import dev.fragkit.greatshot.demo.internal.HuffmanCode;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Encodes one message body in the bit-stream mode of format doc §4: raw bits least-significant
 * first, bytes as Huffman symbols. Also writes the delta encodings of §8 so that a body decoded by
 * the reader yields exactly the states written. Not thread-safe.
 */
public final class MessageWriter {
  private static final HuffmanCode CODE = HuffmanCode.get();
  private static final int[] ENTITY_BITS = FieldTables.entityWidths();
  private static final int[] PLAYER_BITS = FieldTables.playerWidths();
  private static final int[] SHARED_BITS = FieldTables.sharedWidths();
  private byte[] data = new byte[256];
  private int pos;

  /** Bits written so far. */
  public int bitPosition() {
    return pos;
  }

  private void ensure(int bits) {
    int needBytes = ((pos + bits) >>> 3) + 2;
    if (needBytes > data.length) {
      data = Arrays.copyOf(data, Math.max(needBytes, data.length * 2));
    }
  }

  /** One raw bit (0 or 1). */
  public MessageWriter writeBit(int bit) {
    ensure(1);
    if ((bit & 1) != 0) {
      data[pos >>> 3] |= (byte) (1 << (pos & 7));
    }
    pos++;
    return this;
  }

  private void rawBits(int value, int count) {
    for (int i = 0; i < count; i++) {
      writeBit((value >>> i) & 1);
    }
  }

  /** One byte as its Huffman code (§4.4). */
  public MessageWriter writeByte(int value) {
    int sym = value & 0xFF;
    rawBits(CODE.code(sym), CODE.length(sym));
    return this;
  }

  /** {@code bits} (1..32) of {@code value}: {@code bits % 8} raw bits, then whole bytes (§4.2). */
  public MessageWriter writeBits(int value, int bits) {
    if (bits < 1 || bits > 32) {
      throw new IllegalArgumentException("bits outside 1..32: " + bits);
    }
    int r = bits & 7;
    rawBits(value, r);
    for (int shift = r; shift < bits; shift += 8) {
      writeByte(value >>> shift);
    }
    return this;
  }

  public MessageWriter writeShort(int value) {
    return writeBits(value, 16);
  }

  public MessageWriter writeLong(int value) {
    return writeBits(value, 32);
  }

  /** A NUL-terminated string; text is encoded as UTF-8 (§5). */
  public MessageWriter writeString(String text) {
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      if (b == 0) {
        throw new IllegalArgumentException("string contains NUL");
      }
      writeByte(b);
    }
    return writeByte(0);
  }

  /** Opcode byte. */
  public MessageWriter writeOp(int opcode) {
    return writeByte(opcode);
  }

  /** {@code svc_serverCommand}: opcode 5, sequence, text. */
  public MessageWriter writeServerCommand(int sequence, String text) {
    return writeOp(5).writeLong(sequence).writeString(text);
  }

  /** A float field value with the integral-float coding (§8); {@code bitsValue} is the IEEE pattern. */
  private void writeFloat(int bitsValue) {
    float f = Float.intBitsToFloat(bitsValue);
    int truncated = (int) f;
    if (truncated == f && truncated >= -4096 && truncated < 4096 && Float.floatToRawIntBits(truncated) == bitsValue) {
      writeBit(0);
      writeBits(truncated + 4096, 13);
    } else {
      writeBit(1);
      writeBits(bitsValue, 32);
    }
  }

  /**
   * An entity delta (§8.1) from {@code from} to {@code to} (71 raw field values each), preceded by
   * the 10-bit entity number. With {@code force}, an unchanged entity is still written as
   * "not removed, no delta".
   */
  public MessageWriter writeEntity(int number, int[] from, int[] to, boolean force) {
    int lc = 0;
    for (int i = 0; i < ENTITY_BITS.length; i++) {
      if (from[i] != to[i]) {
        lc = i + 1;
      }
    }
    if (lc == 0) {
      if (!force) {
        return this;
      }
      writeBits(number, 10);
      writeBit(0);
      writeBit(0);
      return this;
    }
    writeBits(number, 10);
    writeBit(0);
    writeBit(1);
    writeByte(lc);
    for (int i = 0; i < lc; i++) {
      if (from[i] == to[i]) {
        writeBit(0);
        continue;
      }
      writeBit(1);
      int w = ENTITY_BITS[i];
      if (to[i] == 0) {
        writeBit(0);
      } else if (w == 0) {
        writeBit(1);
        writeFloat(to[i]);
      } else {
        writeBit(1);
        writeBits(to[i], w);
      }
    }
    return this;
  }

  /**
   * ETTV shared-part delta (§10.1) from {@code from} to {@code to} (14 raw values each): magic,
   * "not removed", then either "no delta" or the changed fields.
   */
  public MessageWriter writeSharedDelta(int[] from, int[] to) {
    writeByte(0x77);
    writeBit(0);
    int lc = 0;
    for (int i = 0; i < SHARED_BITS.length; i++) {
      if (from[i] != to[i]) {
        lc = i + 1;
      }
    }
    if (lc == 0) {
      return writeBit(0);
    }
    writeBit(1);
    writeByte(lc);
    for (int i = 0; i < lc; i++) {
      if (from[i] == to[i]) {
        writeBit(0);
        continue;
      }
      writeBit(1);
      if (to[i] == 0) {
        writeBit(0);
      } else if (SHARED_BITS[i] == 0) {
        writeBit(1);
        writeFloat(to[i]);
      } else {
        writeBit(1);
        writeBits(to[i], SHARED_BITS[i]);
      }
    }
    return this;
  }

  /** ETTV shared part removed (§10.1). */
  public MessageWriter writeSharedRemoved() {
    writeByte(0x77);
    return writeBit(1);
  }

  /** Entity {@code number} removed (§8.1). */
  public MessageWriter writeRemovedEntity(int number) {
    writeBits(number, 10);
    return writeBit(1);
  }

  /**
   * A playerState delta (§8.2) of the 77 fields only (values must fit their widths); the array
   * groups are written as unchanged.
   */
  public MessageWriter writePlayerState(int[] from, int[] to) {
    int[] widths = PLAYER_BITS;
    int lc = 0;
    for (int i = 0; i < widths.length; i++) {
      if (from[i] != to[i]) {
        lc = i + 1;
      }
    }
    writeByte(lc);
    for (int i = 0; i < lc; i++) {
      if (from[i] == to[i]) {
        writeBit(0);
        continue;
      }
      writeBit(1);
      int w = widths[i];
      if (w == 0) {
        writeFloat(to[i]);
      } else {
        writeBits(to[i], Math.abs(w));
      }
    }
    writeBit(0); // no stats/persistant/holdable/powerups
    writeBit(0); // no ammo
    for (int j = 0; j < 4; j++) {
      writeBit(0); // no ammoclip group j
    }
    return this;
  }

  /**
   * The finished body: {@code (bitPosition >> 3) + 1} bytes, like the engine's writer (§4.2).
   */
  public byte[] toByteArray() {
    return Arrays.copyOf(data, (pos >>> 3) + 1);
  }
}
