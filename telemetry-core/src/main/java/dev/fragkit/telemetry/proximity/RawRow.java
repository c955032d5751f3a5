package dev.fragkit.telemetry.proximity;

import java.util.List;

/**
 * A row of a section this parser does not know (a section name not in {@link Section}, e.g. one
 * added by a newer tracker), kept as its {@code ;}-separated fields for forward compatibility. Every
 * documented section is parsed into a typed {@link ProximityRow} instead. Immutable.
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
