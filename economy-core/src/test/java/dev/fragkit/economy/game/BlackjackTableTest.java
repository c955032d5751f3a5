package dev.fragkit.economy.game;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fragkit.economy.ledger.AccountId;
import dev.fragkit.economy.ledger.HoldState;
import dev.fragkit.economy.ledger.HoldStateException;
import dev.fragkit.economy.ledger.InMemoryLedgerStore;
import dev.fragkit.economy.ledger.InsufficientFundsException;
import dev.fragkit.economy.ledger.Ledger;
import dev.fragkit.economy.ledger.LedgerAudit;
import dev.fragkit.economy.ledger.LedgerConfig;
import dev.fragkit.economy.ledger.SystemAccount;
import dev.fragkit.economy.ledger.TestClock;
import java.time.Duration;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BlackjackTableTest {
  private final InMemoryLedgerStore store = InMemoryLedgerStore.create();
  private final TestClock clock = TestClock.fixed();
  private final Ledger ledger = Ledger.builder(store).clock(clock)
      .config(LedgerConfig.builder().startingBalance(1_000).build()).build();
  private final AccountId player = AccountId.user("g", "p");
  private final AccountId escrow = AccountId.system("g", SystemAccount.ESCROW);

  BlackjackTableTest() {
    ledger.openAccount("open", "g", "p");
  }

  @Test
  void betSitsInEscrowUntilTheGameIsSettled() {
    BlackjackTable table = new BlackjackTable(ledger, new Random(5));
    int played = 0;
    for (int i = 0; i < 40; i++) {
      String id = "game" + i;
      long before = ledger.balance(player);
      BlackjackGame g = table.start(id, player, 10);
      if (!g.isOver()) {
        assertThat(ledger.balance(player)).isEqualTo(before - 10);
        assertThat(ledger.balance(escrow)).isEqualTo(10);
        assertThat(table.game(id)).isEqualTo(g);
        g = i % 3 == 0 ? table.doubleDown(id) : i % 3 == 1 ? table.stand(id) : table.hit(id);
        if (!g.isOver()) {
          g = table.stand(id);
        }
        played++;
      }
      assertThat(g.isOver()).isTrue();
      assertThat(ledger.balance(escrow)).isZero();
      assertThat(ledger.balance(player)).isEqualTo(before - g.bet() + g.payout());
      assertThat(ledger.hold(id).orElseThrow().state()).isEqualTo(HoldState.POSTED);
      assertThat(table.game(id)).isEqualTo(g);
    }
    assertThat(played).isGreaterThan(20);
    new LedgerAudit(store).checkAll("g", Set.of());
  }

  @Test
  void betLargerThanBalanceStartsNoGame() {
    BlackjackTable table = new BlackjackTable(ledger, new Random(5));
    assertThatThrownBy(() -> table.start("big", player, 1_001)).isInstanceOf(InsufficientFundsException.class);
    assertThat(ledger.hold("big")).isEmpty();
    assertThat(ledger.balance(player)).isEqualTo(1_000);
  }

  @Test
  void idleGamesForfeitWithRefundAndARestartNeverRefundsThemAgain() {
    BlackjackTable table = new BlackjackTable(ledger, new Random(1));
    String id = null;
    for (int i = 0; id == null; i++) {
      if (!table.start("g" + i, player, 50).isOver()) {
        id = "g" + i;
      }
    }
    long afterBet = ledger.balance(player);
    EscrowSweeper sweeper = new EscrowSweeper(ledger, clock);
    clock.advance(Duration.ofSeconds(119));
    assertThat(sweeper.forfeitIdle()).isEmpty();
    clock.advance(Duration.ofSeconds(2));
    assertThat(sweeper.forfeitIdle()).containsExactly(id);
    assertThat(ledger.balance(player)).isEqualTo(afterBet + 50);
    String gameId = id;
    assertThatThrownBy(() -> table.hit(gameId)).isInstanceOf(HoldStateException.class)
        .hasMessage("cannot hit hold " + id + ": it is VOIDED");
    // restart 3 hours later: the start-up refund sees nothing pending, and replaying its op id changes nothing
    clock.advance(Duration.ofHours(3));
    assertThat(sweeper.refundStale()).isEmpty();
    assertThat(ledger.voidHold("void:" + id, id, "refund_on_restart").operationId()).isEqualTo("void:" + id);
    assertThat(ledger.balance(player)).isEqualTo(afterBet + 50);
    new LedgerAudit(store).checkAll("g", Set.of());
  }

  @Test
  void startupRefundsOnlyGamesOlderThanTwoHours() {
    BlackjackTable table = new BlackjackTable(ledger, new Random(1));
    int open = 0;
    for (int i = 0; open < 2; i++) {
      if (!table.start("old" + i, player, 10).isOver()) {
        open++;
      }
    }
    clock.advance(Duration.ofMinutes(90));
    String young = null;
    for (int i = 0; young == null; i++) {
      if (!table.start("young" + i, player, 10).isOver()) {
        young = "young" + i;
      }
    }
    clock.advance(Duration.ofMinutes(31));
    EscrowSweeper sweeper = new EscrowSweeper(ledger, clock);
    assertThat(sweeper.refundStale()).hasSize(2).allMatch(s -> s.startsWith("old"));
    assertThat(ledger.hold(young).orElseThrow().state()).isEqualTo(HoldState.PENDING);
    assertThat(ledger.balance(escrow)).isEqualTo(10);
    new LedgerAudit(store).checkAll("g", Set.of());
  }
}
