package dev.fragkit.adapters.jdbc.economy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fragkit.adapters.jdbc.JdbcDatabase;
import dev.fragkit.adapters.jdbc.TestDatabases;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Several instances opening the ledger on one PostgreSQL at once migrate the schema exactly once. */
class ConcurrentMigrationTest {
  @Test
  void fourInstancesStartingTogetherMigrateOnce() throws Exception {
    String url = TestDatabases.freshUrl(TestDatabases.Engine.POSTGRESQL);
    String user = TestDatabases.user(TestDatabases.Engine.POSTGRESQL);
    String password = TestDatabases.password(TestDatabases.Engine.POSTGRESQL);
    List<JdbcDatabase> dbs = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      dbs.add(JdbcDatabase.open(url, user, password, 2));
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<JdbcLedgerStore>> opened = new ArrayList<>();
      for (JdbcDatabase db : dbs) {
        opened.add(pool.submit(() -> {
          start.await();
          return JdbcLedgerStore.open(db);
        }));
      }
      start.countDown();
      for (Future<JdbcLedgerStore> f : opened) {
        assertThat(f.get(2, TimeUnit.MINUTES).balances()).isEmpty();
      }
      List<String> applied = dbs.get(0).jdbi().withHandle(h -> h.createQuery(
              "SELECT version || ':' || description || ':' || success FROM fragkit_economy_schema_history"
                  + " WHERE version = '1'")
          .mapTo(String.class).list());
      assertThat(applied).containsExactly("1:ledger:true");
      Long checksum = dbs.get(0).jdbi().withHandle(h -> h.createQuery(
          "SELECT checksum FROM fragkit_economy_schema_history WHERE version = '1'").mapTo(Long.class).one());
      assertThat(checksum).as("checksummed").isNotNull();
    } finally {
      pool.shutdownNow();
      dbs.forEach(JdbcDatabase::close);
    }
  }
}
