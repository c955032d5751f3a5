package dev.fragkit.telemetry.proximity;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A line the parser could not use; the rest of the file is still parsed. Immutable.
 *
 * @param line 1-based line number (-1 for the summary of errors beyond the cap)
 * @param section the section it belonged to ("HEADER" before the first section)
 * @param field the offending field's documented column name ({@link Section#columns()}), a
 *     sub-field such as {@code positions.time}, or a header key; null when the whole line is wrong
 *     (field count, line length, row outside a section)
 * @param value the offending value as written; null when {@code field} is null
 * @param message what was wrong, naming the field and value
 * @param text the line (truncated to 200 characters)
 */
public record LineError(int line, String section, @Nullable String field, @Nullable String value,
    String message, String text) {

  /** The offending field, if the error concerns one field. */
  public Optional<String> fieldName() {
    return Optional.ofNullable(field);
  }
}
