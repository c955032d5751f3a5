package dev.fragkit.adapters.fs.economy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fragkit.economy.ledger.AccountId;
import dev.fragkit.economy.ledger.Ledger;
import dev.fragkit.economy.ledger.LedgerConfig;
import dev.fragkit.economy.ledger.LedgerStore;
import dev.fragkit.economy.ledger.TestClock;
import dev.fragkit.economy.ops.BackupException;
import dev.fragkit.economy.ops.HealthRegistry;
import dev.fragkit.economy.ops.HealthStatus;
import dev.fragkit.economy.ops.LedgerBackups;
import dev.fragkit.economy.ops.LedgerBackupsContractTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The backup contract on the file store, plus what only the file layout has. */
class FsLedgerBackupsTest extends LedgerBackupsContractTest {
  @TempDir
  Path root;

  private final AtomicInteger dirs = new AtomicInteger();

  @Override
  protected Target newTarget(Path backupDir, Clock clock) {
    Path data = root.resolve("data-" + dirs.incrementAndGet());
    FsLedgerBackups backups = new FsLedgerBackups(data, backupDir, clock);
    return new Target() {
      private @Nullable FsLedgerStore store;

      @Override
      public LedgerStore openStore() {
        try {
          store = FsLedgerStore.open(data);
          return store;
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }

      @Override
      public void closeStore() {
        if (store != null) {
          store.close();
        }
      }

      @Override
      public LedgerBackups backups() {
        return backups;
      }

      @Override
      public void close() {
        closeStore();
      }
    };
  }

  @Test
  void restoreRefusesAnOpenStoreAndChangesNothing() throws Exception {
    TestClock clock = TestClock.fixed();
    Path data = root.resolve("open");
    FsLedgerBackups backups = new FsLedgerBackups(data, root.resolve("open-backups"), clock);
    try (FsLedgerStore store = FsLedgerStore.open(data)) {
      Ledger l = Ledger.builder(store).clock(clock).config(LedgerConfig.builder().startingBalance(100).build()).build();
      l.openAccount("oa", "g", "a");
      String name = backups.create().name();
      l.openAccount("ob", "g", "b");
      assertThatThrownBy(() -> backups.restore(name)).isInstanceOf(BackupException.class)
          .hasMessage("backup " + name + ": cannot restore into " + data + ": the store is open");
      assertThat(store.balance(AccountId.user("g", "b"))).hasValue(100);
    }
    assertThat(backups.list()).hasSize(1);
  }

  @Test
  void backingUpADirectoryWithoutAStoreIsATypedError() {
    FsLedgerBackups backups = new FsLedgerBackups(root.resolve("nothing"), root.resolve("b"), TestClock.fixed());
    assertThatThrownBy(backups::create).isInstanceOf(BackupException.class)
        .hasMessage("no ledger snapshot " + root.resolve("nothing").resolve("snapshot.json") + " to back up");
  }

  @Test
  void fileHealthChecksMeasureRealFreeSpaceAndFileSizes() throws Exception {
    TestClock clock = TestClock.fixed();
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
