package dev.fragkit.adapters.jdbc.economy;

import dev.fragkit.adapters.jdbc.JdbcDatabase;
import dev.fragkit.adapters.jdbc.TestDatabases;
import dev.fragkit.economy.ledger.LedgerStore;
import dev.fragkit.economy.ledger.LedgerStoreContractTest;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;

/**
 * Store contract on real PostgreSQL with batching turned off: every operation is its own database
 * transaction (the path {@link JdbcLedgerStorePostgresTest} only takes for operations that cannot
 * join a batch). Simulation: 16 threads, 20,000 operations.
 */
class JdbcLedgerStorePostgresUnbatchedTest extends LedgerStoreContractTest {
  private JdbcDatabase db;

  @Override
  protected LedgerStore newStore() {
    db = TestDatabases.fresh(TestDatabases.Engine.POSTGRESQL);
    return JdbcLedgerStore.open(db, Duration.ofSeconds(10), false);
  }

  @Override
  protected int simulationOperations() {
    return 20_000;
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
