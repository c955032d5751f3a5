package dev.fragkit.adapters.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fragkit.testsupport.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnalyzeCommandTest {
  @TempDir Path tmp;

  @Test
  void writesTheThreeArtifactsForTheSampleDemo() throws Exception {
    Path demo = SharedData.file("demos/et/scores_test.dm_84");
    Path out = tmp.resolve("out");

    CliRun run = CliRun.of("analyze", demo.toString(), "--out", out.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    Path dir = out.resolve("scores_test");
    assertThat(dir.resolve("analysis.json")).exists();
    assertThat(dir.resolve("report.txt")).exists();
    assertThat(dir.resolve("report.html")).exists();
    assertThat(Files.readString(dir.resolve("analysis.json")))
        .contains("\"schemaVersion\": \"1.0\"")
        .contains("\"sha256\": \"e1d34991f61b29e781634ad4f84467d97d9dac1221873a2907f1239e19407262\"")
        .contains("\"totalKills\": 9");
    assertThat(Files.readString(dir.resolve("report.txt"))).contains("multi_kill | [BOT]Nohope");
    assertThat(run.out()).contains("ok   scores_test.dm_84").contains("1 ok, 0 failed");
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .as("no temporary files left behind").containsExactlyInAnyOrder("analysis.json", "report.txt", "report.html");
    }
  }

  @Test
  void formatOptionLimitsTheArtifacts() throws Exception {
    Path demo = SharedData.file("demos/et/scores_test.dm_84");

    CliRun run = CliRun.of("analyze", demo.toString(), "--out", tmp.toString(), "--format", "json");

    assertThat(run.exitCode()).isZero();
    assertThat(tmp.resolve("scores_test/analysis.json")).exists();
    assertThat(tmp.resolve("scores_test/report.txt")).doesNotExist();
    assertThat(tmp.resolve("scores_test/report.html")).doesNotExist();
  }

  @Test
  void aDirectoryWithOneBadDemoReportsItAndFinishesTheRest() throws Exception {
    Path batch = Files.createDirectories(tmp.resolve("batch"));
    Files.copy(SharedData.file("demos/et/scores_test.dm_84"), batch.resolve("good.dm_84"));
    Files.write(batch.resolve("bad.dm_84"), new byte[] {1, 0, 0, 0, (byte) 0xff, (byte) 0xff, 0x7f, 0x7f, 9, 9});
    Files.writeString(batch.resolve("notes.txt"), "not a demo");
    Path out = tmp.resolve("out");

    CliRun run = CliRun.of("analyze", batch.toString(), "--out", out.toString(), "--jobs", "2");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("FAIL " + batch.resolve("bad.dm_84"));
    assertThat(out.resolve("good/analysis.json")).exists();
    assertThat(out.resolve("bad")).satisfiesAnyOf(p -> assertThat(p).doesNotExist(),
        p -> assertThat(p.resolve("analysis.json")).doesNotExist());
    assertThat(out.resolve("notes")).doesNotExist();
    assertThat(run.out()).contains("analysed 2 demos: 1 ok, 1 failed");
  }

  @Test
  void missingInputFailsWithExitCodeOne() {
    CliRun run = CliRun.of("analyze", tmp.resolve("nope.dm_84").toString(), "--out", tmp.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("nope.dm_84: no such file or directory");
  }

  @Test
  void unknownFormatIsAUsageError() {
    CliRun run = CliRun.of("analyze", "x.dm_84", "--format", "pdf");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("pdf");
  }

  @Test
  void udtJsonInputIsAcceptedForMigration() throws Exception {
    CliRun run = CliRun.of("analyze", SharedData.file("demos/et/scores_test.udt.json").toString(), "--out",
        tmp.toString(), "--format", "json");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(Files.readString(tmp.resolve("scores_test.udt/analysis.json"))).contains("\"input\": \"udt_json\"");
  }
}
