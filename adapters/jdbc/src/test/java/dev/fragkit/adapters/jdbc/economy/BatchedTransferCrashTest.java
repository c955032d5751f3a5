package dev.fragkit.adapters.jdbc.economy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fragkit.adapters.jdbc.JdbcDatabase;
import dev.fragkit.adapters.jdbc.TestDatabases;
import dev.fragkit.economy.ledger.AccountId;
import dev.fragkit.economy.ledger.Ledger;
import dev.fragkit.economy.ledger.LedgerAudit;
import dev.fragkit.economy.ledger.LedgerConfig;
import dev.fragkit.economy.ledger.Receipt;
import dev.fragkit.economy.ledger.Transfer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A child JVM doing batched transfers on PostgreSQL with 8 threads is SIGKILLed several times at
 * a random point: every transfer it acknowledged is in the database with its journal entry, every
 * journal entry has its operation record and no batch is half applied (balances equal the journal,
 * money is conserved).
 */
class BatchedTransferCrashTest {
  private static final int HOT = 6;
  private static final int KILLS = 4;

  @Test
  void killedClientLosesNoAcknowledgedTransferAndLeavesNoHalfBatch() throws Exception {
    String url = TestDatabases.freshUrl(TestDatabases.Engine.POSTGRESQL);
    String user = TestDatabases.user(TestDatabases.Engine.POSTGRESQL);
    String password = TestDatabases.password(TestDatabases.Engine.POSTGRESQL);
    Random random = new Random(20261122L);
    try (JdbcDatabase db = JdbcDatabase.open(url, user, password, 4)) {
      JdbcLedgerStore store = JdbcLedgerStore.open(db);
      Ledger ledger = Ledger.builder(store).config(LedgerConfig.builder().startingBalance(10_000).build()).build();
      for (int i = 0; i < HOT; i++) {
        ledger.openAccount("open-h" + i, "g1", "h" + i);
      }
      long largestBatch = 0;
      for (int round = 0; round < KILLS; round++) {
        String worker = "k" + round;
        Process child = new ProcessBuilder(TwoJvmTransferTest.javaBin(), "-cp", System.getProperty("java.class.path"),
            BatchedCrashWorker.class.getName(), url, user, password, worker, String.valueOf(HOT), "8")
            .redirectErrorStream(true).start();
        int killAfter = 50 + random.nextInt(250);
        Set<String> acked = new HashSet<>();
        List<String> other = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
          String line;
          while (acked.size() < killAfter && (line = out.readLine()) != null) {
            if (line.startsWith("ack ")) {
              String[] parts = line.split(" ");
              acked.add(parts[1]);
              largestBatch = Math.max(largestBatch, Long.parseLong(parts[2]));
            } else if (other.size() < 50) {
              other.add(line);
            }
          }
          child.destroyForcibly();
          assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(acked).as("child output before the kill:%n%s", String.join("\n", other)).hasSize(killAfter);

        LedgerAudit audit = new LedgerAudit(store).checkAll("g1", Set.of());
        long total = 0;
        for (int i = 0; i < HOT; i++) {
          total += ledger.balance(AccountId.user("g1", "h" + i));
        }
        assertThat(total).as("money after kill %d", round).isEqualTo(HOT * 10_000L);
        for (String id : acked) {
          Optional<Receipt> receipt = store.receipt(id);
          assertThat(receipt).as("acknowledged %s", id).isPresent();
          assertThat(receipt.get().transfers()).hasSize(1);
        }
        for (Transfer t : audit.journal()) {
          if (t.operationId().startsWith(worker + "-")) {
            assertThat(store.receipt(t.operationId())).as("operation record of journal entry %s", t).isPresent();
          }
        }
      }
      assertThat(largestBatch).as("the child's transfers shared transactions").isGreaterThan(1);
    }
  }
}
