package dev.fragkit.greatshot.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.fragkit.greatshot.analysis.Analysis;
import dev.fragkit.greatshot.analysis.AnalysisBuilder;
import dev.fragkit.greatshot.demo.DemoReader;
import dev.fragkit.greatshot.demo.write.DemoRecordWriter;
import dev.fragkit.greatshot.demo.write.MessageWriter;
import dev.fragkit.greatshot.highlight.Highlight;
import dev.fragkit.greatshot.highlight.HighlightEngine;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * End to end through the binary reader: a client demo (written with the demo encoder) in which every
 * player is visible, so alive/dead state is observed from the player entities' EF_DEAD flag and the
 * recorder's playerState — and the clutch is decided from that state, not guessed.
 */
class ClutchFromSnapshotsTest {
  private static final int E_TYPE = 0;
  private static final int E_FLAGS = 1;
  private static final int E_OTHER = 34;
  private static final int E_OTHER2 = 35;
  private static final int E_EVENT_PARM = 46;
  private static final int E_WEAPON = 57;
  private static final int EF_DEAD = 0x1;

  /** Entities 1..3 are players (axis 1; allies 2, 3); the recorder is axis client 0. */
  private static byte[] demo(int hiddenClient) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DemoRecordWriter records = new DemoRecordWriter(bytes);
    MessageWriter m = new MessageWriter().writeLong(0);
    m.writeOp(2).writeLong(0);
    m.writeOp(3).writeShort(0).writeString("\\mapname\\oasis\\g_gametype\\2\\gamename\\legacy\\mod_version\\v2.84.0");
    m.writeOp(3).writeShort(21).writeString("\\gamestate\\0\\g_currentRound\\0");
    m.writeOp(3).writeShort(689).writeString("n\\Rec\\t\\1\\c\\0");
    m.writeOp(3).writeShort(690).writeString("n\\Ann\\t\\1\\c\\1");
    m.writeOp(3).writeShort(691).writeString("n\\Bob\\t\\2\\c\\2");
    m.writeOp(3).writeShort(692).writeString("n\\Cy\\t\\2\\c\\3");
    m.writeOp(8).writeLong(0).writeLong(1234);
    m.writeOp(8);
    records.writeRecord(10, m.toByteArray());
    // snapshots: {time, dead mask of clients 1..3, obituary victim, obituary attacker}
    int[][] steps = {{1000, 0, -1, -1}, {1100, 0b010, 1, 2}, {1200, 0b110, 2, 0}, {1300, 0b1110, 3, 0}};
    int seq = 11;
    for (int[] step : steps) {
      int[] ps = new int[77];
      ps[0] = step[0];
      m = new MessageWriter().writeLong(0);
      m.writeOp(7).writeLong(step[0]).writeByte(0).writeByte(0).writeByte(1).writeByte(0xff);
      m.writePlayerState(new int[77], ps);
      for (int c = 1; c <= 3; c++) {
        if (c == hiddenClient) {
          continue;
        }
        int[] player = new int[71];
        player[E_TYPE] = 1;
        player[E_FLAGS] = (step[1] & (1 << c)) != 0 ? EF_DEAD : 0;
        m.writeEntity(c, new int[71], player, true);
      }
      if (step[2] >= 0) {
        int[] obit = new int[71];
        obit[E_TYPE] = 62 + 68;
        obit[E_OTHER] = step[2];
        obit[E_OTHER2] = step[3];
        obit[E_EVENT_PARM] = 8; // MOD_MP40
        obit[E_WEAPON] = 3;
        m.writeEntity(200 + seq, new int[71], obit, true);
      }
      m.writeBits(1023, 10);
      m.writeOp(8);
      records.writeRecord(seq++, m.toByteArray());
    }
    records.writeEndMarker();
    return bytes.toByteArray();
  }

  private static List<Highlight> highlights(byte[] demo) {
    AnalysisBuilder builder = AnalysisBuilder.forDemo("synthetic.dm_84");
    DemoReader.defaults().read(ByteBuffer.wrap(demo), "synthetic.dm_84", builder);
    Analysis analysis = builder.build();
    assertThat(analysis.kills()).hasSize(3);
    return HighlightEngine.standard().detect(analysis);
  }

  @Test
  void theLastAxisAliveKillingTwoAlliesIsAClutch() throws Exception {
    assertThat(highlights(demo(-1)))
        .filteredOn(h -> h.type().equals("clutch"))
        .extracting(Highlight::client, Highlight::startMs, Highlight::endMs, Highlight::kills, Highlight::explanation)
        .containsExactly(tuple(0, 1200, 1300, 2, "2 kills as the last one alive on axis (1v2)"));
  }

  @Test
  void withATeammateOutOfViewTheStateIsUnknownAndNoClutchIsClaimed() throws Exception {
    // Ann (axis 1) is never sent: whether she is alive is unknown, so "every teammate dead" is too.
    assertThat(highlights(demo(1))).extracting(Highlight::type).doesNotContain("clutch");
  }

  @Test
  void anEnemyOutOfViewStillAllowsTheClutchWithoutTheOddsInItsText() throws Exception {
    assertThat(highlights(demo(3))).filteredOn(h -> h.type().equals("clutch"))
        .extracting(Highlight::explanation).containsExactly("2 kills as the last one alive on axis");
  }
}
