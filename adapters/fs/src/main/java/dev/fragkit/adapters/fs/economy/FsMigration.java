package dev.fragkit.adapters.fs.economy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * One versioned change of a store directory, run by {@link FsMigrator}.
 *
 * <p>The {@link #checksum()} is the SHA-256 of a canonical text of the version, the description
 * and the {@code definition}: the migration's declared code revision, an exact statement of what the
 * step does ("rewrite X as Y; rev 2"). Java code cannot be hashed reliably across compilers, so the
 * rule is: whenever the step's behaviour changes, change its definition. A directory migrated by a
 * step with another definition is then refused with {@link MigrationChecksumException} instead of
 * being silently treated as equivalent.
 *
 * <p>A step is recorded as applied only after it returned. A step interrupted by a crash runs again
 * from its start on the next migration, so a step must be safe to re-run over its own partial work
 * (write new files with {@link AtomicFiles}, make an atomic rename its last action).
 *
 * <p>Immutable (the step itself should be stateless).
 *
 * @param version 1, 2, 3, … in the order the steps must run
 * @param description one line for people (recorded in the history)
 * @param definition what the step does, exactly; part of the checksum
 */
public record FsMigration(int version, String description, String definition, Step step) {
  /** The work of a migration on the store directory; run by one thread at a time, under the migration lock. */
  @FunctionalInterface
  public interface Step {
    void apply(Path dir) throws IOException;
  }

  public FsMigration {
    if (version < 1) {
      throw new IllegalArgumentException("version < 1: " + version);
    }
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(definition, "definition");
    Objects.requireNonNull(step, "step");
    if (description.isBlank() || description.contains("\n")) {
      throw new IllegalArgumentException("description must be one non-blank line: \"" + description + "\"");
    }
    if (definition.isBlank()) {
      throw new IllegalArgumentException("definition is blank (migration v" + version + ")");
    }
  }

  /** Lower-case hex SHA-256 of the canonical definition text. */
  public String checksum() {
    String canonical = "fragkit-fs-migration\nversion=" + version + "\ndescription=" + description
        + "\ndefinition=" + definition + "\n";
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(canonical.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK provides SHA-256", e);
    }
  }
}
