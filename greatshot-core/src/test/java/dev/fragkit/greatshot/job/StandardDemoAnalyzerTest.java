package dev.fragkit.greatshot.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.fragkit.greatshot.demo.CollectingListener;
import dev.fragkit.greatshot.demo.DemoEnd;
import dev.fragkit.greatshot.demo.DemoReader;
import dev.fragkit.greatshot.demo.DemoSummary;
import dev.fragkit.testsupport.SharedData;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StandardDemoAnalyzerTest {
  @TempDir Path tmp;

  private final List<long[]> progress = new ArrayList<>();
  private final AnalysisProgress recordProgress = (parsed, total) -> progress.add(new long[] {parsed, total});

  private Path storedCopy(byte[] bytes) throws IOException {
    return Files.write(tmp.resolve("original.dm_84"), bytes);
  }

  @Test
  void realDemoYieldsTheAnalysisHighlightsAndLeaderboardRows() throws IOException {
    Path demo = storedCopy(Files.readAllBytes(SharedData.file("demos/et/scores_test.dm_84")));

    AnalysisOutcome out = StandardDemoAnalyzer.defaults().analyze(demo, recordProgress, Cancellation.none());

    assertThat(out.mapName()).isEqualTo("adlernest");
    assertThat(out.totalKills()).isEqualTo(9);
    assertThat(out.highlights()).extracting(AnalysisOutcome.Highlight::type)
        .containsExactly("multi_kill", "burst_multi_kill", "spree", "trade_kill", "trade_kill", "trade_kill");
    assertThat(out.highlights().get(0)).extracting(AnalysisOutcome.Highlight::client, AnalysisOutcome.Highlight::startMs,
        AnalysisOutcome.Highlight::endMs).containsExactly(5, 62725L, 66200L);
    assertThat(out.players()).extracting(AnalysisOutcome.PlayerStats::cleanName).contains("[BOT]Nohope", "[BOT]Newbie");
    assertThat(topLevelField(out.analysisJson(), "totalKills")).isEqualTo("9");
    assertThat(out.reportText()).contains("adlernest");
    assertThat(out.reportHtml()).contains("<svg");

    long size = Files.size(demo);
    assertThat(progress).isNotEmpty();
    assertThat(progress.get(progress.size() - 1)).containsExactly(size, size);
    for (int i = 1; i < progress.size(); i++) {
      assertThat(progress.get(i)[0]).isGreaterThanOrEqualTo(progress.get(i - 1)[0]);
    }
  }

  @Test
  void unreadableBytesAreACorruptDemoWithTheOffset() throws IOException {
    ByteBuffer header = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putInt(1).putInt(40_000);
    byte[] bytes = Arrays.copyOf(header.array(), 40_008);
    Path demo = storedCopy(bytes);

    assertThatThrownBy(() -> StandardDemoAnalyzer.defaults().analyze(demo, recordProgress, Cancellation.none()))
        .isInstanceOf(CorruptDemoException.class)
        .hasMessageContaining("40000")
        .satisfies(e -> assertThat(((CorruptDemoException) e).offset()).isGreaterThanOrEqualTo(0));
  }

  @Test
  void aCancelledJobStopsWithItsReasonInsteadOfAResult() throws IOException {
    Path demo = storedCopy(Files.readAllBytes(SharedData.file("demos/et/scores_test.dm_84")));
    Cancellation cancel = Cancellation.none();
    cancel.cancel(Cancellation.Reason.TIMEOUT);

    assertThatThrownBy(() -> StandardDemoAnalyzer.defaults().analyze(demo, recordProgress, cancel))
        .isInstanceOf(AnalysisCancelledException.class)
        .satisfies(e -> assertThat(((AnalysisCancelledException) e).reason()).isEqualTo(Cancellation.Reason.TIMEOUT));
  }

  @Test
  void aTruncatedRecordingIsAnalysedUpToItsLastCompleteRecord() throws IOException {
    byte[] full = Files.readAllBytes(SharedData.file("demos/et/scores_test.dm_84"));
    Path demo = storedCopy(Arrays.copyOf(full, full.length * 9 / 10));
    CollectingListener parsed = new CollectingListener();
    DemoSummary summary = DemoReader.defaults().read(demo, parsed);

    AnalysisOutcome out = StandardDemoAnalyzer.defaults().analyze(demo, recordProgress, Cancellation.none());

    assertThat(summary.endReason()).isEqualTo(DemoEnd.Reason.TRUNCATED);
    assertThat(out.mapName()).isEqualTo("adlernest");
    assertThat(out.totalKills()).isEqualTo(parsed.obituaries().size()).isBetween(1, 8);
  }

  private static String topLevelField(byte[] json, String name) throws IOException {
    try (JsonParser p = new JsonFactory().createParser(new String(json, StandardCharsets.UTF_8))) {
      assertThat(p.nextToken()).isEqualTo(JsonToken.START_OBJECT);
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        p.nextToken();
        if (field.equals(name)) {
          return p.getText();
        }
        p.skipChildren();
      }
    }
    throw new AssertionError("no top-level field " + name);
  }
}
