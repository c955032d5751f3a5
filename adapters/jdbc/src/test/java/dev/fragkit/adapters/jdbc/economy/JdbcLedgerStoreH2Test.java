package dev.fragkit.adapters.jdbc.economy;

import dev.fragkit.adapters.jdbc.JdbcDatabase;
import dev.fragkit.adapters.jdbc.TestDatabases;
import dev.fragkit.economy.ledger.LedgerStore;
import dev.fragkit.economy.ledger.LedgerStoreContractTest;
import org.junit.jupiter.api.AfterEach;

/**
 * Store contract on embedded H2. Simulation: 16 threads, 100,000 operations, 10 hot + 200 cold
 * accounts (about 32 s on the 2-core development machine when quiet).
 */
class JdbcLedgerStoreH2Test extends LedgerStoreContractTest {
  private JdbcDatabase db;

  @Override
  protected LedgerStore newStore() {
    db = TestDatabases.fresh(TestDatabases.Engine.H2);
    return JdbcLedgerStore.open(db);
  }

  @Override
  protected int simulationOperations() {
    return 100_000;
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
