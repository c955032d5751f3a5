package dev.fragkit.greatshot.analysis.internal;

import dev.fragkit.greatshot.demo.ColorCodes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Parses the human-readable end-of-match table sent as {@code sc "<line>"} commands (format doc
 * §14.3). Strips colour codes, chooses the column list from the header line (three generations:
 * without GUID, with GUID, with {@code Ast}), and splits each player line's numeric tail from the
 * right, since names may contain spaces. Totals lines are skipped. Not thread-safe.
 */
public final class ScoreTable {
  /** One player line. Names are cleaned and truncated to 15 characters by the server. */
  public record Row(String team, String name, int kills, int deaths, int gibs, int selfKills, int teamKills,
      int damageGiven, int damageReceived, int teamDamageGiven, int teamDamageReceived, int score) {}

  private final List<Row> rows = new ArrayList<>();
  private List<String> columns = List.of();
  private boolean hasGuid;

  /** Feeds one line of text (colour codes allowed). Lines before a header are ignored. */
  public void accept(String rawLine) {
    String line = ColorCodes.strip(rawLine).trim();
    if (line.isEmpty() || line.startsWith("---")) {
      return;
    }
    String[] tokens = line.split("\\s+");
    int player = indexOf(tokens, "Player");
    if (player >= 0 && indexOf(tokens, "Kll") > player) {
      hasGuid = "GUID".equals(tokens[0]);
      List<String> cols = new ArrayList<>();
      for (int i = player + 1; i < tokens.length; i++) {
        cols.add(tokens[i]);
      }
      columns = List.copyOf(cols);
      return;
    }
    if (columns.isEmpty() || tokens.length < columns.size() + 2) {
      return;
    }
    int tail = tokens.length - columns.size();
    int teamAt = -1;
    for (int i = 0; i < Math.min(2, tail); i++) {
      if (isTeam(tokens[i])) {
        teamAt = i;
        break;
      }
    }
    if (teamAt < 0 || (hasGuid && teamAt != 1) || teamAt + 1 >= tail) {
      return; // totals lines have no GUID: the team is the first token
    }
    String name = String.join(" ", java.util.Arrays.asList(tokens).subList(teamAt + 1, tail));
    if (name.equals("Totals")) {
      return;
    }
    Integer kills = num(tokens, tail, "Kll");
    Integer deaths = num(tokens, tail, "Dth");
    if (kills == null || deaths == null) {
      return;
    }
    rows.add(new Row(tokens[teamAt].toLowerCase(Locale.ROOT), name, kills, deaths, orZero(num(tokens, tail, "Gib")),
        orZero(num(tokens, tail, "SK")), orZero(num(tokens, tail, "TK")), orZero(num(tokens, tail, "DG")),
        orZero(num(tokens, tail, "DR")), orZero(num(tokens, tail, "TDG")), orZero(num(tokens, tail, "TDR")),
        orZero(num(tokens, tail, "Score"))));
  }

  /** The player rows parsed so far, in table order. */
  public List<Row> rows() {
    return List.copyOf(rows);
  }

  /** The row whose (possibly truncated) name belongs to {@code cleanName}, if exactly one does. */
  public static Optional<Row> find(List<Row> rows, String cleanName) {
    Row found = null;
    for (Row r : rows) {
      boolean match = r.name().equals(cleanName)
          || (r.name().length() >= 15 && cleanName.startsWith(r.name()));
      if (match) {
        if (found != null) {
          return Optional.empty();
        }
        found = r;
      }
    }
    return Optional.ofNullable(found);
  }

  private @org.jspecify.annotations.Nullable Integer num(String[] tokens, int tail, String column) {
    int i = columns.indexOf(column);
    if (i < 0) {
      return null;
    }
    String t = tokens[tail + i];
    try {
      return Integer.parseInt(t.startsWith("+") ? t.substring(1) : t);
    } catch (NumberFormatException e) {
      return null; // not an integer column in this row: the row is not a player line
    }
  }

  private static int orZero(@org.jspecify.annotations.Nullable Integer v) {
    return v == null ? 0 : v;
  }

  private static boolean isTeam(String t) {
    return t.equals("Axis") || t.equals("Allies") || t.equals("Spectators");
  }

  private static int indexOf(String[] tokens, String value) {
    for (int i = 0; i < tokens.length; i++) {
      if (tokens[i].equals(value)) {
        return i;
      }
    }
    return -1;
  }
}
