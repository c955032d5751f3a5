package dev.fragkit.adapters.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fragkit.adapters.fs.greatshot.FsDemoFiles;
import dev.fragkit.adapters.jdbc.JdbcDatabase;
import dev.fragkit.adapters.jdbc.greatshot.JdbcGreatshotStore;
import dev.fragkit.greatshot.intake.DemoIntake;
import dev.fragkit.greatshot.intake.IntakeConfig;
import dev.fragkit.greatshot.store.DemoFiles;
import dev.fragkit.greatshot.store.DemoStatus;
import dev.fragkit.testsupport.SharedData;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReconcileCommandTest {
  @TempDir Path data;

  @Test
  void dryRunReportsBothKindsOfOrphanAndFixActsOnThem() throws Exception {
    byte[] demo = Files.readAllBytes(SharedData.file("demos/et/scores_test.dm_84"));
    String kept;
    String lostFile;
    String orphan = "0123456789abcdef0123456789abcdef";
    try (JdbcDatabase db = JdbcDatabase.embedded(data)) {
      JdbcGreatshotStore store = JdbcGreatshotStore.open(db, Clock.systemUTC());
      FsDemoFiles files = FsDemoFiles.open(data.resolve("greatshot"));
      DemoIntake intake = new DemoIntake(IntakeConfig.defaults(), files, store);
      kept = intake.accept("a.dm_84", new ByteArrayInputStream(demo)).demo().id();
      byte[] other = java.util.Arrays.copyOf(demo, demo.length + 1); // another SHA-256
      lostFile = intake.accept("b.dm_84", new ByteArrayInputStream(other)).demo().id();
      Files.delete(files.original(lostFile, ".dm_84"));                // a row without its file
      try (DemoFiles.StagedFile staged = files.stage()) {              // files without a row
        staged.stream().write(demo);
        staged.commitOriginal(orphan, ".dm_84");
      }
    }

    CliRun dry = CliRun.of("reconcile", "--data", data.toString());

    assertThat(dry.exitCode()).isZero();
    assertThat(dry.out()).isEqualTo("files without rows: 1\n  " + orphan + "\nrows without files: 1\n  " + lostFile
        + "\ndry run: nothing changed (run again with --fix to act)\n");
    assertThat(data.resolve("greatshot").resolve(orphan)).exists();

    CliRun fix = CliRun.of("reconcile", "--data", data.toString(), "--fix");

    assertThat(fix.exitCode()).isZero();
    assertThat(fix.out()).endsWith("fixed: deleted 1 orphaned file sets, marked 1 demos failed\n");
    assertThat(data.resolve("greatshot").resolve(orphan)).doesNotExist();
    try (JdbcDatabase db = JdbcDatabase.embedded(data)) {
      JdbcGreatshotStore store = JdbcGreatshotStore.open(db, Clock.systemUTC());
      assertThat(store.findDemo(lostFile).orElseThrow().status()).isEqualTo(DemoStatus.FAILED);
      assertThat(store.findDemo(kept).orElseThrow().status()).isEqualTo(DemoStatus.QUEUED);
    }

    CliRun again = CliRun.of("reconcile", "--data", data.toString());
    assertThat(again.out()).endsWith("clean: every demo row has its files and every file its row\n");
  }
}
