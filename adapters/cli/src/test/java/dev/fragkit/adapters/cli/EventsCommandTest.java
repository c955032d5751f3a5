package dev.fragkit.adapters.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.fragkit.testsupport.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventsCommandTest {
  /** Flat view of one JSON line: top-level fields as text ("null" for null); nested objects counted. */
  private static Map<String, String> fields(String line) throws IOException {
    Map<String, String> out = new LinkedHashMap<>();
    try (JsonParser p = new JsonFactory().createParser(line)) {
      assertThat(p.nextToken()).isEqualTo(JsonToken.START_OBJECT);
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken t = p.nextToken();
        if (t == JsonToken.START_OBJECT) {
          int n = 0;
          while (p.nextToken() == JsonToken.FIELD_NAME) {
            p.nextToken();
            n++;
          }
          out.put(name, "{" + n + "}");
        } else {
          out.put(name, t == JsonToken.VALUE_NULL ? "null" : p.getText());
        }
      }
      assertThat(p.nextToken()).as("one object per line").isNull();
    }
    return out;
  }

  @Test
  void printsTheRealDemoAsJsonLinesInStreamOrder() throws IOException {
    Path demo = SharedData.file("demos/et/scores_test.dm_84");

    CliRun run = CliRun.of("events", demo.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err()).isEmpty();
    List<Map<String, String>> lines = new ArrayList<>();
    assertThat(run.out()).endsWith("}\n");
    for (String line : run.out().split("\n")) {
      assertThat(line).startsWith("{\"type\":\"").endsWith("}");
      lines.add(fields(line));
    }
    Map<String, String> first = lines.get(0);
    assertThat(first).containsEntry("type", "gamestate").containsEntry("protocol", "84")
        .containsEntry("clientNum", "0").containsEntry("serverTime", "null").containsEntry("configStrings", "{108}");
    List<Map<String, String>> commands = lines.stream().filter(l -> l.get("type").equals("command")).toList();
    assertThat(commands).hasSize(95);
    assertThat(commands.get(0)).containsEntry("serverTime", "null")
        .containsEntry("text", "pr 0 0 0 0 0 0 0 0 0 0 0 0 0 ");
    assertThat(commands.get(2)).containsEntry("serverTime", "49125");
    List<Map<String, String>> obituaries = lines.stream().filter(l -> l.get("type").equals("obituary")).toList();
    assertThat(obituaries).hasSize(9);
    assertThat(obituaries.get(0)).containsEntry("serverTime", "55250").containsEntry("target", "10")
        .containsEntry("attacker", "5").containsEntry("mod", "MOD_MP40");
    assertThat(lines.stream().filter(l -> l.get("type").equals("configstring")))
        .allSatisfy(l -> assertThat(l).containsKeys("serverTime", "index", "value"));
    Map<String, String> last = lines.get(lines.size() - 1);
    assertThat(last).containsEntry("type", "end").containsEntry("reason", "eof").containsEntry("records", "713")
        .containsEntry("snapshots", "712").containsEntry("bytes", "125837");
  }

  @Test
  void truncatedDemoEndsWithTruncatedReasonAndExitZero(@TempDir Path dir) throws IOException {
    byte[] all = Files.readAllBytes(SharedData.file("demos/et/scores_test.dm_84"));
    Path cut = dir.resolve("cut.dm_84");
    Files.write(cut, java.util.Arrays.copyOf(all, 60_000));

    CliRun run = CliRun.of("events", cut.toString());

    assertThat(run.exitCode()).isZero();
    String[] lines = run.out().split("\n");
    assertThat(fields(lines[lines.length - 1])).containsEntry("type", "end").containsEntry("reason", "truncated");
  }

  @Test
  void nonDemoInputIsAnErrorOnStderrWithExitCodeOne(@TempDir Path dir) throws IOException {
    Path text = dir.resolve("notes.dm_84");
    Files.writeString(text, "this is not a demo, just some text that is long enough");

    CliRun run = CliRun.of("events", text.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).startsWith("fragkit events: ").contains("maxMessageBytes");
  }

  @Test
  void missingFileIsAnErrorOnStderr(@TempDir Path dir) {
    CliRun run = CliRun.of("events", dir.resolve("absent.dm_84").toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("absent.dm_84");
    assertThat(run.out()).isEmpty();
  }
}
