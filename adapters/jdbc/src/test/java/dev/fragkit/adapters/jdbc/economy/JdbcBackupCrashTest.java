package dev.fragkit.adapters.jdbc.economy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fragkit.adapters.jdbc.JdbcDatabase;
import dev.fragkit.adapters.jdbc.TestDatabases;
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
 * Kills a child JVM that keeps transferring on an embedded H2 database and taking backups with
 * SIGKILL, 6 times: between backups, or as soon as a {@code *.partial} directory appears (a {@link
 * WatchService}, no sleeping), i.e. while a backup is being written. Afterwards every backup the child saw complete is listed, and
 * every listed backup verifies and restores into a fresh database with money conserved and
 * balances equal to the journal; partial backups left by the kills are never listed.
 */
class JdbcBackupCrashTest {
  private static final Logger LOG = LoggerFactory.getLogger(JdbcBackupCrashTest.class);
  private static final int KILLS = 6;

  @TempDir
  Path dir;

  @Test
  void backupsKilledMidWriteAreNeverListedAndCompletedOnesAllRestore() throws Exception {
    Random rnd = new Random(Long.getLong("fragkit.crash.seed", 12L));
    Path data = dir.resolve("db");
    Path backupDir = dir.resolve("backups");
    BackupCrashHarness.Kills kills = BackupCrashHarness.killRepeatedly(JdbcBackupCrashWorker.class, data, backupDir,
        KILLS, rnd);
    List<BackupInfo> listed;
    try (JdbcDatabase lister = TestDatabases.fresh(TestDatabases.Engine.H2)) {
      listed = JdbcLedgerBackups.open(lister, backupDir, TestClock.fixed()).list();
    }
    assertThat(kills.midWrite()).as("kills while a backup was being written").isPositive();
    assertThat(listed).extracting(BackupInfo::name).containsAll(kills.reported())
        .noneMatch(n -> n.endsWith(BackupNames.PARTIAL));
    for (BackupInfo b : listed) {
      try (JdbcDatabase fresh = TestDatabases.fresh(TestDatabases.Engine.H2)) {
        JdbcLedgerBackups.open(fresh, backupDir, TestClock.fixed()).restore(b.name());
        LedgerAudit audit = new LedgerAudit(JdbcLedgerStore.open(fresh)).checkAll("g", Set.of());
        assertThat(audit.mintedMinusBurned("g"))
            .isEqualTo(BigInteger.valueOf(BackupCrashHarness.STARTING_BALANCE * BackupCrashHarness.PLAYERS));
      }
    }
    try (JdbcDatabase db = JdbcDatabase.embedded(data)) {
      new LedgerAudit(JdbcLedgerStore.open(db)).checkAll("g", Set.of());
    }
    LOG.info("{} kills: {} backups reported complete, {} listed, all restored and"
        + " audited; {} partial left by kills; {} kills landed after a *.partial directory appeared", KILLS,
        kills.reported().size(), listed.size(), kills.partialsLeft(), kills.midWrite());
  }
}
