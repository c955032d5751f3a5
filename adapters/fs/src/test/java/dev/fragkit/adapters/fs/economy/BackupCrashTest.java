package dev.fragkit.adapters.fs.economy;

import static org.assertj.core.api.Assertions.assertThat;

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
    List<String> reported = new ArrayList<>();
    Files.createDirectories(backupDir);
    int midWrite = 0;
    for (int run = 1; run <= KILLS; run++) {
      Process child = new ProcessBuilder(javaBin(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto",
          "-cp", System.getProperty("java.class.path"), BackupCrashWorker.class.getName(), data.toString(),
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

    FsLedgerBackups backups = new FsLedgerBackups(data, backupDir, TestClock.fixed());
    List<BackupInfo> listed = backups.list();
    assertThat(midWrite).as("kills while a backup was being written").isPositive();
    assertThat(listed).extracting(BackupInfo::name).containsAll(reported)
        .noneMatch(n -> n.endsWith(BackupNames.PARTIAL));
    long partials;
    try (Stream<Path> s = Files.list(backupDir)) {
      partials = s.filter(p -> p.getFileName().toString().endsWith(BackupNames.PARTIAL)).count();
    }
    int restored = 0;
    for (BackupInfo b : listed) {
      Path fresh = dir.resolve("restore-" + restored++);
      new FsLedgerBackups(fresh, backupDir, TestClock.fixed()).restore(b.name());
      try (FsLedgerStore store = FsLedgerStore.open(fresh)) {
        LedgerAudit audit = new LedgerAudit(store).checkAll("g", Set.of());
        assertThat(audit.mintedMinusBurned("g")).isEqualTo(BigInteger.valueOf(1_000L * BackupCrashWorker.PLAYERS));
      }
    }
    try (FsLedgerStore store = FsLedgerStore.open(data)) {
      new LedgerAudit(store).checkAll("g", Set.of());
    }
    LOG.info("{} kills: {} backups reported complete, {} listed, all restored and audited; {} partial left by kills",
        KILLS, reported.size(), listed.size(), partials);
    LOG.info("{} of the kills landed after a *.partial directory appeared", midWrite);
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
