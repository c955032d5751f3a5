package dev.fragkit.economy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fragkit.economy.game.BlackjackGame;
import dev.fragkit.economy.game.BlackjackTable;
import dev.fragkit.economy.game.EscrowSweeper;
import dev.fragkit.economy.ledger.AccountId;
import dev.fragkit.economy.ledger.InMemoryLedgerStore;
import dev.fragkit.economy.ledger.InsufficientFundsException;
import dev.fragkit.economy.ledger.Ledger;
import dev.fragkit.economy.ledger.LedgerConfig;
import dev.fragkit.economy.ledger.LedgerStore;
import dev.fragkit.economy.ledger.Receipt;
import dev.fragkit.economy.ledger.SystemAccount;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import org.junit.jupiter.api.Test;

/** The README's economy-core snippet, verbatim between the markers, plus checks of what it claims. */
class ReadmeExampleTest {
  @Test
  void readmeSnippetWorksAsDescribed() throws Exception {
    // --- README snippet start
    LedgerStore store = InMemoryLedgerStore.create();
    Ledger ledger = Ledger.builder(store)
        .config(LedgerConfig.builder().startingBalance(100).dailyReward(100).build())
        .build();
    ledger.openAccount("open-alice", "guild1", "alice");       // mints the starting balance
    ledger.openAccount("open-bob", "guild1", "bob");
    AccountId alice = AccountId.user("guild1", "alice");
    AccountId bob = AccountId.user("guild1", "bob");

    Receipt tip = ledger.transfer("tip-42", alice, bob, 30);
    Receipt retried = ledger.transfer("tip-42", alice, bob, 30); // same receipt, nothing applied twice
    ledger.daily("daily-alice-2026-01-01", alice);               // once per 24 h

    try {
      ledger.transfer("tip-43", alice, bob, 1_000);
    } catch (InsufficientFundsException e) {
      // typed, with e.account(), e.balance(), e.required(); nothing changed
    }

    // blackjack: the bet goes into escrow together with the dealt hand, in one step
    BlackjackTable table = new BlackjackTable(ledger, new SecureRandom());
    BlackjackGame game = table.start("game-1", alice, 10);
    if (!game.isOver()) {
      game = table.stand("game-1");                              // settles: payout to alice, rest to the house
    }
    new EscrowSweeper(ledger, Clock.systemUTC()).refundStale();  // at start-up: refund games older than 2 h, once
    // --- README snippet end

    assertThat(retried).isEqualTo(tip);
    assertThat(ledger.balance(bob)).isEqualTo(130);
    assertThat(ledger.balance(alice)).isEqualTo(100 - 30 + 100 - game.bet() + game.payout());
    assertThat(ledger.balance(AccountId.system("guild1", SystemAccount.ESCROW))).isZero();
    assertThat(ledger.receipt("tip-43")).isEmpty();

    String readme = Files.readString(Path.of("..", "README.md"));
    String test = Files.readString(Path.of("src/test/java/dev/fragkit/economy/ReadmeExampleTest.java"));
    String snippet = test.substring(test.indexOf("// --- README snippet start\n") + 28, test.indexOf("    // --- README snippet end"))
        .lines().map(l -> l.length() >= 4 ? l.substring(4) : l.strip()).reduce("", (a, b) -> a + b + "\n");
    assertThat(snippet).contains("BlackjackTable table = new BlackjackTable(ledger, new SecureRandom());");
    assertThat(readme).as("README shows this test's snippet verbatim").contains(snippet);
  }
}
