package dev.fragkit.adapters.fs.economy;

import java.nio.file.Path;

/**
 * A migration recorded as applied has a different checksum than the code's migration of that
 * version: the code that shaped the data is not the code that is running (an edited migration, or a
 * different build). Refused rather than guessing which one is right. Immutable.
 */
public final class MigrationChecksumException extends MigrationException {
  private static final long serialVersionUID = 1L;

  private final String recordedChecksum;
  private final String codeChecksum;

  MigrationChecksumException(Path directory, int version, String description, String recordedChecksum,
      String codeChecksum) {
    super("migration v" + version + " (" + description + ") in " + directory + " was applied with checksum "
        + recordedChecksum + " but the code's checksum is " + codeChecksum, directory, version, null);
    this.recordedChecksum = recordedChecksum;
    this.codeChecksum = codeChecksum;
  }

  public String recordedChecksum() {
    return recordedChecksum;
  }

  public String codeChecksum() {
    return codeChecksum;
  }
}
