package dev.fragkit.adapters.jdbc.economy;

import dev.fragkit.adapters.jdbc.JdbcDatabase;
import dev.fragkit.adapters.jdbc.TestDatabases;
import dev.fragkit.economy.ledger.LedgerStore;
import dev.fragkit.economy.ledger.LedgerStoreContractTest;
import org.junit.jupiter.api.AfterEach;

/**
 * Store contract on real PostgreSQL (embedded binaries). Simulation at the full size: 16
 * threads, 100,000 operations, 10 hot + 200 cold accounts (the longest test of the suite: about
 * 65–100 s on the 2-core development machine).
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
