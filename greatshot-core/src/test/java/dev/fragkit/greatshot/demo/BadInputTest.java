package dev.fragkit.greatshot.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fragkit.testsupport.SharedData;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Broken inputs give a typed error or a clean truncated result, never anything else. */
@Timeout(60)
class BadInputTest {
  private static byte[] demo;

  @BeforeAll
  static void load() throws IOException {
    demo = Files.readAllBytes(SharedData.file("demos/et/scores_test.dm_84"));
  }

  private static DemoSummary read(byte[] bytes) {
    return DemoReader.defaults().read(ByteBuffer.wrap(bytes), "test.dm_84", new CollectingListener());
  }

  /** Reads and returns null when a DemoException was thrown; any other exception fails the test. */
  private static DemoSummary readTolerant(byte[] bytes) {
    try {
      return read(bytes);
    } catch (DemoException expected) {
      assertThat(expected.getMessage()).isNotBlank();
      return null;
    }
  }

  @Test
  void truncationAtEvery997thByteYieldsEveryCompleteRecordAndReportsTruncation() {
    DemoSummary full = read(demo);
    int truncatedRuns = 0;
    for (int cut = 0; cut < demo.length; cut += 997) {
      DemoSummary s = read(Arrays.copyOf(demo, cut));
      assertThat(s.bytes()).isEqualTo(cut);
      assertThat(s.records()).isLessThanOrEqualTo(full.records());
      if (s.endReason() == DemoEnd.Reason.TRUNCATED) {
        truncatedRuns++;
        assertThat(s.detail()).contains("byte");
      } else {
        assertThat(s.endReason()).isEqualTo(DemoEnd.Reason.EOF); // cut exactly at a record boundary
      }
    }
    assertThat(truncatedRuns).isGreaterThan(100);
  }

  @Test
  void truncatedReadDeliversTheSameEventsAsTheFullReadUpToTheCut() {
    CollectingListener full = new CollectingListener();
    DemoReader.defaults().read(ByteBuffer.wrap(demo), "full.dm_84", full);
    CollectingListener cut = new CollectingListener();
    DemoSummary s = DemoReader.defaults().read(ByteBuffer.wrap(Arrays.copyOf(demo, demo.length * 9 / 10)), "cut.dm_84",
        cut);

    assertThat(s.endReason()).isEqualTo(DemoEnd.Reason.TRUNCATED);
    assertThat(cut.end()).get().extracting(DemoEnd::reason).isEqualTo(DemoEnd.Reason.TRUNCATED);
    assertThat(cut.serverCommands()).isNotEmpty().hasSizeLessThan(full.serverCommands().size());
    assertThat(cut.obituaries()).isNotEmpty().hasSizeLessThan(full.obituaries().size());
    assertThat(full.serverCommands().subList(0, cut.serverCommands().size())).isEqualTo(cut.serverCommands());
    assertThat(full.obituaries().subList(0, cut.obituaries().size())).isEqualTo(cut.obituaries());
  }

  @Test
  void seededRandomBitFlipsGiveATypedErrorOrAResult() {
    Random random = new Random(0x5eed);
    int errors = 0;
    for (int run = 0; run < 300; run++) {
      byte[] copy = demo.clone();
      int flips = 1 + random.nextInt(8);
      for (int f = 0; f < flips; f++) {
        int bit = random.nextInt(copy.length * 8);
        copy[bit >>> 3] ^= (byte) (1 << (bit & 7));
      }
      if (readTolerant(copy) == null) {
        errors++;
      }
    }
    assertThat(errors).as("most flips break the stream").isGreaterThan(100);
  }

  @Test
  void zeroLengthFileIsACleanEmptyRead(@TempDir Path dir) throws IOException {
    Path empty = Files.createFile(dir.resolve("empty.dm_84"));
    CollectingListener events = new CollectingListener();

    DemoSummary s = DemoReader.defaults().read(empty, events);

    assertThat(s.records()).isZero();
    assertThat(s.endReason()).isEqualTo(DemoEnd.Reason.EOF);
    assertThat(events.gamestates()).isEmpty();
  }

  @Test
  void nonDemoFileIsATypedErrorNamingTheSetting() {
    byte[] text = "<!DOCTYPE html><html><body>not a demo</body></html>".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    assertThatThrownBy(() -> read(text))
        .isInstanceOf(DemoLimitExceededException.class)
        .hasMessageContaining("record length")
        .hasMessageContaining("(ParserLimits.maxMessageBytes)")
        .extracting(e -> ((DemoLimitExceededException) e).setting()).isEqualTo("maxMessageBytes");
  }

