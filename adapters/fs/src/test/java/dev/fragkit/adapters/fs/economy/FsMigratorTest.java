package dev.fragkit.adapters.fs.economy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fragkit.economy.ledger.AccountId;
import dev.fragkit.economy.ledger.Ledger;
import dev.fragkit.economy.ledger.LedgerConfig;
import dev.fragkit.economy.ledger.TestClock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FsMigratorTest {
  @TempDir
  Path dir;

  private final List<String> ran = new ArrayList<>();

  private FsMigration step(int version, String definition) {
    return new FsMigration(version, "step " + version, definition, d -> {
      ran.add("v" + version);
      Files.writeString(d.resolve("effects"), "v" + version + "\n", StandardCharsets.UTF_8,
          StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    });
  }

  private FsMigrator migrator(FsMigration... steps) {
    return FsMigrator.builder(dir, List.of(steps)).clock(TestClock.fixed()).appliedBy("test").build();
  }

  @Test
  void pendingMigrationsRunInOrderOnceAndAreRecorded() throws Exception {
    FsMigrator.Result first = migrator(step(1, "a"), step(2, "b")).migrate();
    assertThat(first.fromVersion()).isZero();
    assertThat(first.toVersion()).isEqualTo(2);
    assertThat(first.applied()).extracting(FsMigrator.Applied::version).containsExactly(1, 2);
    FsMigrator.Result again = migrator(step(1, "a"), step(2, "b"), step(3, "c")).migrate();
    assertThat(again.fromVersion()).isEqualTo(2);
    assertThat(again.applied()).extracting(FsMigrator.Applied::version).containsExactly(3);
    assertThat(migrator(step(1, "a"), step(2, "b"), step(3, "c")).migrate().applied()).isEmpty();
    assertThat(ran).containsExactly("v1", "v2", "v3");
    FsMigrator.History h = migrator(step(1, "a"), step(2, "b"), step(3, "c")).history();
    assertThat(h.version()).isEqualTo(3);
    assertThat(h.inProgress()).isNull();
    FsMigrator.Applied v2 = h.applied().get(1);
    assertThat(v2).isEqualTo(new FsMigrator.Applied(2, "step 2", step(2, "b").checksum(), TestClock.START, "test", 1));
    assertThat(v2.checksum()).hasSize(64).isNotEqualTo(step(2, "b2").checksum());
    String json = Files.readString(dir.resolve(FsMigrator.HISTORY));
    assertThat(json).contains("\"version\" : 3", "\"appliedAt\" : \"2026-01-01T00:00:00Z\"", "\"appliedBy\" : \"test\"");
  }

  @Test
  void aChangedMigrationIsRefusedNamingTheVersionAndBothChecksums() throws Exception {
    migrator(step(1, "a"), step(2, "b")).migrate();
    String recorded = step(2, "b").checksum();
    String code = step(2, "b, edited").checksum();
    assertThatThrownBy(() -> migrator(step(1, "a"), step(2, "b, edited"), step(3, "c")).migrate())
        .isInstanceOfSatisfying(MigrationChecksumException.class, e -> {
          assertThat(e.version()).isEqualTo(2);
          assertThat(e.recordedChecksum()).isEqualTo(recorded);
          assertThat(e.codeChecksum()).isEqualTo(code);
          assertThat(e.key()).contains("migration v2");
        })
        .hasMessage("migration v2 (step 2) in " + dir + " was applied with checksum " + recorded
            + " but the code's checksum is " + code);
    assertThat(ran).containsExactly("v1", "v2");
  }

  @Test
  void dataMigratedByNewerCodeIsRefused() throws Exception {
    migrator(step(1, "a"), step(2, "b"), step(3, "c")).migrate();
    assertThatThrownBy(() -> migrator(step(1, "a"), step(2, "b")).migrate())
        .isInstanceOfSatisfying(DataNewerThanCodeException.class, e -> {
          assertThat(e.version()).isEqualTo(3);
          assertThat(e.codeVersion()).isEqualTo(2);
        })
        .hasMessage("store " + dir + " is at layout version 3 but this code knows versions up to 2; upgrade the code");
  }

  @Test
  void aStepThatFailsIsRunAgainNextTimeAndCountedAsASecondAttempt() throws Exception {
    FsMigration failing = new FsMigration(2, "step 2", "b", d -> {
      throw new IOException("disk full");
    });
    assertThatThrownBy(() -> migrator(step(1, "a"), failing).migrate()).isInstanceOf(IOException.class)
        .hasMessage("disk full");
    FsMigrator.History h = migrator(step(1, "a"), failing).history();
    assertThat(h.version()).isEqualTo(1);
    assertThat(h.inProgress()).isEqualTo(new FsMigrator.Started(2, TestClock.START, "test", 1));
    FsMigrator.Result r = migrator(step(1, "a"), step(2, "b")).migrate();
    assertThat(r.applied()).containsExactly(new FsMigrator.Applied(2, "step 2", step(2, "b").checksum(),
        TestClock.START, "test", 2));
    assertThat(migrator(step(1, "a"), step(2, "b")).history().inProgress()).isNull();
  }

  @Test
  void aMalformedHistoryIsRefusedNamingTheFileAndField() throws Exception {
    Path history = dir.resolve(FsMigrator.HISTORY);
    Files.writeString(history, "{\"migrations\":[{\"version\":1,\"description\":\"x\"}]}");
    assertThatThrownBy(() -> migrator(step(1, "a")).migrate()).isInstanceOf(MigrationHistoryException.class)
        .hasMessage(history + ": migrations[0].checksum is missing");
    Files.writeString(history, "{\"migrations\":[{\"version\":2,\"description\":\"x\",\"checksum\":\"c\","
        + "\"appliedAt\":\"2026-01-01T00:00:00Z\",\"appliedBy\":\"t\",\"attempts\":1}]}");
    assertThatThrownBy(() -> migrator(step(1, "a"), step(2, "b")).migrate())
        .isInstanceOf(MigrationHistoryException.class)
        .hasMessage(history + ": migrations[0] has version 2, expected 1 (versions are recorded 1, 2, 3, … in order)");
    Files.writeString(history, "{\"migrations\":[");
    assertThatThrownBy(() -> migrator(step(1, "a")).migrate()).isInstanceOf(MigrationHistoryException.class)
        .hasMessageStartingWith(history + " is not valid JSON at line 1");
    assertThat(ran).isEmpty();
  }

  @Test
  void migrationListsMustBeNumberedOneTwoThree() {
    assertThatThrownBy(() -> FsMigrator.builder(dir, List.of(step(1, "a"), step(3, "c"))).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("migrations[1] has version 3, expected 2 (versions must be 1, 2, 3, … in order)");
    assertThatThrownBy(() -> new FsMigration(1, "two\nlines", "d", d -> { }))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("description must be one non-blank line: \"two\nlines\"");
    assertThatThrownBy(() -> new FsMigration(0, "x", "d", d -> { }))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("version < 1: 0");
  }

  @Test
  void aLedgerDirectoryWrittenBeforeMigrationsWereTrackedIsAdoptedAsV1() throws Exception {
    try (FsLedgerStore store = FsLedgerStore.open(dir)) {
      Ledger.builder(store).clock(TestClock.fixed()).config(LedgerConfig.builder().startingBalance(100).build())
          .build().openAccount("oa", "g", "a");
    }
    Files.delete(dir.resolve(FsMigrator.HISTORY));
    try (FsLedgerStore store = FsLedgerStore.open(dir)) {
      assertThat(store.migration().fromVersion()).isZero();
      assertThat(store.migration().applied()).extracting(FsMigrator.Applied::version).containsExactly(1);
      assertThat(store.balance(AccountId.user("g", "a"))).hasValue(100);
    }
    try (FsLedgerStore store = FsLedgerStore.open(dir)) {
      assertThat(store.migration().fromVersion()).isEqualTo(1);
      assertThat(store.migration().applied()).isEmpty();
    }
  }

  @Test
  void aLedgerDirectoryFromNewerCodeIsNotOpened() throws Exception {
    FsLedgerStore.open(dir).close();
    FsMigration v2 = step(2, "newer layout");
    FsLedgerStore.open(dir, FsLedgerStoreOptions.builder().migrations(List.of(FsLedgerLayout.V1, v2)).build()).close();
    byte[] snapshot = Files.readAllBytes(dir.resolve("snapshot.json"));
    assertThatThrownBy(() -> FsLedgerStore.open(dir)).isInstanceOf(DataNewerThanCodeException.class)
        .hasMessageContaining("is at layout version 2 but this code knows versions up to 1");
    assertThat(Files.readAllBytes(dir.resolve("snapshot.json"))).isEqualTo(snapshot);
    FsLedgerStore.open(dir, FsLedgerStoreOptions.builder().migrations(List.of(FsLedgerLayout.V1, v2)).build()).close();
  }
}
