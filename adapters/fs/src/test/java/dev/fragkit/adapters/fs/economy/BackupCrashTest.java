package dev.fragkit.adapters.fs.economy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fragkit.economy.ledger.LedgerAudit;
import dev.fragkit.economy.ledger.TestClock;
import dev.fragkit.economy.ops.BackupCrashHarness;
import dev.fragkit.economy.ops.BackupNames;
import dev.fragkit.economy.ops.LedgerBackups.BackupInfo;
import java.math.BigInteger;
import java.nio.file.Path;
import java.nio.file.WatchService;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kills a child JVM that keeps transferring and taking backups with SIGKILL, 12 times: between
 * backups, or (when the random line count ends on {@code begin}) as soon as a {@code *.partial}
 * directory appears (a {@link WatchService}, no sleeping), i.e. while a backup is being written. Afterwards every backup the child saw complete is listed, every listed backup verifies and
 * restores into a fresh directory with money conserved and balances equal to the journal, and the
 * partial backups the kills left behind are not listed.
 */
class BackupCrashTest {
  private static final Logger LOG = LoggerFactory.getLogger(BackupCrashTest.class);
  private static final int KILLS = 12;

  @TempDir
  Path dir;

  @Test
  void backupsKilledMidWriteAreNeverListedAndCompletedOnesAllRestore() throws Exception {
    Random rnd = new Random(Long.getLong("fragkit.crash.seed", 11L));
    Path data = dir.resolve("data");
    Path backupDir = dir.resolve("backups");
    BackupCrashHarness.Kills kills = BackupCrashHarness.killRepeatedly(BackupCrashWorker.class, data, backupDir,
        KILLS, rnd);
    FsLedgerBackups backups = new FsLedgerBackups(data, backupDir, TestClock.fixed());
    List<BackupInfo> listed = backups.list();
    assertThat(kills.midWrite()).as("kills while a backup was being written").isPositive();
    assertThat(listed).extracting(BackupInfo::name).containsAll(kills.reported())
        .noneMatch(n -> n.endsWith(BackupNames.PARTIAL));
    int restored = 0;
    for (BackupInfo b : listed) {
      Path fresh = dir.resolve("restore-" + restored++);
      new FsLedgerBackups(fresh, backupDir, TestClock.fixed()).restore(b.name());
      try (FsLedgerStore store = FsLedgerStore.open(fresh)) {
        LedgerAudit audit = new LedgerAudit(store).checkAll("g", Set.of());
        assertThat(audit.mintedMinusBurned("g"))
            .isEqualTo(BigInteger.valueOf(BackupCrashHarness.STARTING_BALANCE * BackupCrashHarness.PLAYERS));
      }
    }
    try (FsLedgerStore store = FsLedgerStore.open(data)) {
      new LedgerAudit(store).checkAll("g", Set.of());
    }
    LOG.info("{} kills: {} backups reported complete, {} listed, all restored and audited; {} partial left by kills",
        KILLS, kills.reported().size(), listed.size(), kills.partialsLeft());
    LOG.info("{} of the kills landed after a *.partial directory appeared", kills.midWrite());
  }
}
