package dev.fragkit.greatshot.demo.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fragkit.greatshot.demo.write.MessageWriter;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;

/** Encode → decode round trips of the bit stream (format doc §4) with jqwik. */
class BitReaderPropertiesTest {
  /** One write: a width 1..32 and a value that fits it. */
  record Field(int bits, int value) {}

  @Provide
  Arbitrary<List<Field>> fields() {
    Arbitrary<Field> field = Arbitraries.integers().between(1, 32).flatMap(bits -> Arbitraries.integers()
        .map(v -> new Field(bits, bits == 32 ? v : v & ((1 << bits) - 1))));
    return field.list().ofMaxSize(200);
  }

  private static BitReader readerOver(byte[] body) {
    BitReader r = new BitReader();
    r.reset(Arrays.copyOf(body, body.length + BitReader.PADDING), body.length);
    return r;
  }

  @Property
  void anySequenceOfWidthsAndValuesRoundTrips(@ForAll("fields") List<Field> fields) {
    MessageWriter w = new MessageWriter();
    for (Field f : fields) {
      w.writeBits(f.value(), f.bits());
    }
    BitReader r = readerOver(w.toByteArray());
    for (Field f : fields) {
      assertThat(r.readBits(f.bits())).as("width %d", f.bits()).isEqualTo(f.value());
    }
    assertThat(r.position()).isEqualTo(w.bitPosition());
  }

  @Property
  void everyByteValueDecodesThroughTheLookupTableAsTheTreeWalkDoes(@ForAll @Size(max = 300) byte[] bytes) {
    MessageWriter w = new MessageWriter();
    for (byte b : bytes) {
      w.writeByte(b);
    }
    byte[] body = w.toByteArray();
    BitReader table = readerOver(body);
    HuffmanCode code = HuffmanCode.get();
    int bit = 0;
    for (byte b : bytes) {
      long window = 0;
      for (int i = 0; i < 11 && bit + i < body.length * 8; i++) {
        window |= (long) ((body[(bit + i) >>> 3] >>> ((bit + i) & 7)) & 1) << i;
      }
      int walked = code.decodeByTreeWalk(window, 11);
      assertThat(walked & 0xFFFF).isEqualTo(b & 0xFF);
      bit += walked >>> 16;
      assertThat(table.readByte()).isEqualTo(b & 0xFF);
      assertThat(table.position()).isEqualTo(bit);
    }
  }

  @Property
  void signedWidthsSignExtend(@ForAll short value) {
    MessageWriter w = new MessageWriter().writeBits(value, 16).writeBits(value, 8);
    BitReader r = readerOver(w.toByteArray());
    assertThat(r.readSignedBits(16)).isEqualTo(value);
    assertThat(r.readSignedBits(8)).isEqualTo((int) (byte) value);
  }

  @Property
  void stringsRoundTripWithPercentBecomingDot(@ForAll @StringLength(max = 200) String text) {
    String clean = text.replace('\0', ' ');
    MessageWriter w = new MessageWriter().writeString(clean).writeLong(0x12345678);
    BitReader r = readerOver(w.toByteArray());
    assertThat(r.readString(8191)).isEqualTo(clean.replace('%', '.'));
    assertThat(r.readLong()).isEqualTo(0x12345678);
  }

  @Property
  void readingPastTheEndAlwaysThrowsAtAnyCut(@ForAll("fields") List<Field> fields, @ForAll int cutSeed) {
    MessageWriter w = new MessageWriter();
    for (Field f : fields) {
      w.writeBits(f.value(), f.bits());
    }
    byte[] body = w.toByteArray();
    int cut = Math.floorMod(cutSeed, body.length);
    BitReader r = readerOver(Arrays.copyOf(body, cut));
    boolean threw = false;
    try {
      for (Field f : fields) {
        r.readBits(f.bits());
      }
    } catch (MessageFormatException e) {
      threw = true;
      assertThat(e.getMessage()).containsAnyOf("passes the end", "NYT");
    }
    int totalBits = fields.stream().mapToInt(Field::bits).sum();
    if ((long) cut * 8 < w.bitPosition()) {
      assertThat(threw).as("a cut inside the data (%d of %d bits written, %d data bits)", cut * 8,
          w.bitPosition(), totalBits).isTrue();
    }
    assertThat(r.position()).isLessThanOrEqualTo(cut * 8);
  }

  @Property
  void valuesSplitAcrossByteBoundariesRoundTrip(@ForAll("offsets") int rawBitsBefore, @ForAll int value) {
    MessageWriter w = new MessageWriter();
    for (int i = 0; i < rawBitsBefore; i++) {
      w.writeBit(i & 1);
    }
    w.writeBits(value, 32).writeBits(value & 0x3FF, 10).writeBits(value & 0x1FFF, 13);
    BitReader r = readerOver(w.toByteArray());
    for (int i = 0; i < rawBitsBefore; i++) {
      assertThat(r.readBit()).isEqualTo(i & 1);
    }
    assertThat(r.readBits(32)).isEqualTo(value);
    assertThat(r.readBits(10)).isEqualTo(value & 0x3FF);
    assertThat(r.readBits(13)).isEqualTo(value & 0x1FFF);
  }

  @Provide
  Arbitrary<Integer> offsets() {
    return Arbitraries.integers().between(0, 23);
  }

  @Property
  void nytCodeIsRejected(@ForAll("offsets") int rawBitsBefore) {
    MessageWriter w = new MessageWriter();
    for (int i = 0; i < rawBitsBefore; i++) {
      w.writeBit(0);
    }
    HuffmanCode code = HuffmanCode.get();
    for (int i = 0; i < code.length(HuffmanCode.NYT); i++) {
      w.writeBit((code.code(HuffmanCode.NYT) >>> i) & 1);
    }
    for (int i = 0; i < 16; i++) {
      w.writeByte(0);
    }
    BitReader r = readerOver(w.toByteArray());
    for (int i = 0; i < rawBitsBefore; i++) {
      r.readBit();
    }
    assertThatThrownBy(r::readByte).isInstanceOf(MessageFormatException.class)
        .hasMessageContaining("NYT escape (symbol 256)");
  }

}
