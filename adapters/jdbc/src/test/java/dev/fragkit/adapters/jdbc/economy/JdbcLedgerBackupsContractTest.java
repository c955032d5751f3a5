package dev.fragkit.adapters.jdbc.economy;

import dev.fragkit.adapters.jdbc.JdbcDatabase;
import dev.fragkit.adapters.jdbc.TestDatabases;
import dev.fragkit.economy.ledger.LedgerStore;
import dev.fragkit.economy.ops.LedgerBackups;
import dev.fragkit.economy.ops.LedgerBackupsContractTest;
import java.nio.file.Path;
import java.time.Clock;
import org.jspecify.annotations.Nullable;

/** The backup contract on one engine; every target is a fresh database. */
abstract class JdbcLedgerBackupsContractTest extends LedgerBackupsContractTest {
  protected abstract TestDatabases.Engine engine();

  @Override
  protected Target newTarget(Path backupDir, Clock clock) {
    JdbcDatabase db = TestDatabases.fresh(engine());
    JdbcLedgerBackups backups = JdbcLedgerBackups.open(db, backupDir, clock);
    return new Target() {
      private @Nullable JdbcLedgerStore store;

      @Override
      public LedgerStore openStore() {
        store = JdbcLedgerStore.open(db);
        return store;
      }

      @Override
      public void closeStore() {
        if (store != null) {
          store.close();
        }
      }

      @Override
      public LedgerBackups backups() {
        return backups;
      }

      @Override
      public void close() {
        db.close();
      }
    };
  }
}
