package dev.fragkit.adapters.jdbc.economy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fragkit.adapters.jdbc.JdbcDatabase;
import dev.fragkit.adapters.jdbc.TestDatabases;
import dev.fragkit.adapters.jdbc.TestDatabases.Engine;
import dev.fragkit.economy.ledger.AccountBalance;
import dev.fragkit.economy.ledger.AccountId;
import dev.fragkit.economy.ledger.Ledger;
import dev.fragkit.economy.ledger.LedgerAudit;
import dev.fragkit.economy.ledger.LedgerConfig;
import dev.fragkit.economy.ledger.ShopItem;
import dev.fragkit.economy.ledger.TestClock;
import dev.fragkit.economy.ledger.Transfer;
import dev.fragkit.economy.ops.BackupException;
import dev.fragkit.economy.ops.LedgerBackups.BackupFile;
import dev.fragkit.economy.ops.LedgerBackups.BackupInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What only the JDBC backups have: schema checks, one restore transaction, the file format, portability. */
class JdbcLedgerBackupsTest {
  private static final String G = "g1";

  @TempDir
  Path backupDir;

  private final TestClock clock = TestClock.fixed();
  private final List<JdbcDatabase> databases = new ArrayList<>();

  @AfterEach
  void closeDatabases() {
    databases.forEach(JdbcDatabase::close);
  }

  private JdbcDatabase fresh(Engine engine) {
    JdbcDatabase db = TestDatabases.fresh(engine);
    databases.add(db);
    return db;
  }

  private Ledger ledger(JdbcDatabase db) {
    return Ledger.builder(JdbcLedgerStore.open(db)).clock(clock)
        .config(LedgerConfig.builder().startingBalance(1_000).storeRetryWait(Duration.ZERO).build()).build();
  }

  private static AccountId user(String name) {
    return AccountId.user(G, name);
  }

  private static void activity(Ledger ledger) {
    ledger.openAccount("open-a", G, "a");
    ledger.openAccount("open-b", G, "b");
    ledger.transfer("t1", user("a"), user("b"), 10);
    ledger.putShopItem(new ShopItem(G, "hat", "Hat", 5, ShopItem.UNLIMITED));
    ledger.purchase("buy", user("b"), "hat", 3);
    ledger.hold("bet", "game", user("a"), 40, "{\"cards\":[\"A♠\",\"10♥\"]}");
  }

