package dev.fragkit.adapters.fs.economy;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * The migration history file cannot be read or is inconsistent (malformed JSON, a missing field, a
 * gap or repetition in the recorded versions). The message names the file and the field or entry.
 * Immutable.
 */
public final class MigrationHistoryException extends MigrationException {
  private static final long serialVersionUID = 1L;

  MigrationHistoryException(String message, Path directory, int version, @Nullable Throwable cause) {
    super(message, directory, version, cause);
  }
}
