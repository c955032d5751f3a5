package dev.fragkit.greatshot.demo.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;

/**
 * Reads the bit stream of one message body (format doc §4): raw bits least-significant first,
 * bytes as symbols of the fixed Huffman code, decoded with one 11-bit table lookup per symbol.
 * Reading past the body's end throws. Reusable via {@link #reset}; not thread-safe.
 */
public final class BitReader {
  /** The shared decode table, {@link HuffmanCode#lookupTable()}. */
  static final int[] LOOKUP = HuffmanCode.get().lookupTable();
  private static final int WINDOW_MASK = (1 << HuffmanCode.LOOKUP_BITS) - 1;
  /** Bytes the caller must provide after the body so the 64-bit peek window never leaves the array. */
  public static final int PADDING = 8;
  private static final VarHandle LONG_LE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  // Package-private for the delta decoders, which keep the cursor in a local variable.
  byte[] data = new byte[PADDING];
  int pos;
  int limit;
  private byte[] stringBuffer = new byte[256];
  private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
      .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);

  /** Starts reading {@code length} bytes of {@code data}; the array must have {@link #PADDING} more. */
  public void reset(byte[] data, int length) {
    if (data.length < length + PADDING) {
      throw new IllegalArgumentException("buffer needs " + PADDING + " padding bytes: " + data.length + " < " + length);
    }
    this.data = data;
    this.pos = 0;
    this.limit = length << 3;
  }

  /** Current bit position. */
  public int position() {
    return pos;
  }

  /** Bits left before the end of the body. */
  public int remaining() {
    return limit - pos;
  }

  private int window(int p) {
    return (int) ((long) LONG_LE.get(data, p >>> 3) >>> (p & 7));
  }

  /**
   * The next 57 or more stream bits without consuming them (bit 0 = next bit). Bits past the end
   * of the body are unspecified; consume them only through {@link #skip}, which checks the end.
   */
  public long peek() {
    int p = pos;
    return (long) LONG_LE.get(data, p >>> 3) >>> (p & 7);
  }

  /** Consumes {@code bits} bits (after a {@link #peek}). */
  public void skip(int bits) {
    int end = pos + bits;
    if (end > limit) {
      throw overread(bits);
    }
    pos = end;
  }

  /** The 64 stream bits starting at bit {@code p} (57 or more are meaningful). */
  static long load(byte[] data, int p) {
    return (long) LONG_LE.get(data, p >>> 3) >>> (p & 7);
  }

  /**
   * Decodes a {@code bits}-wide value (1..32) from the front of window {@code w} as §4.2 says.
   *
   * @return {@code bitsUsed << 32 | value}, or −1 if a symbol was the NYT escape
   */
  static long decode(long w, int bits) {
    int r = bits & 7;
    int value = (int) w & ((1 << r) - 1);
    w >>>= r;
    int used = r;
    int[] lookup = LOOKUP;
    for (int shift = r; shift < bits; shift += 8) {
      int e = lookup[(int) w & WINDOW_MASK];
      if (e < 0) {
        return -1L;
      }
      value |= (e >>> 8) << shift;
      w >>>= e; // the entry's low 6 bits are the code length
      used += e & 0xFF;
    }
    return (long) used << 32 | (value & 0xFFFFFFFFL);
  }

  /** The error for a NYT symbol or an overread found by a caller of {@link #decode}. */
  MessageFormatException decodeFailure(int p, int bits) {
    pos = Math.min(p, limit);
    return p + 11 > limit ? overread(bits) : new MessageFormatException("Huffman code of the NYT escape (symbol 256)"
        + " near bit " + p + ": not valid in a message (format doc §4.4)", p);
  }

  /** One raw bit. */
  public int readBit() {
    int p = pos;
    if (p >= limit) {
      throw overread(1);
    }
    pos = p + 1;
    return (data[p >>> 3] >>> (p & 7)) & 1;
  }

  /** One Huffman-coded byte 0..255. */
  public int readByte() {
    int p = pos;
    int e = LOOKUP[window(p) & WINDOW_MASK];
    int end = p + (e & 0xFF);
    if (e < 0 || end > limit) {
      throw badSymbol(p, e);
    }
    pos = end;
    return e >>> 8;
  }

  private MessageFormatException badSymbol(int p, int e) {
    if (e >= 0 || p + 11 > limit) {
      return overread(8);
    }
    return new MessageFormatException("Huffman code of the NYT escape (symbol 256) at bit " + p
        + ": not valid in a message (format doc §4.4)", p);
  }

  private MessageFormatException overread(int bits) {
    return new MessageFormatException("read of " + bits + " bits at bit " + pos + " passes the end of the "
        + (limit >>> 3) + "-byte message", pos);
  }

  /**
   * Reads {@code bits} (1..32) as §4.2 describes: {@code bits % 8} raw bits, then
   * {@code bits / 8} symbols; zero-extended. One 64-bit load covers the at most 7 + 4 × 11 bits.
   */
  public int readBits(int bits) {
    int p = pos;
    long w = (long) LONG_LE.get(data, p >>> 3) >>> (p & 7);
    int r = bits & 7;
    int value = (int) w & ((1 << r) - 1);
    w >>>= r;
    int used = r;
    int[] lookup = LOOKUP;
    for (int shift = r; shift < bits; shift += 8) {
      int e = lookup[(int) w & WINDOW_MASK];
      if (e < 0) {
        throw badSymbol(p + used, e);
      }
      value |= (e >>> 8) << shift;
      w >>>= e; // the entry's low 6 bits are the code length
      used += e & 0xFF;
    }
    int end = p + used;
    if (end > limit) {
      throw overread(bits);
    }
    pos = end;
    return value;
  }

  /** Reads {@code bits} and sign-extends from bit {@code bits − 1}. */
  public int readSignedBits(int bits) {
    int v = readBits(bits);
    int unused = 32 - bits;
    return (v << unused) >> unused;
  }

  public int readShort() {
    return (short) readBits(16);
  }

  public int readLong() {
    return readBits(32);
  }

  /**
   * Reads a NUL-terminated string (§5): {@code %} becomes {@code .}, bytes ≥ 0x80 are kept and the
   * result is decoded as UTF-8, or ISO-8859-1 if it is not valid UTF-8.
   *
   * @param maxLength limit; exceeding it throws naming {@code ParserLimits.maxStringLength}
   */
  public String readString(int maxLength) {
    byte[] buf = stringBuffer;
    byte[] d = data;
    int[] lookup = LOOKUP;
    int p = pos;
    int n = 0;
    boolean ascii = true;
    // Up to 5 symbols per 64-bit window: 5 × 11 bits fit in the 57 meaningful bits of a load.
    symbols:
    while (true) {
      long w = (long) LONG_LE.get(d, p >>> 3) >>> (p & 7);
      for (int k = 0; k < 5; k++) {
        int e = lookup[(int) w & WINDOW_MASK];
        int end = p + (e & 0xFF);
        if (e < 0 || end > limit) {
          pos = p;
          throw badSymbol(p, e);
        }
        p = end;
        w >>>= e; // the entry's low 6 bits are the code length
        int c = e >>> 8;
        if (c == 0) {
          break symbols;
        }
        if (n == maxLength) {
          pos = p;
          throw new MessageFormatException("string length", "maxStringLength", maxLength, n + 1L, p);
        }
        if (c == '%') {
          c = '.';
        }
        if (n == buf.length) {
          buf = stringBuffer = java.util.Arrays.copyOf(buf, Math.min(buf.length * 2, Math.max(maxLength, 16)));
        }
        buf[n++] = (byte) c;
        ascii &= c < 0x80;
      }
    }
    pos = p;
    if (ascii) {
      return new String(buf, 0, n, StandardCharsets.ISO_8859_1);
    }
    try {
      return utf8.decode(ByteBuffer.wrap(buf, 0, n)).toString();
    } catch (CharacterCodingException e) {
      return new String(buf, 0, n, StandardCharsets.ISO_8859_1);
    }
  }

  /** Byte index where the raw binary tail starts after {@code svc_EOF} (§3). */
  public int tailStart() {
    return (pos >>> 3) + 1;
  }
}
