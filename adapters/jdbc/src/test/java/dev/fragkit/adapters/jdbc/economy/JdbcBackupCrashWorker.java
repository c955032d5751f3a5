package dev.fragkit.adapters.jdbc.economy;

import dev.fragkit.adapters.jdbc.JdbcDatabase;
import dev.fragkit.economy.ops.BackupCrashHarness;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Child JVM of {@link JdbcBackupCrashTest}: {@link BackupCrashHarness#transferAndBackUpForever} on
 * the embedded H2 database in a directory. Args: database directory, backup directory, run, seed.
 */
public final class JdbcBackupCrashWorker {
  private JdbcBackupCrashWorker() {}

  public static void main(String[] args) throws IOException {
    JdbcDatabase db = JdbcDatabase.embedded(Path.of(args[0]));
    BackupCrashHarness.transferAndBackUpForever(args, data -> JdbcLedgerStore.open(db),
        (store, data, backupDir, clock) -> JdbcLedgerBackups.open(db, backupDir, clock));
  }
}
