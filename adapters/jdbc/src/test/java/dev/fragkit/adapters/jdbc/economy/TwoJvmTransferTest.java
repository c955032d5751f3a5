package dev.fragkit.adapters.jdbc.economy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fragkit.adapters.jdbc.JdbcDatabase;
import dev.fragkit.adapters.jdbc.TestDatabases;
import dev.fragkit.economy.ledger.AccountId;
import dev.fragkit.economy.ledger.Ledger;
import dev.fragkit.economy.ledger.LedgerAudit;
import dev.fragkit.economy.ledger.LedgerConfig;
import dev.fragkit.economy.ledger.Transfer;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Two JVMs (4 threads each) transfer concurrently among 4 hot accounts of one PostgreSQL database
 * with no lease: afterwards every balance equals its journal, money is conserved, nothing went
 * negative and each worker's applied count equals its journal entries (no lost update).
 */
class TwoJvmTransferTest {
  private static final int HOT = 4;
  private static final int OPS = 600;

  @Test
  void twoJvmsOnOnePostgresLoseNoUpdate() throws Exception {
    String url = TestDatabases.freshUrl(TestDatabases.Engine.POSTGRESQL);
    String user = TestDatabases.user(TestDatabases.Engine.POSTGRESQL);
    String password = TestDatabases.password(TestDatabases.Engine.POSTGRESQL);
    try (JdbcDatabase db = JdbcDatabase.open(url, user, password, 4)) {
      JdbcLedgerStore store = JdbcLedgerStore.open(db);
      Ledger ledger = Ledger.builder(store).config(LedgerConfig.builder().startingBalance(500).build()).build();
      for (int i = 0; i < HOT; i++) {
        ledger.openAccount("open-h" + i, "g1", "h" + i);
      }
      List<Process> children = new ArrayList<>();
      for (String worker : List.of("jvmA", "jvmB")) {
        children.add(new ProcessBuilder(javaBin(), "-cp", System.getProperty("java.class.path"),
            TransferWorker.class.getName(), url, user, password, worker, String.valueOf(HOT), String.valueOf(OPS), "4")
            .redirectErrorStream(true).start());
      }
      List<String> outputs = new ArrayList<>();
      for (Process p : children) {
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as("child output:%n%s", out).isZero();
        outputs.add(out);
      }
      LedgerAudit audit = new LedgerAudit(store).checkAll("g1", Set.of());
      long total = 0;
      for (int i = 0; i < HOT; i++) {
        total += ledger.balance(AccountId.user("g1", "h" + i));
      }
      assertThat(total).isEqualTo(HOT * 500L);
      for (int w = 0; w < 2; w++) {
        String prefix = w == 0 ? "jvmA-" : "jvmB-";
        long entries = audit.journal().stream().map(Transfer::operationId).filter(id -> id.startsWith(prefix)).count();
        long applied = Long.parseLong(outputs.get(w).replaceAll("(?s).*applied=(\\d+).*", "$1").trim());
        assertThat(entries).as("journal entries of %s", prefix).isEqualTo(applied);
        assertThat(applied).as("%s did real work", prefix).isGreaterThan(OPS / 4);
      }
    }
  }

  static String javaBin() {
    return System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
  }
}
