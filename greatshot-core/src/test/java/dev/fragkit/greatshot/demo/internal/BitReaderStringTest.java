package dev.fragkit.greatshot.demo.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fragkit.greatshot.demo.write.MessageWriter;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * {@link BitReader#readString}, which decodes several symbols per 64-bit window, against the plain
 * loop of one {@link BitReader#readByte} per character (itself checked against the tree walk in
 * {@link BitReaderPropertiesTest}): same text, same position, same error text and bit for
 * terminated, unterminated, over-long, truncated and NYT-corrupted strings at any bit offset.
 */
class BitReaderStringTest {
  private static final HuffmanCode CODE = HuffmanCode.get();

  @Property(tries = 3000)
  void windowedStringDecodingMatchesOneReadBytePerCharacter(@ForAll long seed) {
    Random random = new Random(seed);
    MessageWriter w = new MessageWriter();
    int lead = random.nextInt(16);
    for (int i = 0; i < lead; i++) {
      w.writeBit(random.nextInt(2));
    }
    int strings = 1 + random.nextInt(3);
    for (int s = 0; s < strings; s++) {
      int n = random.nextInt(random.nextInt(8) == 0 ? 400 : 40);
      for (int i = 0; i < n; i++) {
        int kind = random.nextInt(20);
        int c = kind == 0 ? '%' : kind == 1 ? 0x80 + random.nextInt(128) : kind == 2 ? random.nextInt(256)
            : ' ' + random.nextInt(95);
        if (c == 0) {
          c = 'x';
        }
        if (random.nextInt(500) == 0) {
          for (int b = 0; b < CODE.length(HuffmanCode.NYT); b++) {
            w.writeBit((CODE.code(HuffmanCode.NYT) >>> b) & 1);
          }
        }
        w.writeByte(c);
      }
      if (random.nextInt(10) != 0) {
        w.writeByte(0);
      }
    }
    byte[] bytes = w.toByteArray();
    int length = random.nextInt(3) == 0 ? random.nextInt(bytes.length + 1) : bytes.length;
    byte[] body = Arrays.copyOf(bytes, Math.max(bytes.length, length) + BitReader.PADDING);
    for (int i = length; i < body.length; i++) {
      body[i] = (byte) random.nextInt();
    }
    int maxLength = random.nextInt(4) == 0 ? random.nextInt(30) : 8192;

    BitReader windowed = reader(body, length);
    BitReader plain = reader(body, length);
    for (int i = 0; i < lead && i < length * 8; i++) {
      windowed.readBit();
      plain.readBit();
    }
    for (int s = 0; s < strings; s++) {
      String expected = null;
      MessageFormatException expectedError = null;
      try {
        expected = plainReadString(plain, maxLength);
      } catch (MessageFormatException e) {
        expectedError = e;
      }
      String actual = null;
      MessageFormatException actualError = null;
      try {
        actual = windowed.readString(maxLength);
      } catch (MessageFormatException e) {
        actualError = e;
      }
      assertThat(windowed.position()).as("position after string %d", s).isEqualTo(plain.position());
      if (expectedError != null) {
        assertThat(actualError).as("the plain loop threw: %s", expectedError.getMessage()).isNotNull();
        assertThat(actualError.getMessage()).isEqualTo(expectedError.getMessage());
        assertThat(actualError.bitPosition).isEqualTo(expectedError.bitPosition);
        assertThat(actualError.setting).isEqualTo(expectedError.setting);
        return;
      }
      assertThat(actualError).as("error of the windowed decoder").isNull();
      assertThat(actual).isEqualTo(expected);
    }
  }

  private static BitReader reader(byte[] body, int length) {
    BitReader r = new BitReader();
    r.reset(body.clone(), length);
    return r;
  }

  /** §5 one character at a time: NUL ends, {@code %} becomes {@code .}, UTF-8 else ISO-8859-1. */
  private static String plainReadString(BitReader r, int maxLength) {
    byte[] buf = new byte[Math.max(maxLength, 1)];
    int n = 0;
    boolean ascii = true;
    while (true) {
      int c = r.readByte();
      if (c == 0) {
        break;
      }
      if (n == maxLength) {
        throw new MessageFormatException("string length", "maxStringLength", maxLength, n + 1L, r.position());
      }
      if (c == '%') {
        c = '.';
      }
      buf[n++] = (byte) c;
      ascii &= c < 0x80;
    }
    if (ascii) {
      return new String(buf, 0, n, StandardCharsets.ISO_8859_1);
    }
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(buf, 0, n)).toString();
    } catch (CharacterCodingException e) {
      return new String(buf, 0, n, StandardCharsets.ISO_8859_1);
    }
  }
}
