package dev.fragkit.adapters.jdbc.economy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.fragkit.adapters.fs.economy.BackupDirectory;
import dev.fragkit.adapters.jdbc.JdbcDatabase;
import dev.fragkit.economy.ops.BackupException;
import dev.fragkit.economy.ops.BackupNames;
import dev.fragkit.economy.ops.LedgerBackups;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link LedgerBackups} of the ledger tables of a {@link JdbcDatabase}, PostgreSQL or H2 by the
 * same code: a logical export, portable between the two engines.
 *
 * <p><b>What is saved.</b> Every {@code economy_*} table of the current schema except the
 * coordination tables {@code economy_lock} (H2 lock rows), {@code economy_lease} (who runs which
 * maintenance task) and {@code economy_schedule} (when tasks last ran): those describe the running
 * nodes, not the ledger, and restoring them would hand leases to dead owners. Tables a later
 * migration adds are included automatically. Columns are typed from the JDBC metadata ({@code
 * int64}, {@code int32}, {@code string}, {@code boolean}; times are epoch-microsecond {@code BIGINT}s
 * in this schema and stay exact longs); another column type fails the backup with a {@link
 * BackupException} naming it.
 *
 * <p><b>Consistency.</b> All tables are read in one read-only transaction that sees one snapshot
 * while writers continue: PostgreSQL {@code REPEATABLE READ} (a snapshot taken at the first
 * statement), H2 2.x {@code SNAPSHOT} (JDBC level 6). H2's own {@code REPEATABLE READ} is not
 * enough: it keeps rows already read stable but shows rows other transactions commit later, so a
 * table read later can hold transfers the balances read earlier miss; the contract's
 * concurrent-backup test fails with it on H2 2.3.232 (3 runs of 3) and with {@code READ COMMITTED}
 * on both engines, and passes with these levels. Every ledger operation is one database
 * transaction, so a backup holds whole operations only.
 *
 * <p><b>Layout.</b> {@code <backupDir>/<name>/} holds one JSON Lines file per table ({@code
 * <table>.jsonl}: one JSON array per row, columns in the manifest's order, rows in primary-key
 * order) streamed row by row, and {@code manifest.json} (name, time taken, engine, economy Flyway
 * schema version, and per file its table, columns, row count, size and SHA-256). Everything is
 * written to {@code <name>.partial/}, fsynced, renamed, and the directory fsynced; crashed partial
 * backups are never listed. The directory mechanics (names, partial directories, listing, pruning,
 * file verification) are the file adapter's {@link BackupDirectory}.
 *
 * <p><b>Restore.</b> {@link #restore} first checks every file's size and SHA-256, the schema
 * version and each table's columns against the database (a {@link BackupException} naming the file
 * with expected and actual values, and nothing changed, on a mismatch), then takes a pre-restore
 * backup of the database (tagged {@code -pre-restore}; its name is returned), then in one
 * transaction deletes every ledger table (children first) and re-inserts the rows (parents first),
 * re-hashing the files as it reads them, and moves identity sequences past both the restored and
 * the previous maximum so later inserts never collide.
 *
 * <p>Run restore while no ledger writes to the database. As a guard on PostgreSQL the restore
 * transaction first takes {@code LOCK TABLE … IN ACCESS EXCLUSIVE MODE} on the ledger tables (30 s
 * lock timeout): it waits for transactions that already touched them, and later readers and writers
 * wait for the restore (or one side fails by deadlock detection and nothing is mixed); a weaker
 * mode would let a writer that read a balance before the restore write it back afterwards. A write
 * committed between the pre-restore backup and the lock is in neither. H2 has no such table lock.
 * The ledger stores need not be reopened afterwards ({@link JdbcLedgerStore} keeps no ledger state
 * in memory).
 *
 * <p><b>Retention.</b> {@link #prune()} deletes backups taken (by their manifest time) before now
 * minus the retention (default 7 days).
 *
 * <p>Thread-safe: {@link #create()} and {@link #restore} are serialised per instance.
 */
public final class JdbcLedgerBackups implements LedgerBackups {
  private static final Logger LOG = LoggerFactory.getLogger(JdbcLedgerBackups.class);
  private static final JsonFactory JSON = new JsonFactory();
  private static final String MANIFEST = BackupDirectory.MANIFEST;
  private static final String FORMAT = "fragkit-ledger-backup/jdbc v1";
  private static final String PRE_RESTORE = "-pre-restore";
  private static final String SUFFIX = ".jsonl";
  private static final Set<String> COORDINATION_TABLES = Set.of("economy_lock", "economy_lease", "economy_schedule");
  private static final Pattern TABLE = Pattern.compile("economy_[a-z0-9_]{1,50}");
  private static final Pattern COLUMN = Pattern.compile("[a-z][a-z0-9_]{0,62}");
  /** {@code org.h2.engine.Constants.TRANSACTION_SNAPSHOT}: H2's JDBC value for SNAPSHOT isolation. */
  private static final int H2_SNAPSHOT = 6;
  private static final int FETCH_SIZE = 500;
  private static final int BATCH_SIZE = 500;

  private final JdbcDatabase db;
  private final DataSource dataSource;
  private final BackupDirectory backups;
  private final Clock clock;
  private final Object writeLock = new Object();

  /** A column's portable type in the backup files. */
  enum ColumnType {
    INT64, INT32, STRING, BOOLEAN;

    String tag() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }

    static Optional<ColumnType> of(int sqlType) {
      return switch (sqlType) {
        case Types.BIGINT -> Optional.of(INT64);
        case Types.INTEGER, Types.SMALLINT, Types.TINYINT -> Optional.of(INT32);
        case Types.VARCHAR, Types.CHAR, Types.LONGVARCHAR, Types.NVARCHAR, Types.NCHAR -> Optional.of(STRING);
        case Types.BOOLEAN, Types.BIT -> Optional.of(BOOLEAN);
        default -> Optional.empty();
      };
    }

    static Optional<ColumnType> ofTag(String tag) {
      for (ColumnType t : values()) {
        if (t.tag().equals(tag)) {
          return Optional.of(t);
        }
      }
      return Optional.empty();
    }
  }

  record Column(String name, ColumnType type) {}

  /** A table as the database has it now. */
  record Table(String name, List<Column> columns, List<String> primaryKey, List<String> identity) {
    String file() {
      return name + SUFFIX;
    }
  }

  /** One table file as a manifest lists it. */
  record TableFile(String table, List<Column> columns, long rows, BackupFile file) {}

  /** A whole manifest. */
  record Manifest(BackupInfo info, String engine, String schemaVersion, List<TableFile> tables) {}

  private JdbcLedgerBackups(JdbcDatabase db, Path backupDir, Clock clock, Duration retention) {
    this.db = db;
    this.dataSource = db.dataSource();
    this.clock = Objects.requireNonNull(clock, "clock");
    this.backups = new BackupDirectory(backupDir, clock, retention, n -> readManifest(n).info());
  }

  /**
   * Migrates the {@code economy} schema (so that a backup can be restored into a new database) and
   * returns backups of it kept in {@code backupDir} with a seven-day retention.
   */
  public static JdbcLedgerBackups open(JdbcDatabase db, Path backupDir, Clock clock) {
    return open(db, backupDir, clock, Duration.ofDays(7));
  }

  /** As {@link #open(JdbcDatabase, Path, Clock)} with {@code retention} (positive). */
  public static JdbcLedgerBackups open(JdbcDatabase db, Path backupDir, Clock clock, Duration retention) {
    Objects.requireNonNull(db, "db");
    Objects.requireNonNull(backupDir, "backupDir");
    JdbcLedgerBackups backups = new JdbcLedgerBackups(db, backupDir, clock, retention);
    db.migrate("economy");
    return backups;
  }

  // ------------------------------------------------------------------ create

  @Override
  public BackupInfo create() {
    synchronized (writeLock) {
      return write("");
    }
  }

  private BackupInfo write(String tag) {
    Instant at = clock.instant();
    String name = null;
    String current = MANIFEST;
    BackupDirectory.Partial partial = null;
    try {
      partial = backups.begin(at, tag);
      name = partial.name();
      List<TableFile> files = new ArrayList<>();
      String engine = db.dialect().name();
      String version;
      try (Connection c = dataSource.getConnection()) {
        c.setAutoCommit(false);
        c.setReadOnly(true);
        c.setTransactionIsolation(db.dialect() == JdbcDatabase.Dialect.H2 ? H2_SNAPSHOT
            : Connection.TRANSACTION_REPEATABLE_READ);
        try {
          // the first statement fixes the snapshot every later read of this transaction sees
          version = schemaVersion(c);
          for (Table table : tables(c, name)) {
            current = table.file();
            files.add(export(c, table, partial.path().resolve(table.file())));
          }
        } finally {
          c.rollback();
        }
      }
      List<BackupFile> entries = files.stream().map(TableFile::file).toList();
      Manifest manifest = new Manifest(new BackupInfo(name, at, entries), engine, version, files);
      current = MANIFEST;
      backups.commit(partial, manifest(manifest));
      LOG.info("ledger backup {}: {} tables, {} rows, {} bytes", name, files.size(),
          files.stream().mapToLong(TableFile::rows).sum(), manifest.info().totalBytes());
      return manifest.info();
    } catch (IOException e) {
      throw BackupDirectory.discard(partial, new BackupException("backup " + name + ": cannot write " + current
          + " in " + backups.path() + ": " + e, name, current, e));
    } catch (SQLException e) {
      throw BackupDirectory.discard(partial, new BackupException("backup " + name + ": cannot export " + current + ": " + e, name,
          current, e));
    } catch (RuntimeException e) {
      throw BackupDirectory.discard(partial, e);
    }
  }

  private static TableFile export(Connection c, Table table, Path file) throws IOException, SQLException {
    MessageDigest sha = BackupDirectory.newSha256();
    long rows = 0;
    String order = table.primaryKey().isEmpty() ? "" : " ORDER BY " + String.join(", ", table.primaryKey());
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      OutputStream out = new DigestOutputStream(new BufferedOutputStream(Channels.newOutputStream(ch), 1 << 16), sha);
      try (PreparedStatement ps = c.prepareStatement("SELECT " + columnList(table.columns()) + " FROM "
          + table.name() + order)) {
        ps.setFetchSize(FETCH_SIZE);
        try (ResultSet rs = ps.executeQuery(); JsonGenerator g = JSON.createGenerator(out)) {
          g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
          g.setRootValueSeparator(null);
          while (rs.next()) {
            g.writeStartArray();
            for (int i = 0; i < table.columns().size(); i++) {
              writeValue(g, rs, i + 1, table.columns().get(i).type());
            }
            g.writeEndArray();
            g.writeRaw('\n');
            rows++;
          }
        }
      }
      out.flush();
      ch.force(true);
      return new TableFile(table.name(), table.columns(), rows,
          new BackupFile(file.getFileName().toString(), ch.size(), HexFormat.of().formatHex(sha.digest())));
    }
  }

  private static void writeValue(JsonGenerator g, ResultSet rs, int i, ColumnType type) throws IOException,
      SQLException {
    switch (type) {
      case INT64 -> {
        long v = rs.getLong(i);
        if (rs.wasNull()) {
          g.writeNull();
        } else {
          g.writeNumber(v);
        }
      }
      case INT32 -> {
        int v = rs.getInt(i);
        if (rs.wasNull()) {
          g.writeNull();
        } else {
          g.writeNumber(v);
        }
      }
      case BOOLEAN -> {
        boolean v = rs.getBoolean(i);
        if (rs.wasNull()) {
          g.writeNull();
        } else {
          g.writeBoolean(v);
        }
      }
      case STRING -> {
        String v = rs.getString(i);
        if (v == null) {
          g.writeNull();
        } else {
          g.writeString(v);
        }
      }
    }
  }

  // ------------------------------------------------------------------ schema

  /** The economy domain's applied Flyway version. */
  private static String schemaVersion(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT version FROM fragkit_economy_schema_history"
            + " WHERE success = TRUE AND version IS NOT NULL ORDER BY installed_rank DESC")) {
      if (!rs.next()) {
        throw new SQLException("no applied economy migration in fragkit_economy_schema_history");
      }
      return rs.getString(1);
    }
  }

  /** The ledger tables, parents (by foreign keys) before children, else by name. */
  private List<Table> tables(Connection c, @Nullable String backup) throws SQLException {
    String schema = c.getSchema();
    TreeSet<String> names = new TreeSet<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT table_name FROM information_schema.tables"
        + " WHERE table_schema = ? AND table_type = 'BASE TABLE'")) {
      ps.setString(1, schema);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String n = rs.getString(1);
          if (n.startsWith("economy_") && !COORDINATION_TABLES.contains(n)) {
            if (!TABLE.matcher(n).matches()) {
              throw new BackupException("ledger table name not supported for backup: " + n, backup, null, null);
            }
            names.add(n);
          }
        }
      }
    }
    DatabaseMetaData meta = c.getMetaData();
    Map<String, Set<String>> parents = new TreeMap<>();
    Map<String, Table> byName = new TreeMap<>();
    for (String n : names) {
      Set<String> ps = new TreeSet<>();
      try (ResultSet rs = meta.getImportedKeys(c.getCatalog(), schema, n)) {
        while (rs.next()) {
          String parent = rs.getString("PKTABLE_NAME");
          if (names.contains(parent) && !parent.equals(n)) {
            ps.add(parent);
          }
        }
      }
      parents.put(n, ps);
      byName.put(n, table(c, schema, n, backup));
    }
    List<Table> ordered = new ArrayList<>();
    Set<String> done = new TreeSet<>();
    while (ordered.size() < names.size()) {
      String next = null;
      for (String n : names) {
        if (!done.contains(n) && done.containsAll(parents.get(n))) {
          next = n;
          break;
        }
      }
      if (next == null) {
        throw new BackupException("ledger tables have cyclic foreign keys: " + parents, backup, null, null);
      }
      done.add(next);
      ordered.add(byName.get(next));
    }
    return ordered;
  }

  private static Table table(Connection c, String schema, String name, @Nullable String backup) throws SQLException {
    List<Column> columns = new ArrayList<>();
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM " + name + " WHERE 1 = 0")) {
      ResultSetMetaData md = rs.getMetaData();
      for (int i = 1; i <= md.getColumnCount(); i++) {
        String col = md.getColumnName(i).toLowerCase(java.util.Locale.ROOT);
        int sqlType = md.getColumnType(i);
        Optional<ColumnType> type = ColumnType.of(sqlType);
        if (type.isEmpty()) {
          throw new BackupException("column " + name + "." + col + " has SQL type " + md.getColumnTypeName(i)
              + " (" + sqlType + "), not supported for backup", backup, name + SUFFIX, null);
        }
        if (!COLUMN.matcher(col).matches()) {
          throw new BackupException("column name not supported for backup: " + name + "." + col, backup,
              name + SUFFIX, null);
        }
        columns.add(new Column(col, type.get()));
      }
    }
    TreeMap<Short, String> pk = new TreeMap<>();
    try (ResultSet rs = c.getMetaData().getPrimaryKeys(c.getCatalog(), schema, name)) {
      while (rs.next()) {
        pk.put(rs.getShort("KEY_SEQ"), rs.getString("COLUMN_NAME").toLowerCase(java.util.Locale.ROOT));
      }
    }
    List<String> identity = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT column_name FROM information_schema.columns"
        + " WHERE table_schema = ? AND table_name = ? AND is_identity = 'YES' ORDER BY column_name")) {
      ps.setString(1, schema);
      ps.setString(2, name);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          identity.add(rs.getString(1).toLowerCase(java.util.Locale.ROOT));
        }
      }
    }
    return new Table(name, List.copyOf(columns), List.copyOf(pk.values()), List.copyOf(identity));
  }

  private static String columnList(List<Column> columns) {
    return String.join(", ", columns.stream().map(Column::name).toList());
  }

  // ------------------------------------------------------------------ list, stats, prune

  @Override
  public List<BackupInfo> list() {
    return backups.list();
  }

  @Override
  public BackupStats stats() {
    return backups.stats();
  }

  @Override
  public List<String> prune() {
    return backups.prune();
  }

  // ------------------------------------------------------------------ restore

  @Override
  public String restore(String name) {
    BackupNames.check(name);
    synchronized (writeLock) {
      Path source = backups.requireComplete(name);
      Manifest manifest = readManifest(name);
      for (TableFile t : manifest.tables()) {
        backups.verify(name, t.file());
      }
      List<Table> tables;
      try (Connection c = dataSource.getConnection()) {
        checkFits(name, manifest, schemaVersion(c), tables = tables(c, name));
      } catch (SQLException e) {
        throw new BackupException("backup " + name + ": cannot read the database schema: " + e, name, null, e);
      }
      String kept = write(PRE_RESTORE).name();
      load(name, source, manifest, tables);
      LOG.info("ledger restored from backup {}; the previous state is kept in backup {}", name, kept);
      return kept;
    }
  }

  /** The backup must have been taken at the database's schema version, with the same tables and columns. */
  private static void checkFits(String name, Manifest manifest, String version, List<Table> tables) {
    if (!manifest.schemaVersion().equals(version)) {
      throw new BackupException("backup " + name + ": economy schema version: expected " + manifest.schemaVersion()
          + " (backup), actual " + version + " (database)", name, MANIFEST, null);
    }
    Map<String, Table> current = new LinkedHashMap<>();
    tables.forEach(t -> current.put(t.name(), t));
    Map<String, TableFile> saved = new LinkedHashMap<>();
    manifest.tables().forEach(t -> saved.put(t.table(), t));
    if (!current.keySet().equals(saved.keySet())) {
      throw new BackupException("backup " + name + ": ledger tables: expected " + new TreeSet<>(saved.keySet())
          + " (backup), actual " + new TreeSet<>(current.keySet()) + " (database)", name, MANIFEST, null);
    }
    for (TableFile t : manifest.tables()) {
      List<Column> now = current.get(t.table()).columns();
      if (!now.equals(t.columns())) {
        throw new BackupException("backup " + name + ": columns of " + t.table() + ": expected " + t.columns()
            + " (backup), actual " + now + " (database)", name, t.file().name(), null);
      }
    }
  }

  /** Replaces every ledger table in one transaction. */
  private void load(String name, Path source, Manifest manifest, List<Table> tables) {
    Map<String, TableFile> files = new LinkedHashMap<>();
    manifest.tables().forEach(t -> files.put(t.table(), t));
    String current = null;
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
      try {
        if (db.dialect() == JdbcDatabase.Dialect.POSTGRESQL) {
          try (Statement s = c.createStatement()) {
            s.execute("SET LOCAL lock_timeout = '30s'");
            s.execute("LOCK TABLE " + String.join(", ", tables.stream().map(Table::name).toList())
                + " IN ACCESS EXCLUSIVE MODE");
          }
        }
        Map<String, Long> previousMax = new LinkedHashMap<>();
        for (Table t : tables) {
          for (String col : t.identity()) {
            previousMax.put(t.name() + "." + col, max(c, t.name(), col));
          }
        }
        List<Table> childrenFirst = new ArrayList<>(tables);
        Collections.reverse(childrenFirst);
        for (Table t : childrenFirst) {
          current = t.name();
          try (Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM " + t.name());
          }
        }
        for (Table t : tables) {
          TableFile file = files.get(t.name());
          current = file.file().name();
          insert(c, name, t, file, source.resolve(file.file().name()));
          for (String col : t.identity()) {
            long next = Math.max(previousMax.get(t.name() + "." + col), max(c, t.name(), col)) + 1;
            try (Statement s = c.createStatement()) {
              s.execute("ALTER TABLE " + t.name() + " ALTER COLUMN " + col + " RESTART WITH " + next);
            }
          }
        }
        c.commit();
      } catch (SQLException | IOException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (IOException e) {
      throw new BackupException("backup " + name + ": cannot read " + current + ": " + e, name, current, e);
    } catch (SQLException e) {
      throw new BackupException("backup " + name + ": cannot restore " + current + " (nothing was changed): " + e,
          name, current, e);
    }
  }

  private static long max(Connection c, String table, String column) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(" + column + "), 0) FROM " + table)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static void insert(Connection c, String name, Table table, TableFile file, Path path)
      throws IOException, SQLException {
    List<Column> columns = table.columns();
    String sql = "INSERT INTO " + table.name() + " (" + columnList(columns) + ") VALUES ("
        + String.join(", ", Collections.nCopies(columns.size(), "?")) + ")";
    MessageDigest sha = BackupDirectory.newSha256();
    long rows = 0;
    try (InputStream in = new DigestInputStream(new BufferedInputStream(Files.newInputStream(path), 1 << 16), sha);
        JsonParser p = JSON.createParser(in);
        PreparedStatement ps = c.prepareStatement(sql)) {
      p.disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);
      int batched = 0;
      for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
        rows++;
        if (t != JsonToken.START_ARRAY) {
          throw malformed(name, file, rows, "a row is not a JSON array");
        }
        for (int i = 0; i < columns.size(); i++) {
          bind(ps, i + 1, columns.get(i), p.nextToken(), p, name, file, rows);
        }
        if (p.nextToken() != JsonToken.END_ARRAY) {
          throw malformed(name, file, rows, "more than " + columns.size() + " values");
        }
        ps.addBatch();
        if (++batched == BATCH_SIZE) {
          ps.executeBatch();
          batched = 0;
        }
      }
      if (batched > 0) {
        ps.executeBatch();
      }
      // drain what the parser did not need, so the digest covers the whole file
      byte[] rest = new byte[8192];
      while (in.read(rest) >= 0) {
        // digested by DigestInputStream
      }
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw malformed(name, file, rows, e.getOriginalMessage());
    }
    String actual = HexFormat.of().formatHex(sha.digest());
    if (!actual.equals(file.file().sha256())) {
      throw new BackupException("backup " + name + ": file " + file.file().name() + " changed while it was restored:"
          + " SHA-256: expected " + file.file().sha256() + ", actual " + actual + " (nothing was changed)", name,
          file.file().name(), null);
    }
    if (rows != file.rows()) {
      throw new BackupException("backup " + name + ": file " + file.file().name() + ": rows: expected " + file.rows()
          + ", actual " + rows + " (nothing was changed)", name, file.file().name(), null);
    }
  }

  private static void bind(PreparedStatement ps, int i, Column column, @Nullable JsonToken t, JsonParser p,
      String name, TableFile file, long row) throws IOException, SQLException {
    if (t == JsonToken.VALUE_NULL) {
      ps.setNull(i, switch (column.type()) {
        case INT64 -> Types.BIGINT;
        case INT32 -> Types.INTEGER;
        case STRING -> Types.VARCHAR;
        case BOOLEAN -> Types.BOOLEAN;
      });
      return;
    }
    boolean ok = switch (column.type()) {
      case INT64 -> t == JsonToken.VALUE_NUMBER_INT && p.getNumberType() != JsonParser.NumberType.BIG_INTEGER;
      case INT32 -> t == JsonToken.VALUE_NUMBER_INT && p.getNumberType() == JsonParser.NumberType.INT;
      case STRING -> t == JsonToken.VALUE_STRING;
      case BOOLEAN -> t == JsonToken.VALUE_TRUE || t == JsonToken.VALUE_FALSE;
    };
    if (!ok) {
      throw malformed(name, file, row, "column " + column.name() + ": expected " + column.type().tag() + ", found " + t);
    }
    switch (column.type()) {
      case INT64 -> ps.setLong(i, p.getLongValue());
      case INT32 -> ps.setInt(i, p.getIntValue());
      case STRING -> ps.setString(i, p.getText());
      case BOOLEAN -> ps.setBoolean(i, p.getBooleanValue());
    }
  }

  private static BackupException malformed(String name, TableFile file, long row, String why) {
    return new BackupException("backup " + name + ": file " + file.file().name() + ", row " + row + ": " + why
        + " (nothing was changed)", name, file.file().name(), null);
  }

  // ------------------------------------------------------------------ manifest

  private static byte[] manifest(Manifest m) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      g.useDefaultPrettyPrinter();
      g.writeStartObject();
      g.writeStringField("format", FORMAT);
      g.writeStringField("name", m.info().name());
      g.writeStringField("takenAt", m.info().takenAt().toString());
      g.writeStringField("engine", m.engine());
      g.writeStringField("schemaVersion", m.schemaVersion());
      g.writeNumberField("totalSize", m.info().totalBytes());
      g.writeArrayFieldStart("files");
      for (TableFile t : m.tables()) {
        g.writeStartObject();
        g.writeStringField("file", t.file().name());
        g.writeStringField("table", t.table());
        g.writeNumberField("rows", t.rows());
        g.writeNumberField("size", t.file().size());
        g.writeStringField("sha256", t.file().sha256());
        g.writeArrayFieldStart("columns");
        for (Column col : t.columns()) {
          g.writeStartObject();
          g.writeStringField("name", col.name());
          g.writeStringField("type", col.type().tag());
          g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    return out.toByteArray();
  }

  private Manifest readManifest(String dirName) {
    var m = new Object() {
      @Nullable String format;
      @Nullable String name;
      @Nullable Instant at;
      @Nullable String engine;
      @Nullable String version;
      final List<TableFile> tables = new ArrayList<>();
    };
    backups.readManifest(dirName, (field, p) -> {
      switch (field) {
        case "format" -> m.format = p.getText();
        case "name" -> m.name = p.getText();
        case "takenAt" -> m.at = Instant.parse(p.getText());
        case "engine" -> m.engine = p.getText();
        case "schemaVersion" -> m.version = p.getText();
        case "files" -> {
          while (p.nextToken() == JsonToken.START_OBJECT) {
            m.tables.add(tableFile(dirName, p));
          }
        }
        default -> {
          return false;
        }
      }
      return true;
    });
    String format = m.format;
    String name = m.name;
    Instant at = m.at;
    String engine = m.engine;
    String version = m.version;
    List<TableFile> tables = m.tables;
    if (!FORMAT.equals(format)) {
      throw invalidManifest(dirName, "format: expected " + FORMAT + ", actual " + format, null);
    }
    if (name == null || at == null || engine == null || version == null) {
      throw invalidManifest(dirName, "name, takenAt, engine or schemaVersion missing", null);
    }
    if (!name.equals(dirName)) {
      throw invalidManifest(dirName, "it names backup " + name, null);
    }
    return new Manifest(new BackupInfo(name, at, tables.stream().map(TableFile::file).toList()), engine, version,
        List.copyOf(tables));
  }

  private static TableFile tableFile(String dirName, JsonParser p) throws IOException {
    String file = null;
    String table = null;
    long rows = -1;
    long size = -1;
    String sha = null;
    List<Column> columns = new ArrayList<>();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String f = p.currentName();
      p.nextToken();
      switch (f) {
        case "file" -> file = p.getText();
        case "table" -> table = p.getText();
        case "rows" -> rows = p.getLongValue();
        case "size" -> size = p.getLongValue();
        case "sha256" -> sha = p.getText();
        case "columns" -> {
          while (p.nextToken() == JsonToken.START_OBJECT) {
            String cn = null;
            String ct = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
              String k = p.currentName();
              p.nextToken();
              switch (k) {
                case "name" -> cn = p.getText();
                case "type" -> ct = p.getText();
                default -> p.skipChildren();
              }
            }
            Optional<ColumnType> type = ct == null ? Optional.empty() : ColumnType.ofTag(ct);
            if (cn == null || type.isEmpty()) {
              throw invalidManifest(dirName, "invalid column " + cn + " of type " + ct + " in " + file, null);
            }
            columns.add(new Column(cn, type.get()));
          }
        }
        default -> p.skipChildren();
      }
    }
    if (table == null || !TABLE.matcher(table).matches() || !(table + SUFFIX).equals(file) || sha == null
        || size < 0 || rows < 0 || columns.isEmpty()) {
      throw invalidManifest(dirName, "invalid file entry " + file, null);
    }
    return new TableFile(table, List.copyOf(columns), rows, new BackupFile(file, size, sha));
  }

  private static BackupException invalidManifest(String name, String why, @Nullable Throwable cause) {
    return BackupDirectory.invalidManifest(name, why, cause);
  }
}
