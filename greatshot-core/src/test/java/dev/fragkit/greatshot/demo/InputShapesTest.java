package dev.fragkit.greatshot.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fragkit.testsupport.SharedData;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every input shape gives the same events: Path, ByteBuffer, one byte per read, random chunks. */
class InputShapesTest {
  private static Path demo;
  private static byte[] bytes;

  @BeforeAll
  static void load() throws IOException {
    demo = SharedData.file("demos/et/scores_test.dm_84");
    bytes = Files.readAllBytes(demo);
  }

  /** An event log as text, so two reads compare with one assertion. */
  private static final class Log implements DemoListener {
    final List<String> lines = new ArrayList<>();

    @Override
    public void onGamestate(Gamestate e) {
      lines.add("gamestate " + e.configStrings().size() + " " + e.clientNum());
    }

    @Override
    public void onConfigString(ConfigStringChange e) {
      lines.add(e.toString());
    }

    @Override
    public void onServerCommand(ServerCommand e) {
      lines.add(e.serverTime() + " " + e.sequence() + " " + e.text());
    }

    @Override
    public void onObituary(Obituary e) {
      lines.add(e.toString());
    }

    @Override
    public void onPlayerInfo(PlayerInfo e) {
      lines.add(e.toString());
    }

    @Override
    public void onMatchState(MatchState e) {
      lines.add(e.toString());
    }

    @Override
    public boolean wantsSnapshots() {
      return true;
    }

    @Override
    public void onSnapshot(Snapshot s) {
      lines.add("snap " + s.serverTime() + " " + s.entityCount() + " " + s.playerStateField(0));
    }

    @Override
    public void onDemoEnd(DemoEnd e) {
      lines.add(e.toString());
    }
  }

  /** Returns at most {@code max(1, next chunk)} bytes per read. */
  private static InputStream chunked(byte[] data, Random random, int maxChunk) {
    return new FilterInputStream(new ByteArrayInputStream(data)) {
      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        return super.read(b, off, Math.min(len, 1 + random.nextInt(maxChunk)));
      }
    };
  }

  @Test
  void allInputShapesDeliverIdenticalEvents() throws IOException {
    Log fromPath = new Log();
    DemoReader.defaults().read(demo, fromPath);
    assertThat(fromPath.lines).hasSizeGreaterThan(800);

    Log fromBuffer = new Log();
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    DemoReader.defaults().read(buffer, "scores_test.dm_84", fromBuffer);
    assertThat(buffer.position()).as("caller's buffer untouched").isZero();

    Log byteByByte = new Log();
    try (InputStream in = chunked(bytes, new Random(1), 1)) {
      DemoReader.defaults().read(in, "scores_test.dm_84", byteByByte);
    }

    Log randomChunks = new Log();
    try (InputStream in = chunked(bytes, new Random(42), 5000)) {
      DemoReader.defaults().read(in, "scores_test.dm_84", randomChunks);
    }

    assertThat(fromBuffer.lines).isEqualTo(fromPath.lines);
    assertThat(byteByByte.lines).isEqualTo(fromPath.lines);
    assertThat(randomChunks.lines).isEqualTo(fromPath.lines);
  }

  @Test
  void failingStreamBecomesDemoIoExceptionWithTheCauseAndOffset() {
    IOException broken = new IOException("disk gone");
    InputStream failing = new FilterInputStream(new ByteArrayInputStream(bytes)) {
      private int served;

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        if (served >= 70_000) {
          throw broken;
        }
        int n = super.read(b, off, Math.min(len, 70_000 - served));
        served += Math.max(n, 0);
        return n;
      }
    };
    CollectingListener events = new CollectingListener();

    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> DemoReader.defaults().read(failing, "remote.dm_84", events))
        .isInstanceOfSatisfying(DemoIoException.class, e -> {
          assertThat(e.getCause()).isSameAs(broken);
          assertThat(e.byteOffset()).isBetween(1L, 70_000L);
          assertThat(e.getMessage()).startsWith("I/O error reading remote.dm_84 at byte ").endsWith(": disk gone");
        });
    assertThat(events.obituaries()).isNotEmpty(); // everything before the failure was delivered
    assertThat(events.end()).get().extracting(DemoEnd::reason).isEqualTo(DemoEnd.Reason.ERROR);
  }

  @Test
  void missingFileIsADemoIoException(@org.junit.jupiter.api.io.TempDir Path dir) {
    Path absent = dir.resolve("absent.dm_84");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> DemoReader.defaults().read(absent, DemoListener.NONE))
        .isInstanceOf(DemoIoException.class)
        .hasMessageStartingWith("I/O error reading " + absent + " at byte 0: ")
        .hasCauseInstanceOf(java.nio.file.NoSuchFileException.class);
  }

  @Test
  void progressIsReportedUpToTheFileSize() {
    List<long[]> progress = new ArrayList<>();
    DemoReader.defaults().read(demo, new DemoListener() {
      @Override
      public void onProgress(long bytesRead, long totalBytes) {
        progress.add(new long[] {bytesRead, totalBytes});
      }
    });
    assertThat(progress).hasSizeGreaterThanOrEqualTo(2);
    assertThat(progress.get(progress.size() - 1)).containsExactly(bytes.length, bytes.length);
    for (int i = 1; i < progress.size(); i++) {
      assertThat(progress.get(i)[0]).isGreaterThanOrEqualTo(progress.get(i - 1)[0]);
    }
  }

  @Test
  void snapshotsCanBeReadDuringTheCallbackOnly() {
    Snapshot[] kept = new Snapshot[1];
    DemoReader.defaults().read(ByteBuffer.wrap(bytes), "x.dm_84", new DemoListener() {
      @Override
      public boolean wantsSnapshots() {
        return true;
      }

      @Override
      public void onSnapshot(Snapshot s) {
        assertThat(s.clientNum()).isZero(); // the recorder is a spectator, client 0
        kept[0] = s;
      }
    });
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> kept[0].serverTime())
        .isInstanceOf(IllegalStateException.class).hasMessage("snapshot used outside its onSnapshot callback");
  }
}