  @Test
  void hugeDeclaredLengthIsALimitErrorWithOffsetAndRecord() {
    byte[] bytes = new byte[16];
    bytes[4] = (byte) 0xff;
    bytes[5] = (byte) 0xff;
    bytes[6] = (byte) 0xff;
    bytes[7] = (byte) 0x7f; // 2^31-1

    assertThatThrownBy(() -> read(bytes))
        .isInstanceOfSatisfying(DemoLimitExceededException.class, e -> {
          assertThat(e.actual()).isEqualTo(Integer.MAX_VALUE);
          assertThat(e.limit()).isEqualTo(32768);
          assertThat(e.byteOffset()).isEqualTo(4);
          assertThat(e.recordIndex()).isEqualTo(1);
        })
        .hasMessage("record length 2147483647 exceeds maxMessageBytes 32768 (ParserLimits.maxMessageBytes) at byte 4"
            + " (record 1, sequence 0)");
  }

  @Test
  void negativeLengthOtherThanTheEndMarkerIsMalformed() {
    byte[] bytes = {1, 0, 0, 0, (byte) 0xfe, (byte) 0xff, (byte) 0xff, (byte) 0xff};

    assertThatThrownBy(() -> read(bytes))
        .isInstanceOfSatisfying(MalformedDemoException.class, e -> {
          assertThat(e.recordSequence()).isEqualTo(1);
          assertThat(e.rule()).isEqualTo("record length -2 is negative and not the end marker -1 (format doc §2)");
        });
  }

  @Test
  void bodyThatEndsWithoutEofOpcodeIsMalformedWithTheRecordContext() {
    // the first record with its body cut short but its length field adjusted to match
    int length = 100;
    byte[] bytes = Arrays.copyOf(demo, 8 + length);
    bytes[4] = (byte) length;
    bytes[5] = 0;
    bytes[6] = 0;
    bytes[7] = 0;

    assertThatThrownBy(() -> read(bytes))
        .isInstanceOfSatisfying(MalformedDemoException.class, e -> {
          assertThat(e.recordIndex()).isEqualTo(1);
          assertThat(e.recordSequence()).isEqualTo(1866);
          assertThat(e.byteOffset()).isBetween(8L, 8L + length);
          assertThat(e.rule()).contains("passes the end of the 100-byte message");
        });
  }

  @Test
  void errorIsAlsoReportedAsAnErrorEndEvent() {
    byte[] bytes = {1, 0, 0, 0, (byte) 0xfe, (byte) 0xff, (byte) 0xff, (byte) 0xff};
    CollectingListener events = new CollectingListener();

    assertThatThrownBy(() -> DemoReader.defaults().read(ByteBuffer.wrap(bytes), "x.dm_84", events))
        .isInstanceOf(MalformedDemoException.class);
    assertThat(events.end()).get().satisfies(e -> {
      assertThat(e.reason()).isEqualTo(DemoEnd.Reason.ERROR);
      assertThat(e.detail()).contains("negative");
    });
  }

  @Test
  void limitsAreEnforcedAndNamed() {
    DemoReader strict = DemoReader.builder()
        .limits(ParserLimits.defaults().toBuilder().maxStringLength(100).build()).build();

    assertThatThrownBy(() -> strict.read(ByteBuffer.wrap(demo), "x.dm_84", DemoListener.NONE))
        .isInstanceOfSatisfying(DemoLimitExceededException.class, e -> {
          assertThat(e.setting()).isEqualTo("maxStringLength");
          assertThat(e.recordIndex()).isEqualTo(1);
        })
        .hasMessageStartingWith("string length 101 exceeds maxStringLength 100 (ParserLimits.maxStringLength)");

    DemoReader fewEntities = DemoReader.builder()
        .limits(ParserLimits.builder().maxEntitiesPerSnapshot(5).build()).build();
    assertThatThrownBy(() -> fewEntities.read(ByteBuffer.wrap(demo), "x.dm_84", DemoListener.NONE))
        .isInstanceOfSatisfying(DemoLimitExceededException.class,
            e -> assertThat(e.setting()).isEqualTo("maxEntitiesPerSnapshot"));

    DemoReader smallGamestate = DemoReader.builder()
        .limits(ParserLimits.builder().maxGamestateChars(1000).build()).build();
    assertThatThrownBy(() -> smallGamestate.read(ByteBuffer.wrap(demo), "x.dm_84", DemoListener.NONE))
        .isInstanceOfSatisfying(DemoLimitExceededException.class,
            e -> assertThat(e.setting()).isEqualTo("maxGamestateChars"));
  }

  @Test
  void limitSettersRejectBadValuesNamingTheSetting() {
    assertThatThrownBy(() -> ParserLimits.builder().maxStringLength(0))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("maxStringLength < 1: 0");
    assertThatThrownBy(() -> ParserLimits.builder().maxMessageBytes(-5))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("maxMessageBytes < 1: -5");
  }
}
