package dev.fragkit.greatshot.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fragkit.greatshot.store.DemoRecord;
import dev.fragkit.greatshot.store.DemoStatus;
import dev.fragkit.greatshot.store.DemoStore;
import dev.fragkit.greatshot.store.InsertResult;
import dev.fragkit.greatshot.store.NewDemo;
import java.util.Optional;
import dev.fragkit.greatshot.store.InMemoryGreatshotStore;
import dev.fragkit.greatshot.store.JobKind;
import dev.fragkit.greatshot.testing.MutableClock;
import dev.fragkit.greatshot.testing.TempDirDemoFiles;
import dev.fragkit.greatshot.testing.TestDemos;
import dev.fragkit.testsupport.SharedData;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoIntakeTest {
  @TempDir Path root;
  private final AtomicLong usable = new AtomicLong(Long.MAX_VALUE);
  private InMemoryGreatshotStore store;
  private TempDirDemoFiles files;

  @BeforeEach
  void setUp() {
    store = new InMemoryGreatshotStore(MutableClock.atEpochPlusOneDay());
    files = new TempDirDemoFiles(root, usable::get);
  }

  private DemoIntake intake(IntakeConfig config) {
    return new DemoIntake(config, files, store);
  }

  /** Counts the bytes actually read from a body. */
  private static final class CountingStream extends FilterInputStream {
    long read;

    CountingStream(InputStream in) {
      super(in);
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      read += Math.max(0, n);
      return n;
    }
  }

  /** Hands out one byte per read call. */
  private static InputStream oneBytePerRead(byte[] data) {
    return new FilterInputStream(new ByteArrayInputStream(data)) {
      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        return super.read(b, off, Math.min(1, len));
      }
    };
  }

  private void assertNothingStored() throws IOException {
    assertThat(files.allFiles()).isEmpty();
    assertThat(store.demoIds()).isEmpty();
  }

  @Test
  void theRealDemoIsStoredWithItsSha256AndQueuedForAnalysis() throws Exception {
    Path real = SharedData.file("demos/et/scores_test.dm_84");
    byte[] bytes = Files.readAllBytes(real);

    UploadResult r;
    try (InputStream in = Files.newInputStream(real)) {
      r = intake(IntakeConfig.defaults()).accept("C:\\demos\\scores_test.dm_84", in);
    }

    assertThat(r.created()).isTrue();
    assertThat(r.demo().sha256()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
    assertThat(r.demo().originalFilename()).isEqualTo("scores_test.dm_84");
    assertThat(r.demo().extension()).isEqualTo(".dm_84");
    assertThat(r.demo().sizeBytes()).isEqualTo(bytes.length);
    assertThat(r.demo().status()).isEqualTo(DemoStatus.QUEUED);
    assertThat(Files.readAllBytes(files.original(r.demo().id(), ".dm_84"))).isEqualTo(bytes);
    assertThat(r.demo().id()).matches("[0-9a-f]{32}");
    assertThat(store.latestJobFor(JobKind.ANALYSIS, r.demo().id())).isPresent();
    assertThat(files.allFiles()).hasSize(1);
  }

  @Test
  void theSameBytesUploadedTwiceReturnTheExistingDemo() throws Exception {
    byte[] demo = TestDemos.generate(1, 20, "");
    DemoIntake intake = intake(IntakeConfig.defaults());

    UploadResult first = intake.accept("a.dm_84", new ByteArrayInputStream(demo));
    UploadResult second = intake.accept("b.tv_84", oneBytePerRead(demo));

    assertThat(second.created()).isFalse();
    assertThat(second.demo()).isEqualTo(first.demo());
    assertThat(store.demoIds()).hasSize(1);
    assertThat(files.allFiles()).hasSize(1);
  }

  @Test
  void aWrongExtensionIsRejectedBeforeReadingTheBody() throws Exception {
    CountingStream body = new CountingStream(new ByteArrayInputStream(TestDemos.generate(1, 3, "")));

    assertThatThrownBy(() -> intake(IntakeConfig.defaults()).accept("notes.txt", body))
        .isInstanceOf(UnsupportedExtensionException.class)
        .hasMessage("unsupported file extension '.txt' of 'notes.txt'; allowed: [.dm_84, .tv_84]")
        .extracting(e -> ((UploadRejectedException) e).code()).isEqualTo("unsupported_extension");
    assertThat(body.read).isZero();
    assertNothingStored();
  }

  @Test
  void anUploadOverTheCapIsRefusedAfterCapPlusOneBytes() throws Exception {
    CountingStream body = new CountingStream(new ByteArrayInputStream(TestDemos.generate(2, 200, "")));

    assertThatThrownBy(() -> intake(IntakeConfig.builder().maxUploadBytes(1000).build()).accept("big.dm_84", body))
        .isInstanceOf(UploadTooLargeException.class)
        .hasMessage("upload exceeds 1000 bytes (read 1001 so far; IntakeConfig.maxUploadBytes)");
    assertThat(body.read).isEqualTo(1001);
    assertNothingStored();
  }

  @Test
  void anUploadOfExactlyTheCapIsAccepted() throws Exception {
    byte[] demo = TestDemos.generate(3, 10, "");

    UploadResult r = intake(IntakeConfig.builder().maxUploadBytes(demo.length).build())
        .accept("x.dm_84", oneBytePerRead(demo));

    assertThat(r.demo().sizeBytes()).isEqualTo(demo.length);
  }

  @Test
  void anEmptyUploadIsRejected() throws Exception {
    assertThatThrownBy(() -> intake(IntakeConfig.defaults()).accept("e.dm_84", new ByteArrayInputStream(new byte[0])))
        .isInstanceOf(EmptyUploadException.class)
        .hasMessage("empty upload 'e.dm_84'");
    assertNothingStored();
  }

  @Test
  void aBadHeaderIsRejectedAndLeavesNothingBehind() throws Exception {
    byte[] text = "this is not a demo at all, just text".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    assertThatThrownBy(() -> intake(IntakeConfig.defaults()).accept("fake.dm_84", new ByteArrayInputStream(text)))
        .isInstanceOf(InvalidDemoHeaderException.class)
        .hasMessageStartingWith("invalid demo header at offset 4: first record length ");
    assertNothingStored();
  }

  @Test
  void aFullDiskIsRefusedBeforeReadingAByte() throws Exception {
    usable.set(3L * 1000 - 1);
    CountingStream body = new CountingStream(new ByteArrayInputStream(TestDemos.generate(4, 3, "")));

    assertThatThrownBy(() -> intake(IntakeConfig.builder().maxUploadBytes(1000).build()).accept("ok.txt", body))
        .isInstanceOf(InsufficientStorageException.class)
        .hasMessage("insufficient disk space: 2999 bytes usable, 3000 required (IntakeConfig.maxUploadBytes x freeSpaceFactor)");
    assertThat(body.read).isZero();
    assertNothingStored();
  }

  @Test
  void aStoreFailureAfterCommitRemovesTheFile() throws Exception {
    DemoStore failing = new DemoStore() {
      @Override
      public InsertResult insertDemo(NewDemo demo, int analysisPriority) {
        throw new IllegalStateException("database down");
      }

      @Override
      public Optional<DemoRecord> findDemo(String id) {
        return Optional.empty();
      }

      @Override
      public Optional<DemoRecord> findDemoBySha256(String sha256) {
        return Optional.empty();
      }

      @Override
      public List<String> demoIds() {
        return List.of();
      }

      @Override
      public boolean markDemoFailed(String id, String error) {
        return false;
      }
    };
    DemoIntake intake = new DemoIntake(IntakeConfig.defaults(), files, failing);

    assertThatThrownBy(() -> intake.accept("b.dm_84", new ByteArrayInputStream(TestDemos.generate(6, 3, ""))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("database down");
    assertThat(files.allFiles()).isEmpty();
    assertThat(files.demoIdsOnDisk()).isEmpty();
  }

  @Test
  void configRejectsBadSettingsNamingThem() {
    assertThatThrownBy(() -> IntakeConfig.builder().maxUploadBytes(0))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("maxUploadBytes < 1: 0");
    assertThatThrownBy(() -> IntakeConfig.builder().allowedExtensions(List.of("DM_84")))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("allowedExtensions: not a lower-case '.ext': DM_84");
    assertThatThrownBy(() -> IntakeConfig.builder().maxUploadBytes(Long.MAX_VALUE / 2).build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("overflows");
    assertThat(IntakeConfig.defaults().requiredFreeBytes()).isEqualTo(629_145_600L);
  }
}
