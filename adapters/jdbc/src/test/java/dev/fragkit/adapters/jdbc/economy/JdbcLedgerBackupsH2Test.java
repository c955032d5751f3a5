package dev.fragkit.adapters.jdbc.economy;

import dev.fragkit.adapters.jdbc.TestDatabases;

/** Backup contract on embedded H2 (SNAPSHOT isolation); 4 writer threads during 5 backups. */
class JdbcLedgerBackupsH2Test extends JdbcLedgerBackupsContractTest {
  @Override
  protected TestDatabases.Engine engine() {
    return TestDatabases.Engine.H2;
  }
}
