package dev.fragkit.adapters.fs.economy;

import dev.fragkit.economy.LedgerException;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * A store directory's migration history does not fit the code: the subclass names the rule that is
 * broken. {@link #directory()} is the store directory and {@link #key()} is {@code "migration v<N>"}
 * for the version concerned. The directory is left untouched; nothing was migrated.
 *
 * <p>Immutable.
 */
public abstract class MigrationException extends LedgerException {
  private static final long serialVersionUID = 1L;

  private final String directory;
  private final int version;

  MigrationException(String message, Path directory, int version, @Nullable Throwable cause) {
    super(message, null, "migration v" + version, cause);
    this.directory = directory.toString();
    this.version = version;
  }

  /** The store directory whose history was read. */
  public Path directory() {
    return Path.of(directory);
  }

  /** The migration version concerned. */
  public int version() {
    return version;
  }
}
