package dev.fragkit.greatshot.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fragkit.testsupport.SharedData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Every event of the real demo, snapshots included (time, message number, flags, playerState
 * client/commandTime, every entity number with its eType), compared with a readable golden file.
 * Regenerate with {@code -Dgolden.update=true}; on a mismatch the actual log is written beside
 * the golden file as {@code *.actual}.
 */
class GoldenEventsTest {
  private static final Path GOLDEN = Path.of("src/test/resources/golden/scores_test.events.txt");

  /** Renders events one per line. */
  private static final class Renderer implements DemoListener {
    final StringBuilder out = new StringBuilder();

    private void line(Object o) {
      out.append(o).append('\n');
    }

    @Override
    public void onDemoStart(DemoStart e) {
      line(e);
    }

    @Override
    public void onGamestate(Gamestate e) {
      line("Gamestate[serverTime=" + e.serverTime() + ", clientNum=" + e.clientNum() + ", checksumFeed="
          + e.checksumFeed() + ", configStrings=" + e.configStrings().size() + "]");
      e.configStrings().forEach((k, v) -> line("  cs " + k + " = " + v));
    }

    @Override
    public void onConfigString(ConfigStringChange e) {
      line(e);
    }

    @Override
    public boolean wantsSnapshots() {
      return true;
    }

    @Override
    public void onSnapshot(Snapshot s) {
      StringBuilder b = new StringBuilder("Snapshot[t=").append(s.serverTime()).append(", msg=")
          .append(s.messageNum()).append(", flags=").append(s.snapFlags()).append(", ps.client=")
          .append(s.clientNum()).append(", ps.commandTime=").append(s.playerStateField(0)).append(", health=")
          .append(s.stat(0)).append("] ");
      for (int i = 0; i < s.entityCount(); i++) {
        b.append(s.entityNumber(i)).append(':').append(s.entityField(i, 0)).append(' ');
      }
      line(b.toString().stripTrailing());
    }

    @Override
    public void onServerCommand(ServerCommand e) {
      line(e);
    }

    @Override
    public void onObituary(Obituary e) {
      line(e);
    }

    @Override
    public void onPlayerInfo(PlayerInfo e) {
      // keys sorted: the record's map has no defined iteration order
      line("PlayerInfo[serverTime=" + e.serverTime() + ", client=" + e.client() + ", connected=" + e.connected()
          + ", name=" + e.name() + ", cleanName=" + e.cleanName() + ", team=" + e.team() + ", playerClass="
          + e.playerClass() + ", keys=" + new java.util.TreeMap<>(e.keys()) + "]");
    }

    @Override
    public void onMatchState(MatchState e) {
      line(e);
    }

    @Override
    public void onDemoEnd(DemoEnd e) {
      line(e);
    }
  }

  @Test
  void realDemoEventsMatchTheGoldenFile() throws IOException {
    Renderer r = new Renderer();
    DemoReader.defaults().read(SharedData.file("demos/et/scores_test.dm_84"), r);
    String actual = r.out.toString();
    assertThat(actual).contains("Obituary[").contains("Snapshot[");

    Path actualFile = GOLDEN.resolveSibling(GOLDEN.getFileName() + ".actual");
    if (Boolean.getBoolean("golden.update")) {
      Files.createDirectories(GOLDEN.getParent());
      Files.writeString(GOLDEN, actual, StandardCharsets.UTF_8);
    }
    String expected = Files.readString(GOLDEN, StandardCharsets.UTF_8);
    if (!expected.equals(actual)) {
      Files.writeString(actualFile, actual, StandardCharsets.UTF_8);
    } else {
      Files.deleteIfExists(actualFile);
    }
    assertThat(Arrays.asList(actual.split("\n"))).containsExactlyElementsOf(Arrays.asList(expected.split("\n")));
  }
}
