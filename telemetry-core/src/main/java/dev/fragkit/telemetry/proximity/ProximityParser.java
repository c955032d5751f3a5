package dev.fragkit.telemetry.proximity;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Parses the ET:Legacy proximity tracker's {@code *_engagements.txt} files (format:
 * greatshot-reference.md §3). Bad lines are collected as {@link LineError}s and skipped; the parse
 * never aborts on content (the reference gave up on a non-numeric header value). Lines are read with
 * a length cap, so a file without newlines cannot exhaust memory. Invalid UTF-8 is replaced.
 *
 * <p>Field quirks handled: ENGAGEMENTS rows are split on the first 23 {@code ;} only (the attackers'
 * weapon lists contain {@code ;}); v4 PLAYER_TRACKS rows have 9 fields (no death_type); {@code
 * death_time} 0 or empty and {@code death_type=unknown} become null; empty reaction times become
 * null; WEAPON_ACCURACY rows with negative counts are rejected and hits clamped to shots;
 * TEAM_PUSHES push_quality is clamped to [0, 1]; SHOT_FIRED origins are truncated to integers;
 * COMBAT_POSITIONS accepts 18 or 21 fields; header values keep any {@code =} after the first.
 *
 * <p>Immutable and thread-safe; each call parses independently.
 */
public final class ProximityParser {
  /** Default cap on characters per line. */
  public static final int DEFAULT_MAX_LINE_CHARS = 1 << 20;
  /** Default cap on recorded errors (further errors are counted in a final summary error). */
  public static final int DEFAULT_MAX_ERRORS = 1000;
  private static final String HEADER = "HEADER";

  private final int maxLineChars;
  private final int maxErrors;

  private ProximityParser(int maxLineChars, int maxErrors) {
    this.maxLineChars = maxLineChars;
    this.maxErrors = maxErrors;
  }

  public static ProximityParser defaults() {
    return new ProximityParser(DEFAULT_MAX_LINE_CHARS, DEFAULT_MAX_ERRORS);
  }

  /**
   * A parser with custom limits.
   *
   * @throws IllegalArgumentException if a limit is below 1
   */
  public static ProximityParser withLimits(int maxLineChars, int maxErrors) {
    if (maxLineChars < 1) {
      throw new IllegalArgumentException("maxLineChars < 1: " + maxLineChars);
    }
    if (maxErrors < 1) {
      throw new IllegalArgumentException("maxErrors < 1: " + maxErrors);
    }
    return new ProximityParser(maxLineChars, maxErrors);
  }

