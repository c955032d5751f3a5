package dev.fragkit.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fragkit.telemetry.proximity.ProximityAggregations;
import dev.fragkit.telemetry.proximity.ProximityFile;
import dev.fragkit.telemetry.proximity.ProximityParser;
import dev.fragkit.telemetry.proximity.TradeEvent;
import dev.fragkit.telemetry.record.Recorder;
import dev.fragkit.telemetry.record.RecorderConfig;
import dev.fragkit.telemetry.record.RecordingFileSystem;
import dev.fragkit.telemetry.record.RecordingReader;
import dev.fragkit.telemetry.record.SyncPolicy;
import dev.fragkit.telemetry.tick.GameTick;
import dev.fragkit.telemetry.tick.TickCodec;
import dev.fragkit.telemetry.tick.TickValue;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's telemetry-core snippet, compiled and run; also checks the README still shows it. */
class ReadmeExampleTest {
  @TempDir Path dir;

  private final String engagementsText = String.join("\n",
      "# PROXIMITY_TRACKER_V6",
      "# map=supply",
      "# ENGAGEMENTS",
      "1;0;900;900;V;Victim;AXIS;killed;100;K;Killer;1;0;;;0.0;0.0;0.0;10.0;0.0;0.0;10.0;;K,Killer,ALLIES,100,2,100,800,1,8:2;");

  @Test
  void readmeSnippetRuns() {
    // --- begin README snippet ---
    try (Recorder recorder = Recorder.builder(dir)            // segment files of CRC32C frames
        .config(RecorderConfig.builder().flushEveryTicks(100).syncPolicy(SyncPolicy.DATA).build())
        .open()) {
      recorder.record(GameTick.builder("match-42", 0, Instant.parse("2026-11-22T20:00:00Z"))
          .put("pot", new BigDecimal("12.50"))
          .putObject("bets", List.of(Map.of("player", "alice", "stake", new BigDecimal("2.50"))))
          .build());
    }
    RecordingReader.Recovered recovered =
        RecordingReader.readAll(dir, RecordingFileSystem.local(), TickCodec.defaults());
    // recovered.ticks(): every intact tick, in order; recovered.report(): torn-tail bytes, skipped frames

    ProximityFile round = ProximityParser.defaults().parse(engagementsText);  // bad lines -> round.errors()
    List<TradeEvent> trades = ProximityAggregations.defaults().tradeEvents(round);
    // --- end README snippet ---

    assertThat(recovered.ticks()).singleElement().satisfies(t -> {
      assertThat(t.field("pot")).hasValue(TickValue.of(new BigDecimal("12.50")));
      TickValue.Struct bet = (TickValue.Struct) ((TickValue.ListValue) t.field("bets").orElseThrow()).values().get(0);
      assertThat(bet.fields().get("stake")).isEqualTo(TickValue.of(new BigDecimal("2.50")));
    });
    assertThat(recovered.report().clean()).isTrue();
    assertThat(round.errors()).isEmpty();
    assertThat(trades).singleElement().satisfies(t -> {
      assertThat(t.victimGuid()).isEqualTo("V");
      assertThat(t.isolated()).isTrue();
    });
  }

  @Test
  void readmeShowsTheSameSnippet() throws IOException {
    String readme = Files.readString(Path.of("..", "README.md"));
    String source = Files.readString(Path.of("src", "test", "java", "dev", "fragkit", "telemetry",
        "ReadmeExampleTest.java"));
    String snippet = source.substring(source.indexOf("// --- begin README snippet ---\n") + 33,
        source.indexOf("    // --- end README snippet ---"));
    String readmeBlock = readme.substring(readme.indexOf("### telemetry-core"));
    readmeBlock = readmeBlock.substring(readmeBlock.indexOf("```java\n") + 8, readmeBlock.indexOf("```\n", 10));
    assertThat(normalise(readmeBlock)).isEqualTo(normalise(snippet));
  }

  private static String normalise(String code) {
    StringBuilder sb = new StringBuilder();
    code.lines().map(String::strip).filter(l -> !l.isEmpty()).forEach(l -> sb.append(l).append('\n'));
    return sb.toString();
  }
}
