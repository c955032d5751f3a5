package dev.fragkit.adapters.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fragkit.adapters.jdbc.TestDatabases.Engine;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class JdbcDatabaseTest {
  @ParameterizedTest
  @EnumSource(Engine.class)
  void migrationsApplyOnceAndAreRecordedWithTheirChecksums(Engine engine) {
    try (JdbcDatabase db = TestDatabases.fresh(engine)) {
      assertThat(db.migrate("selftest")).isEqualTo(2);
      assertThat(db.migrate("selftest")).isZero();

      assertThat(hits(db)).isEqualTo(1);
      int checksummed = db.jdbi().withHandle(h -> h.createQuery(
              "SELECT COUNT(*) FROM fragkit_selftest_schema_history WHERE checksum IS NOT NULL AND success")
          .mapTo(Integer.class).one());
      assertThat(checksummed).isEqualTo(2);
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void instancesMigratingConcurrentlyApplyEachScriptOnce(Engine engine) throws Exception {
    String url = TestDatabases.freshUrl(engine);
    int instances = 4;
    CyclicBarrier start = new CyclicBarrier(instances);
    ExecutorService pool = Executors.newFixedThreadPool(instances);
    List<Future<Integer>> applied = new ArrayList<>();
    for (int i = 0; i < instances; i++) {
      applied.add(pool.submit(() -> {
        try (JdbcDatabase db = JdbcDatabase.open(url, TestDatabases.user(engine), TestDatabases.password(engine), 2)) {
          start.await();
          return db.migrate("selftest");
        }
      }));
    }
    int total = 0;
    for (Future<Integer> f : applied) {
      total += f.get();
    }
    pool.shutdown();

    assertThat(total).isEqualTo(2);
    try (JdbcDatabase db = JdbcDatabase.open(url, TestDatabases.user(engine), TestDatabases.password(engine), 1)) {
      assertThat(hits(db)).isEqualTo(1);
    }
  }

  private static int hits(JdbcDatabase db) {
    return db.jdbi().withHandle(h -> h.createQuery("SELECT hits FROM selftest_counter").mapTo(Integer.class).one());
  }

  @org.junit.jupiter.api.Test
  void unsupportedUrlsAndDomainsAreRejectedWithTheValue() {
    assertThatThrownBy(() -> JdbcDatabase.dialectOf("jdbc:mysql://x/y"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("jdbc:mysql://x/y");
    try (JdbcDatabase db = TestDatabases.fresh(Engine.H2)) {
      assertThatThrownBy(() -> db.migrate("../etc"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("../etc");
    }
  }
}