  public ProximityFile parse(String text) {
    try {
      return parse(new StringReader(text));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Parses UTF-8 bytes (malformed sequences replaced). Does not close {@code in}. */
  public ProximityFile parse(InputStream in) throws IOException {
    return parse(new InputStreamReader(in, StandardCharsets.UTF_8));
  }

  /** Parses characters. Does not close {@code reader}. */
  public ProximityFile parse(Reader reader) throws IOException {
    State st = new State();
    LineReader lines = new LineReader(reader, maxLineChars);
    StringBuilder sb = new StringBuilder(256);
    int lineNo = 0;
    while (true) {
      sb.setLength(0);
      long len = lines.next(sb);
      if (len < 0) {
        break;
      }
      lineNo++;
      if (len > maxLineChars) {
        st.error(lineNo, "line of " + len + " characters exceeds maxLineChars " + maxLineChars
            + " (ProximityParser.maxLineChars)", sb);
        continue;
      }
      String line = sb.toString().strip();
      if (line.isEmpty()) {
        continue;
      }
      st.line(lineNo, line);
    }
    return st.finish();
  }

  /** Splits a character stream into lines, keeping at most {@code max} characters of each. */
  private static final class LineReader {
    private final Reader in;
    private final int max;
    private final char[] buf = new char[65536];
    private int pos;
    private int end;
    private boolean eof;

    LineReader(Reader in, int max) {
      this.in = in;
      this.max = max;
    }

    /** Appends the next line (without CR/LF) to sb; returns its full length, or -1 at EOF. */
    long next(StringBuilder sb) throws IOException {
      long n = 0;
      boolean any = false;
      while (true) {
        if (pos == end) {
          if (eof) {
            break;
          }
          end = in.read(buf, 0, buf.length);
          pos = 0;
          if (end <= 0) {
            end = 0;
            eof = true;
            break;
          }
        }
        any = true;
        int start = pos;
        while (pos < end && buf[pos] != '\n') {
          pos++;
        }
        int chunk = pos - start;
        if (n < max) {
          sb.append(buf, start, (int) Math.min(chunk, max - n));
        }
        n += chunk;
        if (pos < end) {
          pos++; // the newline
          break;
        }
      }
      if (!any) {
        return -1;
      }
      if (n > 0 && n <= max && sb.charAt(sb.length() - 1) == '\r') {
        sb.setLength(sb.length() - 1);
        n--;
      }
      return n;
    }
  }

  /** A bad row: message names the field. */
  private static final class RowException extends Exception {
    private static final long serialVersionUID = 1L;

    RowException(String message) {
      super(message, null, false, false);
    }
  }

  private final class State {
    int trackerVersion = 4;
    boolean magic;
    @Nullable String map;
    @Nullable Integer round;
    int crossfireWindow = 1000;
    int escapeTime = 5000;
    int escapeDistance = 300;
    int positionSampleInterval = 200;
    long roundStart;
    long roundEnd;
    int axisSpawn;
    int alliesSpawn;
    @Nullable String versionFull;
    @Nullable Boolean testMode;
    final Map<String, Boolean> capabilities = new LinkedHashMap<>();
    final Map<String, String> other = new LinkedHashMap<>();

    @Nullable Section section;
    @Nullable String unknownSection;
    boolean inSections;
    final List<Engagement> engagements = new ArrayList<>();
    final List<PlayerTrack> tracks = new ArrayList<>();
    final List<KillHeatCell> killHeat = new ArrayList<>();
    final List<MovementHeatCell> moveHeat = new ArrayList<>();
    final List<ReactionMetric> reactions = new ArrayList<>();
    final List<TradeKill> trades = new ArrayList<>();
    final List<CombatPosition> combat = new ArrayList<>();
    final List<WeaponAccuracy> weapons = new ArrayList<>();
    final List<TeamPush> pushes = new ArrayList<>();
    final List<ShotFired> shots = new ArrayList<>();
    final List<KillOutcome> outcomes = new ArrayList<>();
    final Map<Section, List<RawRow>> otherRows = new EnumMap<>(Section.class);
    final Map<String, List<RawRow>> unknown = new LinkedHashMap<>();
    final Set<Section> withRows = EnumSet.noneOf(Section.class);
    final List<LineError> errors = new ArrayList<>();
    int droppedErrors;

    String sectionName() {
      if (section != null) {
        return section.name();
      }
      if (unknownSection != null) {
        return unknownSection;
      }
      return HEADER;
    }

    void error(int line, String message, CharSequence text) {
      if (errors.size() < maxErrors) {
        String t = text.length() > 200 ? text.subSequence(0, 200) + "…" : text.toString();
        errors.add(new LineError(line, sectionName(), message, t));
      } else {
        droppedErrors++;
      }
    }

    void line(int no, String line) {
      if (line.startsWith("#")) {
        comment(no, line);
        return;
      }
      if (section == null && unknownSection == null) {
        error(no, "data row outside any section", line);
        return;
      }
      if (section == null) {
        unknown.computeIfAbsent(unknownSection, k -> new ArrayList<>())
            .add(new RawRow(unknownSection, no, Arrays.asList(line.split(";", -1))));
        return;
      }
      try {
        row(no, section, line);
        withRows.add(section);
      } catch (RowException e) {
        error(no, e.getMessage(), line);
      }
    }

    void comment(int no, String line) {
      String body = line.substring(1).strip();
      if (body.startsWith("PROXIMITY_TRACKER_V")) {
        String v = body.substring("PROXIMITY_TRACKER_V".length());
        try {
          trackerVersion = Integer.parseInt(v);
          magic = true;
        } catch (NumberFormatException e) {
          error(no, "unreadable tracker version in magic line: " + v, line);
        }
        return;
      }
      if (isSectionName(body)) {
        inSections = true;
        section = Section.byName(body);
        unknownSection = section == null ? body : null;
        return;
      }
      if (!inSections) {
        int eq = body.indexOf('=');
        if (eq > 0) {
          header(no, body.substring(0, eq).strip(), body.substring(eq + 1).strip(), line);
        }
      }
      // Column descriptions and other comments carry no data.
    }

    private boolean isSectionName(String s) {
      if (s.isEmpty() || s.length() > 64) {
        return false;
      }
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        if (!(c >= 'A' && c <= 'Z') && c != '_' && !(c >= '0' && c <= '9')) {
          return false;
        }
      }
      return Character.isLetter(s.charAt(0));
    }

    void header(int no, String key, String value, String line) {
      try {
        switch (key) {
          case "map" -> map = value;
          case "round" -> round = intField(value, "round");
          case "crossfire_window" -> crossfireWindow = intField(value, "crossfire_window");
          case "escape_time" -> escapeTime = intField(value, "escape_time");
          case "escape_distance" -> escapeDistance = intField(value, "escape_distance");
          case "position_sample_interval" -> positionSampleInterval = intField(value, "position_sample_interval");
          case "round_start_unix" -> roundStart = longField(value, "round_start_unix");
          case "round_end_unix" -> roundEnd = longField(value, "round_end_unix");
          case "axis_spawn_interval" -> axisSpawn = intField(value, "axis_spawn_interval");
          case "allies_spawn_interval" -> alliesSpawn = intField(value, "allies_spawn_interval");
          case "tracker_version_full" -> versionFull = value;
          case "test_mode" -> testMode = flag(value, "test_mode");
          case "capabilities" -> capabilities(no, value, line);
          default -> other.put(key, value);
        }
      } catch (RowException e) {
        error(no, e.getMessage(), line);
      }
    }

    void capabilities(int no, String value, String line) {
      for (String entry : value.split(",")) {
        String e = entry.strip();
        if (e.isEmpty()) {
          continue;
        }
        int colon = e.indexOf(':');
        if (colon <= 0) {
          error(no, "capability entry without ':': " + e, line);
          continue;
        }
        try {
          capabilities.put(e.substring(0, colon), flag(e.substring(colon + 1), "capability " + e.substring(0, colon)));
        } catch (RowException ex) {
          error(no, ex.getMessage(), line);
        }
      }
    }

    void row(int no, Section s, String line) throws RowException {
      String[] f = split(line, ';', s == Section.ENGAGEMENTS ? 24 : Integer.MAX_VALUE);
      if (f.length < s.minFields()) {
        throw new RowException(s + " row has " + f.length + " fields, needs at least " + s.minFields());
      }
      switch (s) {
        case ENGAGEMENTS -> engagements.add(engagement(f));
        case PLAYER_TRACKS -> tracks.add(track(f));
        case KILL_HEATMAP -> killHeat.add(new KillHeatCell(i(f, 0, "grid_x"), i(f, 1, "grid_y"),
            i(f, 2, "axis_kills"), i(f, 3, "allies_kills")));
        case MOVEMENT_HEATMAP -> moveHeat.add(new MovementHeatCell(i(f, 0, "grid_x"), i(f, 1, "grid_y"),
            i(f, 2, "traversal"), i(f, 3, "combat"), i(f, 4, "escape")));
        case REACTION_METRICS -> reactions.add(new ReactionMetric(i(f, 0, "engagement_id"), f[1], f[2],
            f[3], f[4], f[5], i(f, 6, "num_attackers"), optInt(f, 7, "return_fire_ms"),
            optInt(f, 8, "dodge_reaction_ms"), optInt(f, 9, "support_reaction_ms"),
            i(f, 10, "start_time"), i(f, 11, "end_time"), i(f, 12, "duration")));
        case TRADE_KILLS -> trades.add(new TradeKill(i(f, 0, "original_kill_time"),
            i(f, 1, "traded_kill_time"), i(f, 2, "delta_ms"), f[3], f[4], f[5], f[6], f[7], f[8]));
        case COMBAT_POSITIONS -> combat.add(combatPosition(f));
        case WEAPON_ACCURACY -> weapons.add(weaponAccuracy(f));
        case TEAM_PUSHES -> pushes.add(new TeamPush(i(f, 0, "start_time"), i(f, 1, "end_time"), f[2],
            d(f, 3, "avg_speed"), d(f, 4, "direction_x"), d(f, 5, "direction_y"),
            d(f, 6, "alignment_score"), Math.max(0, Math.min(1, d(f, 7, "push_quality"))),
            i(f, 8, "participant_count"), f[9]));
        case SHOT_FIRED -> shots.add(new ShotFired(i(f, 0, "time"), f[1], i(f, 2, "weapon"),
            (int) d(f, 3, "ox"), (int) d(f, 4, "oy"), (int) d(f, 5, "oz"), d(f, 6, "yaw"),
            d(f, 7, "pitch")));
        case KILL_OUTCOME -> outcomes.add(new KillOutcome(i(f, 0, "kill_time"), f[1], f[2], f[3], f[4],
            i(f, 5, "kill_mod"), f[6], i(f, 7, "outcome_time"), i(f, 8, "delta_ms"),
            i(f, 9, "effective_denied_ms"), blankToNull(f[10]), blankToNull(f[11]),
            blankToNull(f[12]), blankToNull(f[13])));
        default -> otherRows.computeIfAbsent(s, k -> new ArrayList<>()).add(new RawRow(s.name(), no, Arrays.asList(f)));
      }
    }

    Engagement engagement(String[] f) throws RowException {
      String killer = f[9].isEmpty() ? null : f[9];
      boolean crossfire = f[12].equals("1");
      if (!crossfire && !f[12].equals("0")) {
        throw new RowException("field 13 (is_crossfire) not 0 or 1: '" + f[12] + "'");
      }
      List<String> participants = crossfire && !f[14].isEmpty()
          ? Arrays.asList(f[14].split(",")) : List.of();
      Position start = new Position(d(f, 15, "start_x"), d(f, 16, "start_y"), d(f, 17, "start_z"));
      Position end = new Position(d(f, 18, "end_x"), d(f, 19, "end_y"), d(f, 20, "end_z"));
      List<PathPoint> positions = new ArrayList<>();
      if (!f[22].isEmpty()) {
        for (String p : f[22].split("\\|")) {
          String[] q = p.split(",", -1);
          if (q.length < 5) {
            throw new RowException("field 23 (positions) point '" + p + "' has " + q.length + " parts, needs 5");
          }
          positions.add(new PathPoint(intField(q[0], "positions.time"), new Position(
              doubleField(q[1], "positions.x"), doubleField(q[2], "positions.y"),
              doubleField(q[3], "positions.z")), q[4]));
        }
      }
      List<Attacker> attackers = new ArrayList<>();
      if (!f[23].isEmpty()) {
        for (String a : f[23].split("\\|")) {
          String[] q = a.split(",", 9);
          if (q.length < 9) {
            throw new RowException("field 24 (attackers) entry '" + a + "' has " + q.length + " parts, needs 9");
          }
          attackers.add(new Attacker(q[0], q[1], q[2], intField(q[3], "attackers.damage"),
              intField(q[4], "attackers.hits"), intField(q[5], "attackers.first_hit"),
              intField(q[6], "attackers.last_hit"), q[7].equals("1"), weaponsField(q[8])));
        }
      }
      return new Engagement(i(f, 0, "id"), i(f, 1, "start_time"), i(f, 2, "end_time"),
          i(f, 3, "duration"), f[4], f[5], f[6], f[7], i(f, 8, "total_damage"), killer,
          killer == null ? null : f[10], i(f, 11, "num_attackers"), crossfire,
          crossfire ? optInt(f, 13, "crossfire_delay") : null, participants, start, end,
          d(f, 21, "distance_traveled"), positions, attackers);
    }

    Map<Integer, Integer> weaponsField(String w) throws RowException {
      Map<Integer, Integer> out = new LinkedHashMap<>();
      for (String pair : w.split(";")) {
        if (pair.isEmpty()) {
          continue;
        }
        int colon = pair.indexOf(':');
        if (colon <= 0) {
          throw new RowException("attackers.weapons entry without ':': '" + pair + "'");
        }
        int id = intField(pair.substring(0, colon), "attackers.weapons.id");
        int count = intField(pair.substring(colon + 1), "attackers.weapons.count");
        if (id == 0 && count == 0) {
          continue; // the "0:0" placeholder for no weapon data
        }
        out.merge(id, count, Integer::sum);
      }
      return out;
    }

    PlayerTrack track(String[] f) throws RowException {
      boolean v41 = f.length >= 10;
      int deathRaw = f[5].isEmpty() ? 0 : i(f, 5, "death_time");
      String deathType = v41 && !f[7].isEmpty() && !f[7].equals("unknown") ? f[7] : null;
      int samplesIdx = v41 ? 8 : 7;
      int pathIdx = v41 ? 9 : 8;
      List<TrackPoint> path = new ArrayList<>();
      if (!f[pathIdx].isEmpty()) {
        for (String p : f[pathIdx].split("\\|")) {
          String[] q = p.split(",", -1);
          if (q.length < 10) {
            throw new RowException("path point '" + p + "' has " + q.length + " parts, needs 10");
          }
          path.add(new TrackPoint(intField(q[0], "path.time"), new Position(doubleField(q[1], "path.x"),
              doubleField(q[2], "path.y"), doubleField(q[3], "path.z")), intField(q[4], "path.health"),
              doubleField(q[5], "path.speed"), intField(q[6], "path.weapon"), intField(q[7], "path.stance"),
              q[8].equals("1"), q[9]));
        }
      }
      return new PlayerTrack(f[0], f[1], f[2], f[3], i(f, 4, "spawn_time"),
          deathRaw == 0 ? null : deathRaw, optInt(f, 6, "first_move_time"), deathType,
          i(f, samplesIdx, "samples"), path);
    }

    CombatPosition combatPosition(String[] f) throws RowException {
      boolean extra = f.length >= 21;
      return new CombatPosition(i(f, 0, "time"), f[1], f[2], f[3], f[4], f[5], f[6], f[7], f[8], f[9],
          new Position(d(f, 10, "ax"), d(f, 11, "ay"), d(f, 12, "az")),
          new Position(d(f, 13, "vx"), d(f, 14, "vy"), d(f, 15, "vz")), i(f, 16, "weapon"),
          i(f, 17, "mod"), extra ? optInt(f, 18, "killer_health") : null,
          extra ? optInt(f, 19, "axis_alive") : null, extra ? optInt(f, 20, "allies_alive") : null);
    }

    WeaponAccuracy weaponAccuracy(String[] f) throws RowException {
      int shots = i(f, 4, "shots_fired");
      int hits = i(f, 5, "hits");
      if (shots < 0 || hits < 0) {
        throw new RowException("negative shots_fired/hits: " + shots + "/" + hits);
      }
      return new WeaponAccuracy(f[0], f[1], f[2], i(f, 3, "weapon_id"), shots, Math.min(hits, shots),
          i(f, 6, "kills"), i(f, 7, "headshots"));
    }

    ProximityFile finish() {
      if (droppedErrors > 0) {
        errors.add(new LineError(-1, HEADER, droppedErrors
            + " further errors not recorded (ProximityParser.maxErrors " + maxErrors + ")", ""));
      }
      ProximityHeader h = new ProximityHeader(trackerVersion, magic, map, round, crossfireWindow,
          escapeTime, escapeDistance, positionSampleInterval, roundStart, roundEnd, axisSpawn,
          alliesSpawn, versionFull, testMode, capabilities, other);
      return new ProximityFile(h, engagements, tracks, killHeat, moveHeat, reactions, trades, combat,
          weapons, pushes, shots, outcomes, otherRows, unknown, withRows, errors);
    }
  }


  /**
   * Splits on {@code sep} into at most {@code limit} fields (the last keeps the rest), keeping
   * empty fields: Python's {@code str.split(sep, limit - 1)}.
   */
  static String[] split(String s, char sep, int limit) {
    int n = 1;
    for (int i = s.indexOf(sep); i >= 0 && n < limit; i = s.indexOf(sep, i + 1)) {
      n++;
    }
    String[] out = new String[n];
    int start = 0;
    for (int k = 0; k < n - 1; k++) {
      int idx = s.indexOf(sep, start);
      out[k] = s.substring(start, idx);
      start = idx + 1;
    }
    out[n - 1] = s.substring(start);
    return out;
  }

  private static @Nullable String blankToNull(String v) {
    return v.isBlank() ? null : v;
  }

  private static int i(String[] f, int idx, String name) throws RowException {
    try {
      return Integer.parseInt(f[idx].strip());
    } catch (NumberFormatException e) {
      throw new RowException("field " + (idx + 1) + " (" + name + ") not an integer: '" + f[idx] + "'");
    }
  }

  private static @Nullable Integer optInt(String[] f, int idx, String name) throws RowException {
    return f[idx].isBlank() ? null : i(f, idx, name);
  }

  private static double d(String[] f, int idx, String name) throws RowException {
    try {
      double v = Double.parseDouble(f[idx].strip());
      if (!Double.isFinite(v)) {
        throw new NumberFormatException();
      }
      return v;
    } catch (NumberFormatException e) {
      throw new RowException("field " + (idx + 1) + " (" + name + ") not a number: '" + f[idx] + "'");
    }
  }

  private static int intField(String v, String name) throws RowException {
    try {
      return Integer.parseInt(v.strip());
    } catch (NumberFormatException e) {
      throw new RowException(name + " not an integer: '" + v + "'");
    }
  }

  private static long longField(String v, String name) throws RowException {
    try {
      return Long.parseLong(v.strip());
    } catch (NumberFormatException e) {
      throw new RowException(name + " not an integer: '" + v + "'");
    }
  }

  private static double doubleField(String v, String name) throws RowException {
    try {
      double d = Double.parseDouble(v.strip());
      if (!Double.isFinite(d)) {
        throw new NumberFormatException();
      }
      return d;
    } catch (NumberFormatException e) {
      throw new RowException(name + " not a number: '" + v + "'");
    }
  }

  private static boolean flag(String v, String name) throws RowException {
    return switch (v.strip()) {
      case "1" -> true;
      case "0" -> false;
      default -> throw new RowException(name + " not 0 or 1: '" + v + "'");
    };
  }
}
