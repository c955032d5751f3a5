package dev.fragkit.adapters.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.jdbi.v3.core.Jdbi;

/**
 * A pooled connection to one database (embedded H2, the default, or PostgreSQL) with Jdbi on top,
 * and per-domain schema migrations.
 *
 * <p>Each domain ({@code economy}, {@code greatshot}, …) keeps its Flyway scripts under
 * {@code classpath:dev/fragkit/adapters/jdbc/<domain>/migration} and its own history table
 * {@code fragkit_<domain>_schema_history}, so domains migrate independently in one database.
 * Flyway takes a database lock while migrating: instances that start together migrate once.
 *
 * <p>Thread-safe. Closing it closes the pool.
 */
public final class JdbcDatabase implements AutoCloseable {
  /** The SQL dialects the stores support. */
  public enum Dialect { H2, POSTGRESQL }

  private static final Pattern DOMAIN = Pattern.compile("[a-z][a-z0-9_]{0,30}");
  /**
   * Flyway locks PostgreSQL with an advisory lock, but has no lock on H2 before its history table
   * exists, so instances racing on a fresh H2 database can both try to create it. Embedded H2 is
   * used by one process (its file is locked), so an in-process lock per URL closes that race.
   */
  private static final java.util.concurrent.ConcurrentMap<String, Object> H2_MIGRATION_LOCKS =
      new java.util.concurrent.ConcurrentHashMap<>();

  private final HikariDataSource dataSource;
  private final Dialect dialect;
  private final Jdbi jdbi;

  private JdbcDatabase(HikariDataSource dataSource, Dialect dialect) {
    this.dataSource = dataSource;
    this.dialect = dialect;
    this.jdbi = Jdbi.create(dataSource);
  }

  /**
   * Opens a database from a JDBC URL ({@code jdbc:h2:…} or {@code jdbc:postgresql:…}).
   *
   * @param maxConnections pool size, at least 1
   */
  public static JdbcDatabase open(String url, String user, String password, int maxConnections) {
    Objects.requireNonNull(url, "url");
    if (maxConnections < 1) {
      throw new IllegalArgumentException("maxConnections < 1: " + maxConnections);
    }
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setUsername(user);
    config.setPassword(password);
    config.setMaximumPoolSize(maxConnections);
    config.setPoolName("fragkit-jdbc-pool");
    return new JdbcDatabase(new HikariDataSource(config), dialectOf(url));
  }

  /** Opens (creating if needed) the default embedded H2 database in {@code directory}. */
  public static JdbcDatabase embedded(Path directory) {
    return open(embeddedUrl(directory), "sa", "", 8);
  }

  /** The JDBC URL of the default embedded H2 database kept in {@code directory}. */
  public static String embeddedUrl(Path directory) {
    return "jdbc:h2:file:" + directory.toAbsolutePath().resolve("fragkit") + ";" + H2_OPTIONS;
  }

  /** H2 settings every Fragkit H2 database uses: PostgreSQL-compatible SQL, lower-case names. */
  public static final String H2_OPTIONS = "MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

  static Dialect dialectOf(String url) {
    String lower = url.toLowerCase(Locale.ROOT);
    if (lower.startsWith("jdbc:h2:")) {
      return Dialect.H2;
    }
    if (lower.startsWith("jdbc:postgresql:")) {
      return Dialect.POSTGRESQL;
    }
    throw new IllegalArgumentException("unsupported JDBC URL (jdbc:h2: or jdbc:postgresql: expected): " + url);
  }

  /**
   * Applies the pending migrations of {@code domain} and returns how many were applied. Fails when
   * an applied script was changed afterwards (checksum mismatch).
   */
  public int migrate(String domain) {
    if (!DOMAIN.matcher(domain).matches()) {
      throw new IllegalArgumentException("domain must match " + DOMAIN + ": " + domain);
    }
    if (dialect == Dialect.H2) {
      synchronized (H2_MIGRATION_LOCKS.computeIfAbsent(dataSource.getJdbcUrl(), url -> new Object())) {
        return flywayMigrate(domain);
      }
    }
    // Flyway's own PostgreSQL lock is taken only once its history table exists: an instance that
    // looked before another created it would try to baseline it. Hold a session advisory lock for
    // the domain around the whole migration, on a connection of its own (the pool may be size 1).
    try (Connection lock = DriverManager.getConnection(dataSource.getJdbcUrl(), dataSource.getUsername(),
        dataSource.getPassword())) {
      long key = migrationLockKey(domain);
      try (PreparedStatement take = lock.prepareStatement("SELECT pg_advisory_lock(?)")) {
        take.setLong(1, key);
        take.execute();
      }
      try {
        return flywayMigrate(domain);
      } finally {
        try (PreparedStatement release = lock.prepareStatement("SELECT pg_advisory_unlock(?)")) {
          release.setLong(1, key);
          release.execute();
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot take the migration lock for domain " + domain, e);
    }
  }

  /** A stable advisory-lock key per domain ("fragkit-migrate:" + domain, FNV-1a 64). */
  static long migrationLockKey(String domain) {
    long hash = 0xcbf29ce484222325L;
    for (byte b : ("fragkit-migrate:" + domain).getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
      hash ^= b;
      hash *= 0x100000001b3L;
    }
    return hash;
  }

  private int flywayMigrate(String domain) {
    MigrateResult result = Flyway.configure(JdbcDatabase.class.getClassLoader())
        .dataSource(dataSource)
        .locations("classpath:dev/fragkit/adapters/jdbc/" + domain + "/migration")
        .table("fragkit_" + domain + "_schema_history")
        .baselineOnMigrate(true)
        .baselineVersion("0")
        .failOnMissingLocations(true)
        .load()
        .migrate();
    return result.migrationsExecuted;
  }

  public Jdbi jdbi() {
    return jdbi;
  }

  public Dialect dialect() {
    return dialect;
  }

  public DataSource dataSource() {
    return dataSource;
  }

  @Override
  public void close() {
    dataSource.close();
  }
}
