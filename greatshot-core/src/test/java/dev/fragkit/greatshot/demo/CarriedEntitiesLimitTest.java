package dev.fragkit.greatshot.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fragkit.greatshot.demo.write.DemoRecordWriter;
import dev.fragkit.greatshot.demo.write.MessageWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/**
 * {@link ParserLimits#maxEntitiesPerSnapshot()} counts entities carried unchanged from the delta
 * base (format doc §7.1) as well as those read: a delta snapshot that adds one entity to a base at
 * the limit fails whether new entities come before the carried ones or after them, with the same
 * typed error at the byte where the limit was passed and the count one past the limit.
 */
class CarriedEntitiesLimitTest {
  private static final int[] ZERO = new int[71];

  /** A demo whose second snapshot adds entities {@code added} to the first one's entities 10..17. */
  private static byte[] demo(long[] failureOffset, int... added) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    DemoRecordWriter records = new DemoRecordWriter(out);
    MessageWriter m = new MessageWriter().writeLong(0);
    m.writeOp(2).writeLong(0).writeOp(8).writeLong(0).writeLong(0).writeOp(8);
    records.writeRecord(1, m.toByteArray());
    int[] state = new int[71];
    state[0] = 1;
    int[] zeroPs = new int[77];
    m = new MessageWriter().writeLong(0);
    m.writeOp(7).writeLong(1000).writeByte(0).writeByte(0).writeByte(0).writePlayerState(zeroPs, zeroPs);
    for (int e = 10; e < 18; e++) {
      m.writeEntity(e, ZERO, state, true);
    }
    m.writeBits(1023, 10).writeOp(8);
    records.writeRecord(2, m.toByteArray());
    long bodyStart = out.size() + 8L;
    m = new MessageWriter().writeLong(0);
    m.writeOp(7).writeLong(1050).writeByte(1).writeByte(0).writeByte(0).writePlayerState(zeroPs, zeroPs);
    for (int e : added) {
      m.writeEntity(e, ZERO, state, true);
    }
    int afterAdded = m.bitPosition();
    m.writeBits(1023, 10);
    // carried entities come after an added low number: the limit is passed once the list has ended
    failureOffset[0] = bodyStart + ((added[0] < 10 ? m.bitPosition() : afterAdded) >>> 3);
    m.writeOp(8);
    records.writeRecord(3, m.toByteArray());
    records.writeEndMarker();
    return out.toByteArray();
  }

  private static DemoReader withLimit(int max) {
    return DemoReader.builder().limits(ParserLimits.builder().maxEntitiesPerSnapshot(max).build()).build();
  }

  @Test
  void entitiesAddedBeforeTheCarriedOnesPassTheLimitWhileTheyAreCarried() throws IOException {
    long[] offset = new long[1];
    byte[] demo = demo(offset, 4, 5);
    assertThat(withLimit(10).read(ByteBuffer.wrap(demo), "x.dm_84", DemoListener.NONE).snapshots()).isEqualTo(2);
    assertThatThrownBy(() -> withLimit(8).read(ByteBuffer.wrap(demo), "x.dm_84", DemoListener.NONE))
        .isInstanceOfSatisfying(DemoLimitExceededException.class, e -> {
          assertThat(e.limit()).isEqualTo(8);
          assertThat(e.actual()).isEqualTo(9);
          assertThat(e.recordIndex()).isEqualTo(3);
          assertThat(e.byteOffset()).isEqualTo(offset[0]);
        })
        .hasMessage("entities in one snapshot 9 exceeds maxEntitiesPerSnapshot 8 (ParserLimits.maxEntitiesPerSnapshot)"
            + " at byte " + offset[0] + " (record 3, sequence 3)");
  }

  @Test
  void anAddedEntityAfterTheCarriedOnesPassesTheLimitWhenItIsRead() throws IOException {
    long[] offset = new long[1];
    byte[] demo = demo(offset, 20);
    assertThat(withLimit(9).read(ByteBuffer.wrap(demo), "x.dm_84", DemoListener.NONE).snapshots()).isEqualTo(2);
    assertThatThrownBy(() -> withLimit(8).read(ByteBuffer.wrap(demo), "x.dm_84", DemoListener.NONE))
        .isInstanceOfSatisfying(DemoLimitExceededException.class, e -> {
          assertThat(e.actual()).isEqualTo(9);
          assertThat(e.byteOffset()).isEqualTo(offset[0]);
        })
        .hasMessageStartingWith("entities in one snapshot 9 exceeds maxEntitiesPerSnapshot 8");
  }
}
