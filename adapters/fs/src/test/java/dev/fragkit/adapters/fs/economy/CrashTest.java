package dev.fragkit.adapters.fs.economy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fragkit.economy.game.EscrowSweeper;
import dev.fragkit.economy.ledger.AccountId;
import dev.fragkit.economy.ledger.Hold;
import dev.fragkit.economy.ledger.HoldState;
import dev.fragkit.economy.ledger.Ledger;
import dev.fragkit.economy.ledger.LedgerAudit;
import dev.fragkit.economy.ledger.SystemAccount;
import dev.fragkit.economy.ledger.TestClock;
import dev.fragkit.economy.ledger.Transfer;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kills a child JVM playing blackjack on an {@link FsLedgerStore} with SIGKILL at random points, 50
 * times; every restart recovers the journal and refunds stale games. Afterwards the state equals
 * the journal, money is conserved, and every bet is either still in escrow or resolved exactly once
 * (never lost, never refunded twice).
 */
class CrashTest {
  private static final Logger LOG = LoggerFactory.getLogger(CrashTest.class);
  private static final int KILLS = 50;

  @TempDir
  Path dir;

  @Test
  void fiftySigkillsLoseNoBetAndRefundNoneTwice() throws Exception {
    Random rnd = new Random(Long.getLong("fragkit.crash.seed", 6L));
    int killed = 0;
    int maxOps = 0;
    for (int run = 1; run <= KILLS; run++) {
      Process child = new ProcessBuilder(javaBin(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto",
          "-cp", System.getProperty("java.class.path"), CrashWorker.class.getName(), dir.toString(),
          String.valueOf(run), String.valueOf(rnd.nextLong()))
          .redirectError(ProcessBuilder.Redirect.DISCARD).start();
      int killAfter = rnd.nextInt(40); // lines; 0 = during start-up recovery and refunds
      List<String> lines = new ArrayList<>();
      try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while (lines.size() < killAfter && (line = out.readLine()) != null) {
          lines.add(line);
        }
        child.destroyForcibly();
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
      }
      assertThat(lines.size()).as("run %d ended early: %s", run, lines).isEqualTo(killAfter);
      killed++;
      maxOps = Math.max(maxOps, lines.size());
    }
    assertThat(killed).isEqualTo(KILLS);
    try (FsLedgerStore store = FsLedgerStore.open(dir)) {
      LedgerAudit audit = new LedgerAudit(store).checkAll("g", Set.of());
      int pending = checkEveryBet(store, audit.journal());
      // a final start-up far in the future refunds the rest, exactly once
      TestClock later = TestClock.fixed();
      later.advance(Duration.ofHours(3L * (KILLS + 2)));
      Ledger ledger = Ledger.builder(store).clock(later).build();
      assertThat(new EscrowSweeper(ledger, later).refundStale()).hasSize(pending);
      assertThat(new EscrowSweeper(ledger, later).refundStale()).isEmpty();
      LedgerAudit after = new LedgerAudit(store).checkAll("g", Set.of());
      assertThat(checkEveryBet(store, after.journal())).isZero();
      assertThat(ledger.balance(AccountId.system("g", SystemAccount.ESCROW))).isZero();
      long games = store.holds(HoldState.POSTED).size() + store.holds(HoldState.VOIDED).size();
      assertThat(games).as("games played across runs").isGreaterThan(50);
      LOG.info("crash test: {} SIGKILLs, {} games, {} refunded at restarts, {} journal entries", killed, games,
          after.journal().stream().filter(t -> t.operationId().startsWith("void:")).count(), after.journal().size());
    }
  }

  /**
   * For every game: escrow received exactly the hold's amount (bet + double), and a resolved game
   * paid escrow out exactly once. Returns the number of pending games.
   */
  private static int checkEveryBet(FsLedgerStore store, List<Transfer> journal) {
    AccountId escrow = AccountId.system("g", SystemAccount.ESCROW);
    Map<String, Long> in = new HashMap<>();
    Map<String, Long> out = new HashMap<>();
    Map<String, Integer> resolutions = new HashMap<>();
    for (Transfer t : journal) {
      String op = t.operationId();
      int colon = op.indexOf(':');
      if (colon < 0) {
        continue;
      }
      String game = op.substring(colon + 1);
      if (t.credit().equals(escrow)) {
        in.merge(game, t.amount(), Long::sum);
      }
      if (t.debit().equals(escrow)) {
        out.merge(game, t.amount(), Long::sum);
      }
    }
    for (Hold h : store.holds(HoldState.POSTED)) {
      resolutions.put(h.holdId(), 1);
    }
    int pending = 0;
    for (String game : in.keySet()) {
      Hold h = store.hold(game).orElseThrow(() -> new AssertionError("bet without a game record: " + game));
      assertThat(in.get(game)).as("escrowed for %s", game).isEqualTo(h.amount());
      if (h.state() == HoldState.PENDING) {
        pending++;
        assertThat(out.getOrDefault(game, 0L)).as("paid out of escrow for pending %s", game).isZero();
      } else {
        assertThat(out.get(game)).as("paid out of escrow for %s %s (once)", h.state(), game).isEqualTo(h.amount());
      }
    }
    for (String game : out.keySet()) {
      assertThat(in).as("escrow paid out for unknown game %s", game).containsKey(game);
    }
    return pending;
  }

  private static String javaBin() {
    return System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
  }
}
