package dev.fragkit.adapters.fs.economy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fragkit.economy.ledger.AccountId;
import dev.fragkit.economy.ledger.LedgerAudit;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several child JVMs ({@link MigrationWorker}) migrate or open one fresh directory at the same
 * moment: every migration runs exactly once (history and side effects), and a child SIGKILLed in
 * the middle of a step leaves it to the next start, which completes it exactly once.
 */
class FsMigratorMultiProcessTest {
  private static final int PROCESSES = 4;

  @TempDir
  Path dir;

  @Test
  void processesMigratingTogetherRunEachMigrationOnce() throws Exception {
    List<String> results = runTogether("migrate");
    assertThat(results).filteredOn(r -> r.equals("done [1, 2, 3]")).hasSize(1);
    assertThat(results).filteredOn(r -> r.equals("done []")).hasSize(PROCESSES - 1);
    assertRanOnce();
  }

  @Test
  void storesStartingTogetherMigrateOnceAndAllCommit() throws Exception {
    List<String> results = runTogether("store");
    assertThat(results).filteredOn(r -> r.equals("done [1, 2, 3]")).hasSize(1);
    assertThat(results).filteredOn(r -> r.equals("done []")).hasSize(PROCESSES - 1);
    assertRanOnce();
    FsLedgerStoreOptions options = FsLedgerStoreOptions.builder().migrations(MigrationWorker.migrations()).build();
    try (FsLedgerStore store = FsLedgerStore.open(dir, options)) {
      assertThat(store.migration().applied()).isEmpty();
      for (int i = 0; i < PROCESSES; i++) {
        assertThat(store.receipt("t-" + i)).as("transfer of child %d", i).isPresent();
        assertThat(store.balance(AccountId.user("g", "u" + i))).hasValue(90);
      }
      assertThat(store.balance(AccountId.user("g", "pool"))).hasValue(100 + 10L * PROCESSES);
      new LedgerAudit(store).checkAll("g", Set.of());
    }
  }

  @Test
  void aStepKilledHalfwayIsCompletedOnceAtTheNextStart() throws Exception {
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("block-v2"), "");
    Process child = start("store", 0);
    try (BufferedReader out = reader(child)) {
      assertThat(out.readLine()).isEqualTo("ready");
      go(child);
      assertThat(out.readLine()).isEqualTo("blocking v2");
      child.destroyForcibly();
      assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
    }
    FsMigrator.History killed = FsMigrator.builder(dir, MigrationWorker.migrations()).build().history();
    assertThat(killed.version()).isEqualTo(1);
    assertThat(killed.inProgress()).isNotNull();
    assertThat(killed.inProgress().version()).isEqualTo(2);
    assertThat(effects()).containsExactly("start v2 " + child.pid());

    Files.delete(dir.resolve("block-v2"));
    Process restart = start("store", 1);
    try (BufferedReader out = reader(restart)) {
      assertThat(out.readLine()).isEqualTo("ready");
      go(restart);
      assertThat(out.readLine()).isEqualTo("done [2, 3]");
      assertThat(restart.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(restart.exitValue()).isZero();
    }
    FsMigrator.History history = FsMigrator.builder(dir, MigrationWorker.migrations()).build().history();
    assertThat(history.applied()).extracting(FsMigrator.Applied::version).containsExactly(1, 2, 3);
    assertThat(history.applied()).extracting(FsMigrator.Applied::attempts).containsExactly(1, 2, 1);
    assertThat(history.inProgress()).isNull();
    assertThat(effects()).containsExactly("start v2 " + child.pid(), "start v2 " + restart.pid(),
        "done v2 " + restart.pid(), "start v3 " + restart.pid(), "done v3 " + restart.pid());
    assertThat(Files.readString(dir.resolve("counter-v2"))).isEqualTo("1");
    FsLedgerStoreOptions options = FsLedgerStoreOptions.builder().migrations(MigrationWorker.migrations()).build();
    try (FsLedgerStore store = FsLedgerStore.open(dir, options)) {
      assertThat(store.migration().applied()).isEmpty();
      assertThat(store.receipt("t-1")).isPresent();
      new LedgerAudit(store).checkAll("g", Set.of());
    }
  }

  private void assertRanOnce() throws Exception {
    FsMigrator.History history = FsMigrator.builder(dir, MigrationWorker.migrations()).build().history();
    assertThat(history.applied()).extracting(FsMigrator.Applied::version).containsExactly(1, 2, 3);
    assertThat(history.applied()).extracting(FsMigrator.Applied::attempts).containsExactly(1, 1, 1);
    assertThat(history.inProgress()).isNull();
    List<String> effects = effects();
    assertThat(effects).hasSize(4);
    for (String step : List.of("start v2", "done v2", "start v3", "done v3")) {
      assertThat(effects).filteredOn(e -> e.startsWith(step + " ")).hasSize(1);
    }
    assertThat(Files.readString(dir.resolve("counter-v2"))).isEqualTo("1");
    assertThat(Files.readString(dir.resolve("counter-v3"))).isEqualTo("1");
  }

  private List<String> effects() throws Exception {
    return Files.readAllLines(dir.resolve("effects.log"), StandardCharsets.UTF_8);
  }

  /** Starts the children, waits until all are ready, releases them at once, returns their results. */
  private List<String> runTogether(String mode) throws Exception {
    List<Process> children = new ArrayList<>();
    List<BufferedReader> outs = new ArrayList<>();
    try {
      for (int i = 0; i < PROCESSES; i++) {
        Process p = start(mode, i);
        children.add(p);
        outs.add(reader(p));
      }
      for (BufferedReader out : outs) {
        assertThat(out.readLine()).isEqualTo("ready");
      }
      for (Process p : children) {
        go(p);
      }
      List<String> results = new ArrayList<>();
      for (int i = 0; i < PROCESSES; i++) {
        results.add(outs.get(i).readLine());
        assertThat(children.get(i).waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(children.get(i).exitValue()).as("child %d exit", i).isZero();
      }
      return results;
    } finally {
      children.forEach(Process::destroyForcibly);
    }
  }

  private Process start(String mode, int child) throws Exception {
    return new ProcessBuilder(FsLeaseStoreMultiProcessTest.javaBin(), "-XX:TieredStopAtLevel=1",
        "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), MigrationWorker.class.getName(), mode,
        dir.toString(), String.valueOf(child))
        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
  }

  private static BufferedReader reader(Process p) {
    return new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
  }

  private static void go(Process p) throws Exception {
    OutputStream in = p.getOutputStream();
    in.write("go\n".getBytes(StandardCharsets.UTF_8));
    in.flush();
  }
}
