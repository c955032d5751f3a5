package dev.fragkit.adapters.cli;

import dev.fragkit.adapters.jdbc.JdbcDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * Where Greatshot keeps its data: {@code --data DIR} (demo files, and the embedded H2 database
 * unless {@code --db}) and the database options. A picocli mixin shared by {@code serve} and
 * {@code reconcile}, so both always open the same storage. Not thread-safe (CLI parsing).
 */
final class StorageOptions {
  @Option(names = "--data", defaultValue = "fragkit-data",
      description = "Data directory (demo files, and the embedded H2 database unless --db). Default: ${DEFAULT-VALUE}.")
  Path data = Path.of("fragkit-data");

  @Option(names = "--db", description = "JDBC URL (jdbc:postgresql:… or jdbc:h2:…). Default: embedded H2 in --data.")
  @Nullable String db;

  @Option(names = "--db-user", defaultValue = "", description = "Database user (with --db).")
  String dbUser = "";

  @Option(names = "--db-password", defaultValue = "${env:FRAGKIT_DB_PASSWORD:-}",
      description = "Database password (with --db). Default: $FRAGKIT_DB_PASSWORD.")
  String dbPassword = "";

  /** Creates the data directory if needed and opens the database. */
  JdbcDatabase openDatabase(int maxConnections) throws IOException {
    Files.createDirectories(data);
    return db == null ? JdbcDatabase.embedded(data) : JdbcDatabase.open(db, dbUser, dbPassword, maxConnections);
  }

  /** The root of the Greatshot file layout inside the data directory. */
  Path greatshotFiles() {
    return data.resolve("greatshot");
  }

  /** For messages: "data /abs/dir, database embedded H2". */
  String describe() {
    return "data " + data.toAbsolutePath() + ", database " + (db == null ? "embedded H2" : db);
  }
}
