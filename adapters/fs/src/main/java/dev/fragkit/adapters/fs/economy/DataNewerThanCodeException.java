package dev.fragkit.adapters.fs.economy;

import java.nio.file.Path;

/**
 * The directory was migrated (or is being migrated) by newer code to a version this code does not
 * know; running older code on it could misread or damage it. {@link #version()} is the data's
 * version. Immutable.
 */
public final class DataNewerThanCodeException extends MigrationException {
  private static final long serialVersionUID = 1L;

  private final int codeVersion;

  DataNewerThanCodeException(Path directory, int dataVersion, int codeVersion) {
    super("store " + directory + " is at layout version " + dataVersion + " but this code knows versions up to "
        + codeVersion + "; upgrade the code", directory, dataVersion, null);
    this.codeVersion = codeVersion;
  }

  /** The highest version this code knows. */
  public int codeVersion() {
    return codeVersion;
  }
}
