package dev.fragkit.telemetry.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fragkit.telemetry.tick.GameTick;
import dev.fragkit.telemetry.tick.TickCodec;
import dev.fragkit.telemetry.time.VirtualTime;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecoveryTest {
  @TempDir Path dir;
  private final TickCodec codec = TickCodec.defaults();

  /** Writes {@code n} ticks into one segment and returns the frame offsets. */
  private List<Long> writeRecording(int n) {
    VirtualTime vt = new VirtualTime();
    try (Recorder r = Recorder.builder(dir)
        .config(RecorderConfig.builder().syncPolicy(SyncPolicy.NONE).minFreeBytesToStart(0)
            .minFreeBytesToContinue(0).build())
        .scheduler(vt).registry(RecorderRegistry.create(4)).open()) {
      for (int i = 0; i < n; i++) {
        r.record(TestTicks.tick(i));
      }
    }
    List<Long> offsets = new ArrayList<>();
    try (RecordingReader rr = RecordingReader.open(dir)) {
      while (rr.hasNext()) {
        rr.next();
        offsets.add(rr.lastFrameOffset());
      }
    }
    return offsets;
  }

  private Path segment0() {
    return dir.resolve(SegmentFormat.fileName(0));
  }

  private static List<Long> seqs(RecordingReader.Recovered rec) {
    return rec.ticks().stream().map(GameTick::sequence).collect(Collectors.toList());
  }

  private static List<Long> range(long from, long to) {
    return LongStream.range(from, to).boxed().collect(Collectors.toList());
  }

  @Test
  void openingAtAFramePositionStartsWithThatTickAndRejectsAMissingSegment() {
    List<Long> offsets = writeRecording(120);
    FramePosition at = new FramePosition(0, offsets.get(77));
    try (RecordingReader r = RecordingReader.open(dir, RecordingFileSystem.local(), codec, at)) {
      assertThat(r.next().sequence()).isEqualTo(77);
      assertThat(r.lastPosition()).isEqualTo(at);
      assertThat(r.next().sequence()).isEqualTo(78);
      assertThat(r.lastPosition()).isEqualTo(new FramePosition(0, offsets.get(78)));
    }
    assertThatThrownBy(() -> RecordingReader.open(dir, RecordingFileSystem.local(), codec, new FramePosition(3, 8)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("segment 3 not in " + dir + " (1 segments)");
    assertThatThrownBy(() -> new FramePosition(0, -1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("offset < 0: -1");
  }

  @Test
  void cleanRecordingReadsBackEveryTickInOrder() {
    writeRecording(250);
    RecordingReader.Recovered rec = RecordingReader.readAll(dir, RecordingFileSystem.local(), codec);
    assertThat(rec.ticks()).hasSize(250);
    for (int i = 0; i < 250; i++) {
      assertThat(rec.ticks().get(i)).isEqualTo(TestTicks.tick(i));
    }
    assertThat(rec.report().clean()).isTrue();
    assertThat(rec.report().intactFrames()).isEqualTo(250);
  }

  @Test
  void tornTailAtEveryByteOfTheLastFrameKeepsAllEarlierFrames() throws IOException {
    List<Long> offsets = writeRecording(20);
    byte[] full = Files.readAllBytes(segment0());
    long lastStart = offsets.get(19);
    for (long cut = lastStart; cut < full.length; cut++) {
      Files.write(segment0(), java.util.Arrays.copyOf(full, (int) cut));
      RecordingReader.Recovered rec = RecordingReader.readAll(dir, RecordingFileSystem.local(), codec);
      assertThat(seqs(rec)).as("cut at %d", cut).isEqualTo(range(0, 19));
      assertThat(rec.report().droppedTailBytes()).isEqualTo(cut - lastStart);
      assertThat(rec.report().corruptRegions()).isEmpty();
      assertThat(rec.report().segments().get(0).validEnd()).isEqualTo(lastStart);
    }
  }

  @Test
  void corruptPayloadInTheMiddleIsSkippedAndReported() throws IOException {
    List<Long> offsets = writeRecording(30);
    byte[] bytes = Files.readAllBytes(segment0());
    long bad = offsets.get(12);
    bytes[(int) bad + 20] ^= 0x40;
    Files.write(segment0(), bytes);

    RecordingReader.Recovered rec = RecordingReader.readAll(dir, RecordingFileSystem.local(), codec);

    List<Long> expected = range(0, 30);
    expected.remove(12);
    assertThat(seqs(rec)).isEqualTo(expected);
    assertThat(rec.report().corruptRegions()).singleElement().satisfies(c -> {
      assertThat(c.offset()).isEqualTo(bad);
      assertThat(c.length()).isEqualTo(offsets.get(13) - bad);
      assertThat(c.reason()).isEqualTo("crc mismatch");
    });
    assertThat(rec.report().droppedTailBytes()).isZero();
  }

  @Test
  void corruptLengthFieldResynchronisesAtTheNextIntactFrame() throws IOException {
    List<Long> offsets = writeRecording(30);
    byte[] bytes = Files.readAllBytes(segment0());
    int at = (int) (long) offsets.get(5);
    bytes[at] = (byte) 0x7f; // length now ~2 GiB
    Files.write(segment0(), bytes);

    RecordingReader.Recovered rec = RecordingReader.readAll(dir, RecordingFileSystem.local(), codec);

    List<Long> expected = range(0, 30);
    expected.remove(5);
    assertThat(seqs(rec)).isEqualTo(expected);
    assertThat(rec.report().corruptRegions()).singleElement().satisfies(c -> {
      assertThat(c.offset()).isEqualTo(at);
      assertThat(c.reason()).startsWith("frame length ");
    });
  }

  @Test
  void randomDamageNeverYieldsAWrongTick() throws IOException {
    writeRecording(60);
    byte[] pristine = Files.readAllBytes(segment0());
    Random rnd = new Random(7);
    for (int round = 0; round < 200; round++) {
      byte[] bytes = pristine.clone();
      int flips = 1 + rnd.nextInt(4);
      for (int f = 0; f < flips; f++) {
        bytes[rnd.nextInt(bytes.length)] ^= (byte) (1 << rnd.nextInt(8));
      }
      int len = rnd.nextBoolean() ? bytes.length : rnd.nextInt(bytes.length);
      Files.write(segment0(), java.util.Arrays.copyOf(bytes, len));
      RecordingReader.Recovered rec = RecordingReader.readAll(dir, RecordingFileSystem.local(), codec);
      long prev = -1;
      for (GameTick t : rec.ticks()) {
        assertThat(t).isEqualTo(TestTicks.tick(t.sequence()));
        assertThat(t.sequence()).isGreaterThan(prev);
        prev = t.sequence();
      }
      assertThat(rec.ticks().size()).isGreaterThanOrEqualTo(60 - flips - (len < bytes.length ? 60 : 0));
    }
  }

  @Test
  void validFrameWithUndecodablePayloadIsSkippedAndReported() throws IOException {
    writeRecording(3);
    byte[] junk = "not a tick".getBytes(StandardCharsets.UTF_8);
    byte[] frame = new byte[SegmentFormat.FRAME_OVERHEAD + junk.length];
    SegmentFormat.putInt(frame, 0, junk.length);
    System.arraycopy(junk, 0, frame, 8, junk.length);
    SegmentFormat.putInt(frame, 4, SegmentFormat.crc(frame, 0, junk.length));
    long junkAt = Files.size(segment0());
    Files.write(segment0(), frame, java.nio.file.StandardOpenOption.APPEND);

    RecordingReader.Recovered rec = RecordingReader.readAll(dir, RecordingFileSystem.local(), codec);

    assertThat(seqs(rec)).containsExactly(0L, 1L, 2L);
    assertThat(rec.report().undecodable()).singleElement().satisfies(c -> {
      assertThat(c.offset()).isEqualTo(junkAt);
      assertThat(c.reason()).startsWith("undecodable tick: ");
    });
  }

  @Test
  void damagedSegmentHeaderStillYieldsTheFramesBehindIt() throws IOException {
    writeRecording(10);
    byte[] bytes = Files.readAllBytes(segment0());
    bytes[1] = 'X';
    Files.write(segment0(), bytes);
    RecordingReader.Recovered rec = RecordingReader.readAll(dir, RecordingFileSystem.local(), codec);
    assertThat(seqs(rec)).isEqualTo(range(0, 10));
    assertThat(rec.report().corruptRegions()).singleElement()
        .satisfies(c -> assertThat(c.reason()).isEqualTo("bad segment header"));
  }

  @Test
  void headerOnlyPartlyWrittenCountsAsTornAndEmptySegmentIsFine() throws IOException {
    Files.write(segment0(), new byte[] {'F', 'K', 'T'});
    Files.write(dir.resolve(SegmentFormat.fileName(1)), new byte[0]);
    RecordingReader.Recovered rec = RecordingReader.readAll(dir, RecordingFileSystem.local(), codec);
    assertThat(rec.ticks()).isEmpty();
    assertThat(rec.report().droppedTailBytes()).isEqualTo(3);
    assertThat(rec.report().segments()).hasSize(2);
  }

  @Test
  void segmentsAreReadInIndexOrderAndOtherFilesIgnored() throws IOException {
    VirtualTime vt = new VirtualTime();
    try (Recorder r = Recorder.builder(dir)
        .config(RecorderConfig.builder().syncPolicy(SyncPolicy.NONE).minFreeBytesToStart(0)
            .minFreeBytesToContinue(0).flushEveryTicks(10).maxTickBytes(1024)
            .segmentMaxBytes(2048).build())
        .scheduler(vt).registry(RecorderRegistry.create(4)).open()) {
      for (int i = 0; i < 500; i++) {
        r.record(TestTicks.tick(i));
      }
      assertThat(r.metrics().segments()).isGreaterThan(10);
    }
    Files.writeString(dir.resolve("notes.txt"), "ignored");
    RecordingReader.Recovered rec = RecordingReader.readAll(dir, RecordingFileSystem.local(), codec);
    assertThat(seqs(rec)).isEqualTo(range(0, 500));
    assertThat(rec.report().segments().size()).isGreaterThan(10);
    assertThat(rec.report().segments()).allSatisfy(s -> assertThat(s.size()).isLessThanOrEqualTo(2048));
  }

  @Test
  void recordingAgainAfterATornTailAppendsInANewSegmentAndKeepsBoth() throws IOException {
    List<Long> offsets = writeRecording(10);
    byte[] full = Files.readAllBytes(segment0());
    Files.write(segment0(), java.util.Arrays.copyOf(full, (int) (offsets.get(9) + 5)));
    VirtualTime vt = new VirtualTime();
    try (Recorder r = Recorder.builder(dir)
        .config(RecorderConfig.builder().syncPolicy(SyncPolicy.NONE).minFreeBytesToStart(0)
            .minFreeBytesToContinue(0).build())
        .scheduler(vt).registry(RecorderRegistry.create(4)).open()) {
      for (int i = 100; i < 105; i++) {
        r.record(TestTicks.tick(i));
      }
    }
    RecordingReader.Recovered rec = RecordingReader.readAll(dir, RecordingFileSystem.local(), codec);
    List<Long> expected = range(0, 9);
    expected.addAll(range(100, 105));
    assertThat(seqs(rec)).isEqualTo(expected);
    assertThat(rec.report().droppedTailBytes()).isEqualTo(5);
    assertThat(rec.report().segments()).hasSize(2);
    assertThat(rec.report().segments().get(1).tornTailBytes()).isZero();
  }
}
