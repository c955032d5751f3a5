package dev.fragkit.economy.ops;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Backups of one ledger store: consistent snapshots with a manifest of every file's size and
 * SHA-256, a retention window, and a restore that verifies the manifest and keeps a copy of the
 * current state first. Implemented per store adapter (file store, JDBC store); the
 * {@link MaintenanceScheduler} runs {@link #create()} and {@link #prune()} daily.
 *
 * <p>Backup names are unique, made of {@code [A-Za-z0-9._-]} and sort by the time they were taken;
 * a backup that was being written when the process died is never listed nor restorable. Failures
 * are {@link BackupException}s naming the backup ({@link BackupException#key()}) and the file
 * ({@link BackupException#file()}). Implementations must be thread-safe; concurrent {@link
 * #create()} calls may be serialised.
 */
public interface LedgerBackups {
  /** Takes a consistent backup of the live store (no torn copy of a file being written). */
  BackupInfo create();

  /**
   * Every complete backup, newest first. Incomplete (crashed) backups are not listed, nor are
   * backups whose manifest cannot be read (logged; {@link #restore} on one names the problem).
   */
  List<BackupInfo> list();

  /** Totals over {@link #list()}. */
  BackupStats stats();

  /**
   * Deletes backups taken (by their recorded time, not file times) before now minus the retention
   * window, and leftovers of crashed backups as old; returns the deleted backups' names, oldest
   * first.
   */
  List<String> prune();

  /**
   * Replaces the store's state with backup {@code name}: verifies every file against the manifest
   * first (nothing is changed when one does not match), then takes a backup of the current state
   * (the pre-restore copy), then restores. Implementations document whether the store must be
   * closed or idle while this runs.
   *
   * @return the name of the pre-restore backup; it is listed by {@link #list()}, subject to {@link
   *     #prune()} like any other backup, and can itself be restored
   * @throws BackupException when {@code name} is not a complete backup, a file is missing or does
   *     not match its manifest (size or SHA-256), or the backup does not fit the store (schema)
   */
  String restore(String name);

  /** One file of a backup. Immutable. */
  record BackupFile(String name, long size, String sha256) {
    public BackupFile {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(sha256, "sha256");
      if (size < 0) {
        throw new IllegalArgumentException("size < 0: " + size);
      }
    }
  }

  /** A complete backup. Immutable. */
  record BackupInfo(String name, Instant takenAt, List<BackupFile> files) {
    public BackupInfo {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(takenAt, "takenAt");
      files = List.copyOf(files);
    }

    public long totalBytes() {
      return files.stream().mapToLong(BackupFile::size).sum();
    }
  }

  /** Totals over all backups; {@code newest}/{@code oldest} are null when there are none. Immutable. */
  record BackupStats(int count, long totalBytes, @Nullable Instant newest,
      @Nullable Instant oldest) {}
}
