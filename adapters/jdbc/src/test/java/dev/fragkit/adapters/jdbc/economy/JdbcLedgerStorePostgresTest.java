package dev.fragkit.adapters.jdbc.economy;

import dev.fragkit.adapters.jdbc.JdbcDatabase;
import dev.fragkit.adapters.jdbc.TestDatabases;
import dev.fragkit.economy.ledger.LedgerStore;
import dev.fragkit.economy.ledger.LedgerStoreContractTest;
import org.junit.jupiter.api.AfterEach;

/**
 * Store contract on real PostgreSQL (embedded binaries). Simulation: 16 threads, 2,500
 * operations, 10 hot + 200 cold accounts (smaller than in memory to keep the suite short).
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
    return 2_500;
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
