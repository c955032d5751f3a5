package dev.fragkit.adapters.jdbc.economy;

import dev.fragkit.adapters.jdbc.TestDatabases;

/** Backup contract on real PostgreSQL (REPEATABLE READ); 4 writer threads during 5 backups. */
class JdbcLedgerBackupsPostgresTest extends JdbcLedgerBackupsContractTest {
  @Override
  protected TestDatabases.Engine engine() {
    return TestDatabases.Engine.POSTGRESQL;
  }
}
