package dev.fragkit.telemetry.proximity;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parts of a tracker file name {@code <YYYY-MM-DD-HHMMSS>-<map>-round-<N>_engagements.txt}; the
 * timestamp is the server's local time at round end.
 */
public record ProximityFileName(LocalDateTime writtenAt, String map, int round) {
  private static final Pattern NAME =
      Pattern.compile("(\\d{4}-\\d{2}-\\d{2}-\\d{6})-(.+)-round-(\\d+)_engagements\\.txt");
  private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyy-MM-dd-HHmmss");

  /** Parses a bare file name; empty if it does not follow the pattern. */
  public static Optional<ProximityFileName> parse(String fileName) {
    Matcher m = NAME.matcher(fileName);
    if (!m.matches()) {
      return Optional.empty();
    }
    try {
      return Optional.of(new ProximityFileName(LocalDateTime.parse(m.group(1), TS), m.group(2),
          Integer.parseInt(m.group(3))));
    } catch (DateTimeParseException | NumberFormatException e) {
      return Optional.empty();
    }
  }
}
