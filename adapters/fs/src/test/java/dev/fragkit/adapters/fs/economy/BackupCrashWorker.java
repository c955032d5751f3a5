package dev.fragkit.adapters.fs.economy;

import dev.fragkit.economy.ops.BackupCrashHarness;
import java.io.IOException;

/**
 * Child JVM of {@link BackupCrashTest}: {@link BackupCrashHarness#transferAndBackUpForever} on a
 * file store. Args: data directory, backup directory, run, seed.
 */
public final class BackupCrashWorker {
  private BackupCrashWorker() {}

  public static void main(String[] args) throws IOException {
    BackupCrashHarness.transferAndBackUpForever(args, FsLedgerStore::open,
        (store, data, backupDir, clock) -> new FsLedgerBackups(data, backupDir, clock));
  }
}
