package dev.fragkit.benchmarks.economy;

import dev.fragkit.adapters.jdbc.JdbcDatabase;
import dev.fragkit.adapters.jdbc.economy.JdbcLedgerBackups;
import dev.fragkit.economy.ops.LedgerBackups.BackupInfo;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Time of one {@link JdbcLedgerBackups} backup ({@code create}: snapshot export of every ledger
 * table to JSON Lines, SHA-256, fsync, rename) and one {@code restore} (verify, pre-restore backup,
 * delete and re-insert in one transaction) on a ledger of {@code transfers} journal entries, as
 * many operation records and 1,000 accounts, on embedded H2 (in memory) and PostgreSQL (embedded
 * binaries). Each operation deletes the backup directory it made, which is part of the time.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class LedgerBackupBenchmark {
  @Param({"H2", "POSTGRESQL"})
  public String engine;

  @Param({"10000", "100000"})
  public int transfers;

  private EmbeddedPostgres pg;
  private JdbcDatabase db;
  private Path backupDir;
  private JdbcLedgerBackups backups;
  private String fixed;

  @Setup(Level.Trial)
  public void setUp() throws IOException, SQLException {
    if (engine.equals("H2")) {
      db = JdbcDatabase.open("jdbc:h2:mem:backupbench;DB_CLOSE_DELAY=-1;" + JdbcDatabase.H2_OPTIONS, "sa", "", 4);
    } else {
      pg = EmbeddedPostgres.builder().start();
      db = JdbcDatabase.open(pg.getJdbcUrl("postgres", "postgres"), "postgres", "postgres", 4);
    }
    backupDir = Files.createTempDirectory("fragkit-backup-bench");
    backups = JdbcLedgerBackups.open(db, backupDir, Clock.systemUTC());
    seed();
    fixed = backups.create().name();
  }

  private void seed() throws SQLException {
    try (Connection c = db.dataSource().getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement a = c.prepareStatement(
          "INSERT INTO economy_account (account_key, guild, name, balance, created_us) VALUES (?, 'g', ?, ?, ?)")) {
        for (int i = 0; i < 1_000; i++) {
          a.setString(1, "g/u" + i);
          a.setString(2, "u" + i);
          a.setLong(3, 1_000_000L + i);
          a.setLong(4, 1_767_225_600_000_000L);
          a.addBatch();
        }
        a.executeBatch();
      }
      try (PreparedStatement op = c.prepareStatement("INSERT INTO economy_operation (operation_id, kind, request,"
              + " outcome, applied_us) VALUES (?, 'TRANSFER', ?, 'ok', ?)");
          PreparedStatement t = c.prepareStatement("INSERT INTO economy_transfer (operation_id, kind, debit_key,"
              + " credit_key, amount, at_us) VALUES (?, 'TRANSFER', ?, ?, ?, ?)")) {
        for (int i = 0; i < transfers; i++) {
          String id = "op-" + i;
          long at = 1_767_225_600_000_000L + i * 1_000L;
          op.setString(1, id);
          op.setString(2, "transfer g/u" + (i % 1_000) + " g/u" + ((i + 1) % 1_000) + " " + (1 + i % 97));
          op.setLong(3, at);
          op.addBatch();
          t.setString(1, id);
          t.setString(2, "g/u" + (i % 1_000));
          t.setString(3, "g/u" + ((i + 1) % 1_000));
          t.setLong(4, 1 + i % 97);
          t.setLong(5, at);
          t.addBatch();
          if (i % 1_000 == 999) {
            op.executeBatch();
            t.executeBatch();
          }
        }
        op.executeBatch();
        t.executeBatch();
      }
      c.commit();
    }
  }

  @Benchmark
  public BackupInfo create() throws IOException {
    BackupInfo b = backups.create();
    deleteTree(backupDir.resolve(b.name()));
    return b;
  }

  @Benchmark
  public String restore() throws IOException {
    String kept = backups.restore(fixed);
    deleteTree(backupDir.resolve(kept));
    return kept;
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    db.close();
    if (pg != null) {
      pg.close();
    }
    deleteTree(backupDir);
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
