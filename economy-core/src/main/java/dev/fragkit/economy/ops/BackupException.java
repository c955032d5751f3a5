package dev.fragkit.economy.ops;

import dev.fragkit.economy.LedgerException;
import org.jspecify.annotations.Nullable;

/**
 * A backup could not be taken, read, verified or restored. {@link #key()} is the backup's name;
 * the message names the file and what was wrong (missing, size or SHA-256 mismatch, I/O).
 *
 * <p>Immutable.
 */
public final class BackupException extends LedgerException {
  private static final long serialVersionUID = 1L;

  public BackupException(String message, @Nullable String backupName, @Nullable Throwable cause) {
    super(message, null, backupName, cause);
  }
}
