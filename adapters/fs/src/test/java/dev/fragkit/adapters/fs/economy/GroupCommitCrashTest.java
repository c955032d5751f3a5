package dev.fragkit.adapters.fs.economy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fragkit.economy.ledger.LedgerAudit;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Group commit must not acknowledge early: a child JVM with 8 threads making concurrent transfers
 * (sharing journal fsyncs) is killed with SIGKILL after a random number of acknowledged transfers,
 * 8 times; after each restart every acknowledged transfer has its receipt and journal entry, and
 * the invariants hold.
 */
class GroupCommitCrashTest {
  private static final int KILLS = 8;

  @TempDir
  Path dir;

  @Test
  void everyAcknowledgedConcurrentCommitSurvivesSigkill() throws Exception {
    Random rnd = new Random(Long.getLong("fragkit.crash.seed", 11L));
    List<String> acknowledged = new ArrayList<>();
    for (int run = 1; run <= KILLS; run++) {
      Process child = new ProcessBuilder(javaBin(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto",
          "-cp", System.getProperty("java.class.path"), GroupCommitWorker.class.getName(), dir.toString(),
          String.valueOf(run))
          .redirectError(ProcessBuilder.Redirect.DISCARD).start();
      int killAfter = 20 + rnd.nextInt(300);
      int acks = 0;
      try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while (acks < killAfter && (line = out.readLine()) != null) {
          if (line.startsWith("ack ")) {
            acknowledged.add(line.substring(4));
            acks++;
          }
        }
        child.destroyForcibly();
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
      }
      assertThat(acks).as("run %d ended early", run).isEqualTo(killAfter);
      try (FsLedgerStore store = FsLedgerStore.open(dir)) {
        LedgerAudit audit = new LedgerAudit(store).checkAll("g", Set.of());
        for (String id : acknowledged) {
          assertThat(store.receipt(id)).as("receipt of acknowledged %s after run %d", id, run).isPresent();
          assertThat(audit.entriesOf(id)).as("journal entries of acknowledged %s", id).isEqualTo(1);
        }
      }
    }
    assertThat(acknowledged).hasSizeGreaterThan(KILLS * 20);
  }

  private static String javaBin() {
    return System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
  }
}
