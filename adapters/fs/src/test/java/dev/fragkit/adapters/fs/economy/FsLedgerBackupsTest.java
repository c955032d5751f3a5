package dev.fragkit.adapters.fs.economy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fragkit.economy.ledger.AccountId;
import dev.fragkit.economy.ledger.Ledger;
import dev.fragkit.economy.ledger.LedgerAudit;
import dev.fragkit.economy.ledger.LedgerConfig;
import dev.fragkit.economy.ledger.StoreException;
import dev.fragkit.economy.ledger.TestClock;
import dev.fragkit.economy.ops.HealthRegistry;
import dev.fragkit.economy.ops.HealthStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FsLedgerBackupsTest {
  @TempDir
  Path root;

  private final TestClock clock = TestClock.fixed();
  private final AccountId a = AccountId.user("g", "a");
  private final AccountId b = AccountId.user("g", "b");

  private Ledger ledger(FsLedgerStore store) {
    return Ledger.builder(store).clock(clock).config(LedgerConfig.builder().startingBalance(100).build()).build();
  }

  @Test
  void backupOfARunningStoreRestoresAfterVerifyingAndKeepingThePreRestoreFiles() throws Exception {
    Path data = root.resolve("data");
    FsLedgerBackups backups = new FsLedgerBackups(data, root.resolve("backups"), clock);
    FsLedgerBackups.Backup backup;
    try (FsLedgerStore store = FsLedgerStore.open(data)) {
      Ledger l = ledger(store);
      l.openAccount("oa", "g", "a");
      l.openAccount("ob", "g", "b");
      l.transfer("t1", a, b, 10);
      backup = backups.create();
      l.transfer("t2", a, b, 50);
      assertThat(backup.files()).extracting(FsLedgerBackups.Entry::file).contains("snapshot.json");
      assertThat(backup.files()).allSatisfy(e ->
          assertThat(e.sha256()).isEqualTo(FsLedgerBackups.sha256(Files.readAllBytes(
              root.resolve("backups").resolve(backup.name()).resolve(e.file())))));
      assertThatThrownBy(() -> backups.restore(backup.name())).isInstanceOf(StoreException.class)
          .hasMessageContaining("the store is open");
    }
    Path kept = backups.restore(backup.name());
    assertThat(Files.list(kept).count()).isGreaterThanOrEqualTo(2);
    try (FsLedgerStore store = FsLedgerStore.open(data)) {
      assertThat(store.balance(a).getAsLong()).isEqualTo(90);
      assertThat(store.receipt("t2")).isEmpty();
      new LedgerAudit(store).checkAll("g", Set.of());
    }
  }

  @Test
  void aTamperedBackupIsRefusedBeforeAnythingIsTouched() throws Exception {
    Path data = root.resolve("data");
    FsLedgerBackups backups = new FsLedgerBackups(data, root.resolve("backups"), clock);
    FsLedgerBackups.Backup backup;
    try (FsLedgerStore store = FsLedgerStore.open(data)) {
      ledger(store).openAccount("oa", "g", "a");
      backup = backups.create();
      ledger(store).openAccount("ob", "g", "b");
    }
    String journal = backup.files().get(1).file();
    Path file = root.resolve("backups").resolve(backup.name()).resolve(journal);
    String text = Files.readString(file);
    assertThat(text).contains("\"g/a\",100]");
    Files.writeString(file, text.replace("\"g/a\",100]", "\"g/a\",999]"));
    assertThatThrownBy(() -> backups.restore(backup.name())).isInstanceOf(StoreException.class)
        .hasMessage("backup " + backup.name() + ": " + journal + " does not match its manifest (SHA-256)");
    try (FsLedgerStore store = FsLedgerStore.open(data)) {
      assertThat(store.balance(b)).isPresent();
    }
  }

  @Test
  void listStatsAndSevenDayRetention() throws Exception {
    Path data = root.resolve("data");
    FsLedgerBackups backups = new FsLedgerBackups(data, root.resolve("backups"), clock);
    try (FsLedgerStore store = FsLedgerStore.open(data)) {
      ledger(store).openAccount("oa", "g", "a");
      for (int day = 0; day < 9; day++) {
        backups.create();
        clock.advance(Duration.ofDays(1));
      }
    }
    assertThat(backups.list()).hasSize(9);
    assertThat(backups.list().get(0).at()).isAfter(backups.list().get(8).at());
    assertThat(backups.prune()).hasSize(2);
    FsLedgerBackups.Stats stats = backups.stats();
    assertThat(stats.count()).isEqualTo(7);
    assertThat(stats.oldest()).isEqualTo(TestClock.START.plus(Duration.ofDays(2)));
    assertThat(stats.totalBytes()).isPositive();
  }

  @Test
  void fileHealthChecksMeasureRealFreeSpaceAndFileSizes() throws Exception {
    Files.writeString(root.resolve("big.json"), "x".repeat(2_000));
    HealthRegistry ok = new HealthRegistry(clock)
        .register("disk", FsHealthChecks.freeSpace(root, 1, 0))
        .register("size", FsHealthChecks.largeFiles(root, 10_000));
    assertThat(ok.run().status()).isEqualTo(HealthStatus.OK);
    HealthRegistry bad = new HealthRegistry(clock)
        .register("disk", FsHealthChecks.freeSpace(root, Long.MAX_VALUE, Long.MAX_VALUE))
        .register("size", FsHealthChecks.largeFiles(root, 1_000));
    var report = bad.run();
    assertThat(report.status()).isEqualTo(HealthStatus.CRITICAL);
    assertThat(report.results().get(1).status()).isEqualTo(HealthStatus.WARN);
    assertThat(report.results().get(1).message()).isEqualTo("files above 1000 bytes: [big.json (2000 bytes)]");
  }
}
