package dev.fragkit.adapters.jdbc.economy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fragkit.adapters.jdbc.JdbcDatabase;
import dev.fragkit.adapters.jdbc.TestDatabases;
import dev.fragkit.economy.ops.LeaseStore;
import dev.fragkit.economy.ops.LeaseStoreContractTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The lease contract on H2 and PostgreSQL, plus the persisted scheduler state. */
class JdbcLeaseStoreTest {
  private static final List<JdbcDatabase> OPEN = new ArrayList<>();

  static JdbcLeaseStore open(TestDatabases.Engine engine) {
    JdbcDatabase db = TestDatabases.fresh(engine);
    synchronized (OPEN) {
      OPEN.add(db);
    }
    return JdbcLeaseStore.open(db);
  }

  @AfterEach
  void close() {
    synchronized (OPEN) {
      OPEN.forEach(JdbcDatabase::close);
      OPEN.clear();
    }
  }

  @Nested
  class OnH2 extends LeaseStoreContractTest {
    @Override
    protected LeaseStore newStore() {
      return open(TestDatabases.Engine.H2);
    }
  }

  @Nested
  class OnPostgres extends LeaseStoreContractTest {
    @Override
    protected LeaseStore newStore() {
      return open(TestDatabases.Engine.POSTGRESQL);
    }
  }

  @Test
  void scheduleStatePersistsLastRuns() {
    JdbcLeaseStore store = open(TestDatabases.Engine.POSTGRESQL);
    assertThat(store.lastRun("backup")).isEmpty();
    store.recordRun("backup", Instant.parse("2026-01-01T03:00:00Z"));
    store.recordRun("backup", Instant.parse("2026-01-02T03:00:00Z"));
    assertThat(store.lastRun("backup")).contains(Instant.parse("2026-01-02T03:00:00Z"));
  }
}
