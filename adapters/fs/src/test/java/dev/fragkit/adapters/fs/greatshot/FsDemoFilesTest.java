package dev.fragkit.adapters.fs.greatshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fragkit.greatshot.intake.DemoIntake;
import dev.fragkit.greatshot.intake.InsufficientStorageException;
import dev.fragkit.greatshot.intake.IntakeConfig;
import dev.fragkit.greatshot.intake.InvalidDemoHeaderException;
import dev.fragkit.greatshot.intake.UploadResult;
import dev.fragkit.greatshot.store.DemoFiles;
import dev.fragkit.greatshot.store.DemoStatus;
import dev.fragkit.greatshot.store.InMemoryGreatshotStore;
import dev.fragkit.greatshot.store.OrphanReconciler;
import dev.fragkit.greatshot.testing.MutableClock;
import dev.fragkit.greatshot.testing.TestDemos;
import dev.fragkit.testsupport.SharedData;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FsDemoFilesTest {
  @TempDir Path tmp;
  private Path root;
  private FsDemoFiles files;
  private InMemoryGreatshotStore store;

  @BeforeEach
  void setUp() throws IOException {
    root = tmp.resolve("greatshot");
    files = FsDemoFiles.open(root);
    store = new InMemoryGreatshotStore(MutableClock.atEpochPlusOneDay());
  }

  private List<Path> regularFiles() throws IOException {
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(Files::isRegularFile).toList();
    }
  }

  @Test
  void theRealDemoLandsInTheDocumentedLayout() throws Exception {
    Path real = SharedData.file("demos/et/scores_test.dm_84");
    UploadResult r;
    try (InputStream in = Files.newInputStream(real)) {
      r = new DemoIntake(IntakeConfig.defaults(), files, store).accept("scores_test.dm_84", in);
    }
    String id = r.demo().id();

    Path original = root.resolve(id).resolve("original").resolve("original.dm_84");
    assertThat(files.original(id, ".dm_84")).isEqualTo(original);
    assertThat(Files.readAllBytes(original)).isEqualTo(Files.readAllBytes(real));
    assertThat(root.resolve(id).resolve("artifacts")).isDirectory();
    assertThat(root.resolve(id).resolve("clips")).isDirectory();
    assertThat(root.resolve(id).resolve("videos")).isDirectory();
    assertThat(regularFiles()).containsExactly(original);
    assertThat(Files.getPosixFilePermissions(root)).hasSize(3);
  }

  @Test
  void artifactsAreWrittenAtomicallyAndReplaced() throws Exception {
    files.writeArtifact("d1", "analysis.json", "{\"v\":1}".getBytes(StandardCharsets.UTF_8));
    files.writeArtifact("d1", "analysis.json", "{\"v\":2}".getBytes(StandardCharsets.UTF_8));
    files.writeArtifact("d1", "report.txt", "hi".getBytes(StandardCharsets.UTF_8));

    Path json = root.resolve("d1/artifacts/analysis.json");
    assertThat(files.artifact("d1", "analysis.json")).contains(json);
    assertThat(Files.readString(json)).isEqualTo("{\"v\":2}");
    assertThat(files.artifact("d1", "report.html")).isEmpty();
    assertThat(regularFiles()).containsExactlyInAnyOrder(json, root.resolve("d1/artifacts/report.txt"));
  }

  @Test
  void clipsCommitUnderClips() throws Exception {
    Path clip;
    try (DemoFiles.StagedFile staged = files.stage()) {
      staged.stream().write(new byte[] {1, 2, 3});
      clip = staged.commitClip("d1", "h7", ".dm_84");
    }

    assertThat(clip).isEqualTo(root.resolve("d1/clips/h7.dm_84"));
    assertThat(Files.readAllBytes(clip)).containsExactly(1, 2, 3);
    assertThat(files.clip("d1", "h7", ".dm_84")).isEqualTo(clip);
  }

  @Test
  void aStagedFileClosedWithoutCommitLeavesNothing() throws Exception {
    try (DemoFiles.StagedFile staged = files.stage()) {
      staged.stream().write(new byte[1000]);
      assertThat(regularFiles()).hasSize(1);
    }

    assertThat(regularFiles()).isEmpty();
  }

  @Test
  void namesThatCouldEscapeTheRootAreRejected() {
    assertThatThrownBy(() -> files.original("../etc", ".dm_84"))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("id must match [A-Za-z0-9_-]{1,64}: ../etc");
    assertThatThrownBy(() -> files.original("d1", "/../x"))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("extension must match \\.[a-z0-9_]{1,15}: /../x");
    assertThatThrownBy(() -> files.writeArtifact("d1", "../../passwd", new byte[0]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("unknown artifact name (expected one of ");
  }

  @Test
  void aFullDiskRefusesTheUploadAndWritesNothing() throws Exception {
    FsDemoFiles full = FsDemoFiles.open(root, path -> new FixedSpaceFileStore(1024));
    byte[] demo = TestDemos.generate(1, 10, "");

    assertThatThrownBy(() -> new DemoIntake(IntakeConfig.defaults(), full, store).accept("a.dm_84", new ByteArrayInputStream(demo)))
        .isInstanceOf(InsufficientStorageException.class)
        .hasMessage("insufficient disk space: 1024 bytes usable, 629145600 required (IntakeConfig.maxUploadBytes x freeSpaceFactor)");
    assertThat(regularFiles()).isEmpty();
    assertThat(full.demoIdsOnDisk()).isEmpty();
    assertThat(store.demoIds()).isEmpty();
  }

  @Test
  void aBadHeaderLeavesNoFileBehind() throws Exception {
    assertThatThrownBy(() -> new DemoIntake(IntakeConfig.defaults(), files, store)
        .accept("x.dm_84", new ByteArrayInputStream("not a demo, only text!".getBytes(StandardCharsets.US_ASCII))))
        .isInstanceOf(InvalidDemoHeaderException.class);
    assertThat(regularFiles()).isEmpty();
    assertThat(files.demoIdsOnDisk()).isEmpty();
  }

  @Test
  void theReconcilerReportsOrphansAndFixesOnlyWhenAsked() throws Exception {
    DemoIntake intake = new DemoIntake(IntakeConfig.defaults(), files, store);
    String kept = intake.accept("a.dm_84", new ByteArrayInputStream(TestDemos.generate(1, 5, ""))).demo().id();
    String lostFile = intake.accept("b.dm_84", new ByteArrayInputStream(TestDemos.generate(2, 5, ""))).demo().id();
    files.deleteDemoFiles(lostFile);
    files.writeArtifact("strayfiles", "report.txt", new byte[] {1});
    OrphanReconciler reconciler = new OrphanReconciler(store, files);

    OrphanReconciler.Report dry = reconciler.reconcile(false);

    assertThat(dry.filesWithoutRows()).containsExactly("strayfiles");
    assertThat(dry.rowsWithoutFiles()).containsExactly(lostFile);
    assertThat(dry.fixed()).isFalse();
    assertThat(root.resolve("strayfiles")).exists();
    assertThat(store.findDemo(lostFile).orElseThrow().status()).isEqualTo(DemoStatus.QUEUED);

    OrphanReconciler.Report fixed = reconciler.reconcile(true);

    assertThat(fixed).isEqualTo(new OrphanReconciler.Report(List.of("strayfiles"), List.of(lostFile), true));
    assertThat(root.resolve("strayfiles")).doesNotExist();
    assertThat(store.findDemo(lostFile).orElseThrow().error()).isEqualTo("original file missing");
    assertThat(store.findDemo(kept).orElseThrow().status()).isEqualTo(DemoStatus.QUEUED);
    assertThat(reconciler.reconcile(false).clean()).as("nothing left to fix after --fix").isTrue();
  }

  @Test
  void sweepingStagingRemovesOnlyOldTemporaryFiles() throws Exception {
    MutableClock clock = new MutableClock(java.time.Instant.now());
    DemoFiles.StagedFile old = files.stage();
    Path oldFile;
    try (Stream<Path> s = Files.list(root.resolve(".staging"))) {
      oldFile = s.findFirst().orElseThrow();
    }
    Files.setLastModifiedTime(oldFile, FileTime.from(clock.instant().minus(Duration.ofHours(2))));
    DemoFiles.StagedFile fresh = files.stage();

    assertThat(files.sweepStaging(clock, Duration.ofHours(1))).isEqualTo(1);

    assertThat(oldFile).doesNotExist();
    assertThat(regularFiles()).hasSize(1);
    fresh.close();
    old.close();
    assertThat(regularFiles()).isEmpty();
  }
}
