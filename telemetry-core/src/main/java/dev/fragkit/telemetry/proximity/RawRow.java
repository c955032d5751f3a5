package dev.fragkit.telemetry.proximity;

import java.util.List;

/**
 * A row of a section without a typed record here, kept as its fields after checking the section's
 * minimum field count.
 *
 * @param section section name
 * @param line 1-based line number
 * @param fields the {@code ;}-separated fields
 */
public record RawRow(String section, int line, List<String> fields) {
  public RawRow {
    fields = List.copyOf(fields);
  }
}
