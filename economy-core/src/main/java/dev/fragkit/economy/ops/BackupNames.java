package dev.fragkit.economy.ops;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The naming rules {@link LedgerBackups} implementations share: a backup is named after the UTC
 * time it was taken ({@code 2026-01-01T03-00-00-000Z}, file-name safe, sorting by time), with
 * {@code -1}, {@code -2}, … appended when that name is taken and an optional tag such as {@code
 * -pre-restore}. Crashed backups carry the suffix {@link #PARTIAL}.
 *
 * <p>Thread-safe (stateless).
 */
public final class BackupNames {
  /** Suffix of a backup still being written, or left by a crash while it was. */
  public static final String PARTIAL = ".partial";

  private static final DateTimeFormatter FORMAT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH-mm-ss-SSS'Z'").withZone(ZoneOffset.UTC);
  private static final int TIMESTAMP_LENGTH = "2026-01-01T03-00-00-000Z".length();
  private static final Pattern VALID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

  private BackupNames() {}

  /**
   * The {@code attempt}-th candidate name (0 = no counter) for a backup taken at {@code at};
   * {@code tag} ({@code ""} or e.g. {@code "-pre-restore"}) is appended.
   */
  public static String candidate(Instant at, String tag, int attempt) {
    if (attempt < 0) {
      throw new IllegalArgumentException("attempt < 0: " + attempt);
    }
    return FORMAT.format(at) + tag + (attempt == 0 ? "" : "-" + attempt);
  }

  /**
   * Rejects a name that cannot be a complete backup (path separators, {@code ..}, a {@link
   * #PARTIAL} suffix, other characters than {@code [A-Za-z0-9._-]}).
   *
   * @throws BackupException naming the backup
   */
  public static String check(String name) {
    if (!VALID.matcher(name).matches() || name.contains("..") || name.endsWith(PARTIAL)) {
      throw new BackupException("not a backup name (expected [A-Za-z0-9._-], no '..', not *" + PARTIAL
          + "): " + name, name, null);
    }
    return name;
  }

  /** The time encoded at the start of {@code name} (also of a {@code *.partial} name), if any. */
  public static Optional<Instant> timestampOf(String name) {
    if (name.length() < TIMESTAMP_LENGTH) {
      return Optional.empty();
    }
    try {
      return Optional.of(Instant.from(FORMAT.parse(name.substring(0, TIMESTAMP_LENGTH))));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
