package dev.fragkit.economy.ops;

import dev.fragkit.economy.LedgerException;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A backup could not be taken, read, verified or restored. {@link #key()} is the backup's name,
 * {@link #file()} the file; the message names both and what was wrong (missing, size or SHA-256
 * mismatch with expected and actual values, schema, I/O).
 *
 * <p>Immutable.
 */
public final class BackupException extends LedgerException {
  private static final long serialVersionUID = 1L;

  private final @Nullable String file;

  public BackupException(String message, @Nullable String backupName, @Nullable Throwable cause) {
    this(message, backupName, null, cause);
  }

  /**
   * @param backupName the backup concerned, or null
   * @param file the file of the backup concerned (manifest, table or store file), or null
   */
  public BackupException(String message, @Nullable String backupName, @Nullable String file,
      @Nullable Throwable cause) {
    super(message, null, backupName, cause);
    this.file = file;
  }

  /** The file of the backup the failure concerns, if any. */
  public Optional<String> file() {
    return Optional.ofNullable(file);
  }
}