  private Path manifest(BackupInfo backup) {
    return backupDir.resolve(backup.name()).resolve("manifest.json");
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void aBackupOfAnotherSchemaVersionIsRefusedBeforeAnythingChanges(Engine engine) throws Exception {
    JdbcDatabase db = fresh(engine);
    JdbcLedgerBackups backups = JdbcLedgerBackups.open(db, backupDir, clock);
    Ledger ledger = ledger(db);
    activity(ledger);
    BackupInfo backup = backups.create();
    ledger.transfer("t2", user("b"), user("a"), 7);
    List<AccountBalance> later = ledger.store().balances();
    String text = Files.readString(manifest(backup));
    java.util.regex.Matcher version = java.util.regex.Pattern.compile("\"schemaVersion\" : \"(\\d+)\"").matcher(text);
    assertThat(version.find()).as("manifest names the schema version").isTrue();
    String current = version.group(1);
    assertThat(Integer.parseInt(current)).isGreaterThanOrEqualTo(2);
    Files.writeString(manifest(backup), text.replace("\"schemaVersion\" : \"" + current + "\"", "\"schemaVersion\" : \"1\""));

    assertThatThrownBy(() -> backups.restore(backup.name()))
        .isInstanceOfSatisfying(BackupException.class, e -> assertThat(e.file()).contains("manifest.json"))
        .hasMessage("backup " + backup.name() + ": economy schema version: expected 1 (backup), actual " + current
            + " (database)");
    assertThat(ledger.store().balances()).isEqualTo(later);
    assertThat(backups.list()).hasSize(1);
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void aTableWhoseColumnsChangedIsRefusedNamingBoth(Engine engine) {
    JdbcDatabase db = fresh(engine);
    JdbcLedgerBackups backups = JdbcLedgerBackups.open(db, backupDir, clock);
    activity(ledger(db));
    BackupInfo backup = backups.create();
    db.jdbi().useHandle(h -> h.execute("ALTER TABLE economy_item ADD COLUMN colour VARCHAR(16)"));

    assertThatThrownBy(() -> backups.restore(backup.name()))
        .isInstanceOfSatisfying(BackupException.class, e -> assertThat(e.file()).contains("economy_item.jsonl"))
        .hasMessageContaining("columns of economy_item: expected [")
        .hasMessageContaining("Column[name=colour, type=STRING]] (database)");
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void aFailureHalfwayThroughTheRestoreRollsBackEveryTable(Engine engine) throws Exception {
    JdbcDatabase db = fresh(engine);
    JdbcLedgerBackups backups = JdbcLedgerBackups.open(db, backupDir, clock);
    Ledger ledger = ledger(db);
    activity(ledger);
    long rows = LedgerAudit.readJournal(ledger.store()).size();
    BackupInfo backup = backups.create();
    ledger.openAccount("open-c", G, "c");
    ledger.transfer("t2", user("b"), user("c"), 99);
    List<AccountBalance> later = ledger.store().balances();
    List<Transfer> laterJournal = LedgerAudit.readJournal(ledger.store());
    // the transfer table is restored last; claim one row more than its file has
    String text = Files.readString(manifest(backup));
    java.util.regex.Matcher claim = java.util.regex.Pattern
        .compile("(\"table\" : \"economy_transfer\",\\s*\"rows\" : )(\\d+)").matcher(text);
    assertThat(claim.find()).isTrue();
    assertThat(claim.group(2)).isEqualTo(Long.toString(rows));
    Files.writeString(manifest(backup), claim.replaceFirst("$1" + (rows + 1)));

    assertThatThrownBy(() -> backups.restore(backup.name()))
        .isInstanceOf(BackupException.class)
        .hasMessage("backup " + backup.name() + ": file economy_transfer.jsonl: rows: expected " + (rows + 1)
            + ", actual " + rows + " (nothing was changed)");
    assertThat(ledger.store().balances()).as("accounts were deleted and re-inserted, then rolled back")
        .isEqualTo(later);
    assertThat(LedgerAudit.readJournal(ledger.store())).isEqualTo(laterJournal);
    assertThat(ledger.store().receipt("t2")).isPresent();
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void tableFilesAreJsonLinesWithExactLongsAndUnicodeText(Engine engine) throws Exception {
    JdbcDatabase db = fresh(engine);
    JdbcLedgerBackups backups = JdbcLedgerBackups.open(db, backupDir, clock);
    Ledger ledger = ledger(db);
    activity(ledger);
    long big = (1L << 53) + 1; // not representable as a double
    ledger.credit("big", user("a"), big);
    BackupInfo backup = backups.create();

    assertThat(backup.files()).extracting(BackupFile::name).containsExactly("economy_account.jsonl",
        "economy_hold.jsonl", "economy_inventory.jsonl", "economy_item.jsonl", "economy_marker.jsonl",
        "economy_operation.jsonl", "economy_reminder.jsonl", "economy_transfer.jsonl");
    List<String> accounts = Files.readAllLines(backupDir.resolve(backup.name()).resolve("economy_account.jsonl"));
    assertThat(accounts).contains("[\"g1/a\",\"g1\",\"a\"," + (1_000 - 10 - 40 + big) + ","
        + JdbcLedgerStore.micros(TestClock.START) + "]");
    assertThat(Files.readString(backupDir.resolve(backup.name()).resolve("economy_hold.jsonl")))
        .contains("A♠").endsWith("\n");
    String manifest = Files.readString(manifest(backup));
    assertThat(manifest.replaceAll("\\s", "")).contains("\"engine\":\"" + engine.name() + "\"")
        .contains("{\"name\":\"balance\",\"type\":\"int64\"}");

    ledger.transfer("t9", user("a"), user("b"), 1);
    backups.restore(backup.name());
    assertThat(ledger.balance(user("a"))).isEqualTo(1_000 - 10 - 40 + big);
  }

  @Test
  void aBackupOfH2RestoresIntoPostgresql() {
    JdbcDatabase h2 = fresh(Engine.H2);
    Ledger source = ledger(h2);
    activity(source);
    BackupInfo backup = JdbcLedgerBackups.open(h2, backupDir, clock).create();

    JdbcDatabase pg = fresh(Engine.POSTGRESQL);
    JdbcLedgerBackups target = JdbcLedgerBackups.open(pg, backupDir, clock);
    target.restore(backup.name());
    Ledger restored = ledger(pg);
    assertThat(restored.store().balances()).isEqualTo(source.store().balances());
    assertThat(LedgerAudit.readJournal(restored.store())).isEqualTo(LedgerAudit.readJournal(source.store()));
    assertThat(restored.store().holds(dev.fragkit.economy.ledger.HoldState.PENDING))
        .isEqualTo(source.store().holds(dev.fragkit.economy.ledger.HoldState.PENDING));
    new LedgerAudit(restored.store()).checkAll(G, Set.of());
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void leasesAndScheduleAreNeitherSavedNorReplaced(Engine engine) {
    JdbcDatabase db = fresh(engine);
    JdbcLedgerBackups backups = JdbcLedgerBackups.open(db, backupDir, clock);
    activity(ledger(db));
    BackupInfo backup = backups.create();
    assertThat(backup.files()).extracting(BackupFile::name)
        .doesNotContain("economy_lease.jsonl", "economy_schedule.jsonl", "economy_lock.jsonl");
    db.jdbi().useHandle(h -> h.execute("INSERT INTO economy_schedule (task, last_run_us) VALUES ('backup', 42)"));
    backups.restore(backup.name());
    long lastRun = db.jdbi().withHandle(h -> h.createQuery(
        "SELECT last_run_us FROM economy_schedule WHERE task = 'backup'").mapTo(Long.class).one());
    assertThat(lastRun).isEqualTo(42L);
  }

  @Test
  void onPostgresqlARestoreWaitsForAWriterThatAlreadyReadTheTables() throws Exception {
    JdbcDatabase db = fresh(Engine.POSTGRESQL);
    JdbcLedgerBackups backups = JdbcLedgerBackups.open(db, backupDir, clock);
    Ledger ledger = ledger(db);
    activity(ledger);
    BackupInfo backup = backups.create();
    boolean waiting = false;
    long atBackup = ledger.balance(user("a"));
    ledger.credit("later", user("a"), 500);
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try (Connection writer = db.dataSource().getConnection();
        Connection observer = db.dataSource().getConnection()) {
      writer.setAutoCommit(false);
      long read;
      try (Statement st = writer.createStatement();
          ResultSet rs = st.executeQuery("SELECT balance FROM economy_account WHERE account_key = 'g1/a'")) {
        rs.next();
        read = rs.getLong(1);
      }
      Future<String> restore = pool.submit(() -> backups.restore(backup.name()));
      // until the restore queues behind this transaction (or, without the guard, simply finishes);
      // another session's lock queue cannot signal a latch, so pg_locks is polled
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (!waiting && !restore.isDone() && System.nanoTime() < deadline) {
        try (Statement st = observer.createStatement();
            ResultSet rs = st.executeQuery("SELECT count(*) FROM pg_locks l JOIN pg_class c"
                + " ON l.relation = c.oid WHERE NOT l.granted AND c.relname = 'economy_account'")) {
          rs.next();
          waiting = rs.getLong(1) > 0;
        }
      }
      try (Statement st = writer.createStatement()) {
        st.executeUpdate("UPDATE economy_account SET balance = " + (read + 1) + " WHERE account_key = 'g1/a'");
      }
      writer.commit();
      restore.get(60, TimeUnit.SECONDS);
    } finally {
      pool.shutdownNow();
    }
    assertThat(ledger.balance(user("a"))).as("the stale write did not survive the restore").isEqualTo(atBackup);
    assertThat(waiting).as("the restore waited for the open writer").isTrue();
    new LedgerAudit(ledger.store()).checkAll(G, Set.of());
  }
}
