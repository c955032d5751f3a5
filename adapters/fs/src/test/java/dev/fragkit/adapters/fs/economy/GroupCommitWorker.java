package dev.fragkit.adapters.fs.economy;

import dev.fragkit.economy.LedgerException;
import dev.fragkit.economy.ledger.AccountId;
import dev.fragkit.economy.ledger.Ledger;
import dev.fragkit.economy.ledger.LedgerConfig;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;

/**
 * Child JVM of {@link GroupCommitCrashTest}: 8 threads make transfers among 6 accounts on one
 * {@link FsLedgerStore} (so journal fsyncs are shared by concurrent commits) and print {@code ack
 * <operation id>} after each transfer returns, until killed. Args: directory run.
 */
public final class GroupCommitWorker {
  static final int ACCOUNTS = 6;
  static final int THREADS = 8;

  private GroupCommitWorker() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    String run = args[1];
    FsLedgerStore store = FsLedgerStore.open(dir);
    Ledger ledger = Ledger.builder(store)
        .config(LedgerConfig.builder().startingBalance(1_000).storeRetryWait(Duration.ZERO).build()).build();
    for (int a = 0; a < ACCOUNTS; a++) {
      ledger.openAccount("open-" + a, "g", "a" + a);
    }
    PrintStream out = System.out;
    out.println("ready");
    out.flush();
    for (int t = 0; t < THREADS; t++) {
      int thread = t;
      Thread worker = new Thread(() -> {
        Random rnd = new Random(thread * 7919L + run.hashCode());
        for (int i = 0; ; i++) {
          int x = rnd.nextInt(ACCOUNTS);
          int y = (x + 1 + rnd.nextInt(ACCOUNTS - 1)) % ACCOUNTS;
          String id = "r" + run + "-t" + thread + "-" + i;
          try {
            ledger.transfer(id, AccountId.user("g", "a" + x), AccountId.user("g", "a" + y), 1 + rnd.nextInt(5));
            synchronized (out) {
              out.println("ack " + id);
              out.flush();
            }
          } catch (LedgerException e) {
            // insufficient funds: rejected, nothing recorded
          }
        }
      }, "worker-" + t);
      worker.start();
    }
  }
}
