package dev.fragkit.benchmarks.pipeline;

import dev.fragkit.adapters.jdbc.JdbcDatabase;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Databases for the pipeline benchmarks, kept under {@code benchmarks/target/bench-data} (override:
 * {@code -Dfragkit.bench.dir=...}) so a seeded data set is reused by every fork. Also used by the
 * economy benchmarks. Not thread-safe.
 */
public final class BenchDatabases implements AutoCloseable {
  private final JdbcDatabase db;
  private final EmbeddedPostgres pg;

  private BenchDatabases(JdbcDatabase db, EmbeddedPostgres pg) {
    this.db = db;
    this.pg = pg;
  }

  public static BenchDatabases open(String engine, String name, int poolSize) throws IOException {
    Path dir = Path.of(System.getProperty("fragkit.bench.dir", "target/bench-data")).toAbsolutePath();
    Files.createDirectories(dir);
    if (engine.equals("H2")) {
      String url = "jdbc:h2:file:" + dir.resolve(name + "-h2") + ";" + JdbcDatabase.H2_OPTIONS;
      return new BenchDatabases(JdbcDatabase.open(url, "sa", "", poolSize), null);
    }
    // Never clean: the cluster (and its seeded data) survives this fork; initdb runs only when it is new.
    EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setDataDirectory(dir.resolve(name + "-pg"))
        .setCleanDataDirectory(false);
    // zonky's defaults include synchronous_commit=off; -Dfragkit.bench.pg="k=v;k=v" overrides server settings
    for (String setting : System.getProperty("fragkit.bench.pg", "").split(";")) {
      int eq = setting.indexOf('=');
      if (eq > 0) {
        builder.setServerConfig(setting.substring(0, eq).trim(), setting.substring(eq + 1).trim());
      }
    }
    EmbeddedPostgres pg = builder.start();
    return new BenchDatabases(JdbcDatabase.open(pg.getJdbcUrl("postgres", "postgres"), "postgres", "postgres", poolSize), pg);
  }

  public JdbcDatabase db() {
    return db;
  }

  @Override
  public void close() throws IOException {
    db.close();
    if (pg != null) {
      pg.close();
    }
  }
}
