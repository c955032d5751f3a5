package dev.fragkit.adapters.jdbc.economy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fragkit.adapters.jdbc.JdbcDatabase;
import dev.fragkit.adapters.jdbc.TestDatabases;
import dev.fragkit.economy.ledger.LedgerAudit;
import dev.fragkit.economy.ledger.TestClock;
import dev.fragkit.economy.ops.BackupNames;
import dev.fragkit.economy.ops.LedgerBackups.BackupInfo;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
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
    List<String> reported = new ArrayList<>();
    Files.createDirectories(backupDir);
    int midWrite = 0;
    for (int run = 1; run <= KILLS; run++) {
      Process child = new ProcessBuilder(javaBin(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto",
          "-cp", System.getProperty("java.class.path"), JdbcBackupCrashWorker.class.getName(), data.toString(),
          backupDir.toString(), String.valueOf(run), String.valueOf(rnd.nextLong()))
          .redirectError(ProcessBuilder.Redirect.DISCARD).start();
      int killAfter = 1 + rnd.nextInt(10); // lines: after "begin" the kill lands inside create()
      List<String> lines = new ArrayList<>();
      try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
          StandardCharsets.UTF_8))) {
        String line;
        try (WatchService watch = backupDir.getFileSystem().newWatchService()) {
          backupDir.register(watch, StandardWatchEventKinds.ENTRY_CREATE);
          while (lines.size() < killAfter && (line = out.readLine()) != null) {
            lines.add(line);
          }
          if (lines.get(lines.size() - 1).equals("begin")) {
            // kill while a backup is being written: when its *.partial directory appears
            midWrite += awaitPartial(watch) ? 1 : 0;
          }
          child.destroyForcibly();
        }
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
      }
      assertThat(lines).as("run %d ended early", run).hasSize(killAfter)
          .allMatch(l -> l.equals("begin") || l.startsWith("backup "));
      lines.stream().filter(l -> l.startsWith("backup ")).forEach(l -> reported.add(l.substring("backup ".length())));
    }

    long partials;
    try (Stream<Path> s = Files.list(backupDir)) {
      partials = s.filter(p -> p.getFileName().toString().endsWith(BackupNames.PARTIAL)).count();
    }
    List<BackupInfo> listed;
    try (JdbcDatabase lister = TestDatabases.fresh(TestDatabases.Engine.H2)) {
      listed = JdbcLedgerBackups.open(lister, backupDir, TestClock.fixed()).list();
    }
    assertThat(midWrite).as("kills while a backup was being written").isPositive();
    assertThat(listed).extracting(BackupInfo::name).containsAll(reported)
        .noneMatch(n -> n.endsWith(BackupNames.PARTIAL));
    for (BackupInfo b : listed) {
      try (JdbcDatabase fresh = TestDatabases.fresh(TestDatabases.Engine.H2)) {
        JdbcLedgerBackups.open(fresh, backupDir, TestClock.fixed()).restore(b.name());
        LedgerAudit audit = new LedgerAudit(JdbcLedgerStore.open(fresh)).checkAll("g", Set.of());
        assertThat(audit.mintedMinusBurned("g")).isEqualTo(BigInteger.valueOf(1_000L * JdbcBackupCrashWorker.PLAYERS));
      }
    }
    try (JdbcDatabase db = JdbcDatabase.embedded(data)) {
      new LedgerAudit(JdbcLedgerStore.open(db)).checkAll("g", Set.of());
    }
    LOG.info("{} kills: {} backups reported complete, {} listed, all restored and"
        + " audited; {} partial left by kills; {} kills landed after a *.partial directory appeared", KILLS,
        reported.size(), listed.size(), partials, midWrite);
  }

  /** Waits (up to 60 s) until a {@code *.partial} entry is created in the watched directory. */
  private static boolean awaitPartial(WatchService watch) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      WatchKey key = watch.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
      if (key == null) {
        return false;
      }
      boolean seen = key.pollEvents().stream()
          .anyMatch(e -> e.context().toString().endsWith(BackupNames.PARTIAL));
      key.reset();
      if (seen) {
        return true;
      }
    }
    return false;
  }

  private static String javaBin() {
    return System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
  }
}
