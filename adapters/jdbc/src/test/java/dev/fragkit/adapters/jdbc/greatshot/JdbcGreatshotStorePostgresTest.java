package dev.fragkit.adapters.jdbc.greatshot;

import dev.fragkit.adapters.jdbc.JdbcDatabase;
import dev.fragkit.adapters.jdbc.TestDatabases;
import dev.fragkit.greatshot.store.GreatshotStore;
import dev.fragkit.greatshot.store.GreatshotStoreContract;
import dev.fragkit.greatshot.testing.MutableClock;

class JdbcGreatshotStorePostgresTest extends GreatshotStoreContract {
  private JdbcDatabase db;

  @Override
  protected GreatshotStore newStore(MutableClock clock) {
    db = TestDatabases.fresh(TestDatabases.Engine.POSTGRESQL);
    return JdbcGreatshotStore.open(db, clock);
  }

  @Override
  protected void closeStore(GreatshotStore store) {
    db.close();
  }
}
