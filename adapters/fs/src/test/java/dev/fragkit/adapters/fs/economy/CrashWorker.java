package dev.fragkit.adapters.fs.economy;

import dev.fragkit.economy.LedgerException;
import dev.fragkit.economy.game.BlackjackGame;
import dev.fragkit.economy.game.BlackjackTable;
import dev.fragkit.economy.game.EscrowSweeper;
import dev.fragkit.economy.ledger.AccountId;
import dev.fragkit.economy.ledger.Ledger;
import dev.fragkit.economy.ledger.LedgerConfig;
import dev.fragkit.economy.ledger.TestClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;

/**
 * Child JVM of {@link CrashTest}: opens the store (recovering), refunds games older than 2 h (its
 * virtual clock starts {@code run} × 3 h after the first run, so every game left by an earlier,
 * killed run is due), then plays blackjack and makes transfers forever, printing one line per
 * operation until it is killed. Args: directory run seed.
 */
public final class CrashWorker {
  static final int PLAYERS = 5;

  private CrashWorker() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    int run = Integer.parseInt(args[1]);
    Random rnd = new Random(Long.parseLong(args[2]));
    TestClock clock = TestClock.ticking(Duration.ofMillis(100));
    clock.advance(Duration.ofHours(3L * run));
    FsLedgerStore store = FsLedgerStore.open(dir);
    Ledger ledger = Ledger.builder(store).clock(clock).random(rnd)
        .config(LedgerConfig.builder().startingBalance(1_000).storeRetryWait(Duration.ZERO).build()).build();
    for (int p = 0; p < PLAYERS; p++) {
      ledger.openAccount("open-p" + p, "g", "p" + p);
    }
    new EscrowSweeper(ledger, clock).refundStale();
    System.out.println("ready");
    System.out.flush();
    BlackjackTable table = new BlackjackTable(ledger, rnd);
    for (int i = 0; ; i++) {
      AccountId player = AccountId.user("g", "p" + rnd.nextInt(PLAYERS));
      String gameId = "r" + run + "-" + i;
      try {
        if (rnd.nextInt(4) == 0) {
          AccountId other = AccountId.user("g", "p" + rnd.nextInt(PLAYERS));
          if (!other.equals(player)) {
            ledger.transfer("t-" + gameId, player, other, 1 + rnd.nextInt(30));
          }
        } else {
          BlackjackGame g = table.start(gameId, player, 1 + rnd.nextInt(20));
          int move = rnd.nextInt(10);
          if (!g.isOver() && move < 3) {
            // abandoned game: left pending for the next start-up refund
          } else if (!g.isOver() && move < 5) {
            table.doubleDown(gameId);
          } else {
            while (!g.isOver() && rnd.nextBoolean()) {
              g = table.hit(gameId);
            }
            if (!g.isOver()) {
              table.stand(gameId);
            }
          }
        }
      } catch (LedgerException e) {
        // insufficient funds etc.: rejected operations change nothing
      }
      System.out.println("op " + i);
      System.out.flush();
    }
  }
}
