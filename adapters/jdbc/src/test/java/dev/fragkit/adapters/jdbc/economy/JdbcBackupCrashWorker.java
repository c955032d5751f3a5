package dev.fragkit.adapters.jdbc.economy;

import dev.fragkit.adapters.jdbc.JdbcDatabase;
import dev.fragkit.economy.ledger.AccountId;
import dev.fragkit.economy.ledger.InsufficientFundsException;
import dev.fragkit.economy.ledger.Ledger;
import dev.fragkit.economy.ledger.LedgerConfig;
import dev.fragkit.economy.ledger.TestClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;

/**
 * Child JVM of {@link JdbcBackupCrashTest}: on the embedded H2 database in a directory, alternates
 * transfers and backups forever, printing {@code begin} before and {@code backup <name>} after each
 * backup, until it is killed. Args: database directory, backup directory, run, seed.
 */
public final class JdbcBackupCrashWorker {
  static final int PLAYERS = 4;

  private JdbcBackupCrashWorker() {}

  public static void main(String[] args) {
    Path data = Path.of(args[0]);
    Path backupDir = Path.of(args[1]);
    int run = Integer.parseInt(args[2]);
    Random rnd = new Random(Long.parseLong(args[3]));
    TestClock clock = TestClock.ticking(Duration.ofMillis(7));
    clock.advance(Duration.ofHours(run));
    JdbcDatabase db = JdbcDatabase.embedded(data);
    Ledger ledger = Ledger.builder(JdbcLedgerStore.open(db)).clock(clock)
        .config(LedgerConfig.builder().startingBalance(1_000).storeRetryWait(Duration.ZERO).build()).build();
    for (int p = 0; p < PLAYERS; p++) {
      ledger.openAccount("open-p" + p, "g", "p" + p);
    }
    JdbcLedgerBackups backups = JdbcLedgerBackups.open(db, backupDir, clock);
    for (int i = 0; ; i++) {
      int from = rnd.nextInt(PLAYERS);
      int to = (from + 1 + rnd.nextInt(PLAYERS - 1)) % PLAYERS;
      try {
        ledger.transfer("r" + run + "-t" + i, AccountId.user("g", "p" + from), AccountId.user("g", "p" + to),
            1 + rnd.nextInt(100));
      } catch (InsufficientFundsException e) {
        // a rejected transfer changes nothing; the next one is tried
        continue;
      }
      System.out.println("begin");
      System.out.flush();
      System.out.println("backup " + backups.create().name());
      System.out.flush();
    }
  }
}
