package dev.fragkit.adapters.fs.economy;

import dev.fragkit.economy.ledger.AccountId;
import dev.fragkit.economy.ledger.Ledger;
import dev.fragkit.economy.ledger.LedgerConfig;
import dev.fragkit.economy.ledger.StoreException;
import dev.fragkit.economy.ledger.TestClock;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Child JVM of {@link FsMigratorMultiProcessTest}. After "go" on stdin it either runs {@link
 * FsMigrator#migrate()} ({@code migrate} mode) or opens an {@link FsLedgerStore} ({@code store}
 * mode, retrying while another child has it open) with the real v1 plus the test migrations below,
 * opens its account, pays 10 into a shared pool and closes. Prints "done <versions it applied>".
 * Args: mode dir child.
 *
 * <p>Test migrations v2 and v3 append "start vN pid" and "done vN pid" to {@code effects.log} and
 * increment {@code counter-vN}; if {@code block-vN} exists the step prints "blocking vN" and blocks
 * between the two (the parent kills it there).
 */
public final class MigrationWorker {
  private MigrationWorker() {}

  static List<FsMigration> migrations() {
    return List.of(FsLedgerLayout.V1, testStep(2), testStep(3));
  }

  private static FsMigration testStep(int v) {
    return new FsMigration(v, "test step " + v, "append to effects.log, increment counter-v" + v, dir -> {
      long pid = ProcessHandle.current().pid();
      effect(dir, "start v" + v + " " + pid);
      if (Files.exists(dir.resolve("block-v" + v))) {
        System.out.println("blocking v" + v);
        System.out.flush();
        try {
          new CountDownLatch(1).await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException(e);
        }
      }
      Path counter = dir.resolve("counter-v" + v);
      int n = Files.exists(counter) ? Integer.parseInt(Files.readString(counter).strip()) : 0;
      AtomicFiles.write(counter, String.valueOf(n + 1).getBytes(StandardCharsets.UTF_8));
      effect(dir, "done v" + v + " " + pid);
    });
  }

  private static void effect(Path dir, String line) throws java.io.IOException {
    Files.writeString(dir.resolve("effects.log"), line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
        StandardOpenOption.APPEND, StandardOpenOption.SYNC);
  }

  public static void main(String[] args) throws Exception {
    String mode = args[0];
    Path dir = Path.of(args[1]);
    String child = args[2];
    System.out.println("ready");
    System.out.flush();
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    if (!"go".equals(in.readLine())) {
      throw new IllegalStateException("expected go");
    }
    List<Integer> applied;
    if (mode.equals("migrate")) {
      applied = FsMigrator.builder(dir, migrations()).build().migrate().applied().stream()
          .map(FsMigrator.Applied::version).toList();
    } else {
      FsLedgerStore store = openRetrying(dir);
      try {
        applied = store.migration().applied().stream().map(FsMigrator.Applied::version).toList();
        Ledger ledger = Ledger.builder(store).clock(TestClock.fixed())
            .config(LedgerConfig.builder().startingBalance(100).build()).build();
        AccountId me = AccountId.user("g", "u" + child);
        AccountId pool = AccountId.user("g", "pool");
        ledger.openAccount("open-pool", "g", "pool");
        ledger.openAccount("open-" + child, "g", "u" + child);
        ledger.transfer("t-" + child, me, pool, 10);
      } finally {
        store.close();
      }
    }
    System.out.println("done " + applied);
    System.out.flush();
  }

  private static FsLedgerStore openRetrying(Path dir) throws Exception {
    FsLedgerStoreOptions options = FsLedgerStoreOptions.builder().migrations(migrations()).build();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (true) {
      try {
        return FsLedgerStore.open(dir, options);
      } catch (StoreException e) {
        if (!e.getMessage().contains("is in use by another store instance") || System.nanoTime() > deadline) {
          throw e;
        }
        LockSupport.parkNanos(Duration.ofMillis(5).toNanos()); // poll: another child has the store open
      }
    }
  }
}
