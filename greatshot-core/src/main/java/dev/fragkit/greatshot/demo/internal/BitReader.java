package dev.fragkit.greatshot.demo.internal;

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
  private static final int[] LOOKUP = HuffmanCode.get().lookupTable();
  private static final int WINDOW_MASK = (1 << HuffmanCode.LOOKUP_BITS) - 1;
  /** Bytes the caller must provide after the body so the 24-bit peek window never leaves the array. */
  public static final int PADDING = 4;

  private byte[] data = new byte[PADDING];
  private int pos;
  private int limit;
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
    int i = p >>> 3;
    byte[] d = data;
    return ((d[i] & 0xFF) | (d[i + 1] & 0xFF) << 8 | (d[i + 2] & 0xFF) << 16) >>> (p & 7);
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
    int end = p + (e >>> 16);
    if (e < 0 || end > limit) {
      throw badSymbol(p, e);
    }
    pos = end;
    return e & 0xFF;
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
   * {@code bits / 8} symbols; zero-extended.
   */
  public int readBits(int bits) {
    int r = bits & 7;
    int value = 0;
    if (r != 0) {
      int p = pos;
      if (p + r > limit) {
        throw overread(bits);
      }
      value = window(p) & ((1 << r) - 1);
      pos = p + r;
    }
    for (int shift = r; shift < bits; shift += 8) {
      value |= readByte() << shift;
    }
    return value;
  }

  /** Reads {@code bits} and sign-extends from bit {@code bits − 1}. */
  public int readSignedBits(int bits) {
    int v = readBits(bits);
    int unused = 32 - bits;
    return (v << unused) >> unused;
  }

  public int readShort() {
    return (short) (readByte() | readByte() << 8);
  }

  public int readLong() {
    return readByte() | readByte() << 8 | readByte() << 16 | readByte() << 24;
  }

  /**
   * Reads a NUL-terminated string (§5): {@code %} becomes {@code .}, bytes ≥ 0x80 are kept and the
   * result is decoded as UTF-8, or ISO-8859-1 if it is not valid UTF-8.
   *
   * @param maxLength limit; exceeding it throws naming {@code ParserLimits.maxStringLength}
   */
  public String readString(int maxLength) {
    byte[] buf = stringBuffer;
    int n = 0;
    boolean ascii = true;
    while (true) {
      int c = readByte();
      if (c == 0) {
        break;
      }
      if (n == maxLength) {
        throw new MessageFormatException("string length", "maxStringLength", maxLength, n + 1L, pos);
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
