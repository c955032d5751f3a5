package dev.fragkit.adapters.jdbc.economy;

import dev.fragkit.adapters.jdbc.JdbcDatabase;
import dev.fragkit.adapters.jdbc.TestDatabases;
import dev.fragkit.economy.ledger.LedgerStore;
import dev.fragkit.economy.ledger.LedgerStoreContractTest;
import org.junit.jupiter.api.AfterEach;

/**
 * Store contract on real PostgreSQL (embedded binaries). Simulation: 16 threads, 40,000
 * operations, 10 hot + 200 cold accounts (38–53 s on the 2-core development machine; 100,000
 * took 103 s there, so it runs on demand: {@code -Dfragkit.simulation.operations=100000}).
 */
class JdbcLedgerStorePostgresTest extends LedgerStoreContractTest {
  private JdbcDatabase db;

  @Override
  protected LedgerStore newStore() {
    db = TestDatabases.fresh(TestDatabases.Engine.POSTGRESQL);
    return JdbcLedgerStore.open(db);
  }

  @Override
  protected int simulationOperations() {
    return 40_000;
  }

  @Override
  protected int simulationColdAccounts() {
    return 200;
  }

  @AfterEach
  void closeDatabase() {
    db.close();
  }
}
