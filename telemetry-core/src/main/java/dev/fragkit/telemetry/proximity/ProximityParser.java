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
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Parses the ET:Legacy proximity tracker's {@code *_engagements.txt} files (format:
 * greatshot-reference.md §3). Bad lines are collected as {@link LineError}s and skipped; the parse
 * never aborts on content (the reference gave up on a non-numeric header value). Lines are read with
 * a length cap, so a file without newlines cannot exhaust memory. Invalid UTF-8 is replaced.
 *
 * <p>Every one of the 29 documented sections (§3.3, {@link Section}) is parsed into its typed
 * {@link ProximityRow} record, with the printf types of §3.4 ({@code d} → integer, {@code .Nf} →
 * number, {@code s} → text) and the documented value ranges checked; a row that breaks one becomes
 * a {@link LineError} naming the column ({@link Section#columns()}) and the value. Only sections this
 * version does not know (a newer tracker's) are kept as {@link RawRow}s, for forward compatibility.
 *
 * <p>Field quirks handled: ENGAGEMENTS rows are split on the first 23 {@code ;} only (the attackers'
 * weapon lists contain {@code ;}); v4 PLAYER_TRACKS rows have 9 fields (no death_type); {@code
 * death_time} 0 or empty and {@code death_type=unknown} become null; empty reaction times become
 * null; WEAPON_ACCURACY rows with negative counts are rejected and hits clamped to shots;
 * TEAM_PUSHES push_quality is clamped to [0, 1]; SHOT_FIRED origins are truncated to integers;
 * COMBAT_POSITIONS accepts 18 or 21 fields and SPAWN_TIMING 10 or 12 (the reinforcement columns
 * came later); TEAM_COHESION's buddy pair is {@code g1+g2}; FOCUS_FIRE attacker GUIDs are {@code
 * ,}-separated and OBJECTIVE_RUNS escort GUIDs {@code |}-separated; HIT_REGIONS regions are numbers
 * 0..3; COMM_EVENTS args exist only for {@code vsay*} (≤ 32 characters); OBJECTIVE_RUNS {@code
 * denied} rows have action {@code approach_killed}; empty optional GUID/name fields become null;
 * header values keep any {@code =} after the first.
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

  /** A bad row: message names the field; {@code field}/{@code value} identify it when known. */
  private static final class RowException extends Exception {
    private static final long serialVersionUID = 1L;
    final @Nullable String field;
    final @Nullable String value;

    RowException(String message) {
      this(message, null, null);
    }

    RowException(String message, @Nullable String field, @Nullable String value) {
      super(message, null, false, false);
      this.field = field;
      this.value = value;
    }
  }

  /**
   * The fields of one row with typed accessors that name the documented column on failure
   * ({@code field N (name) ...: 'value'}).
   */
  private static final class Fields {
    final String[] f;
    final List<String> names;

    Fields(String[] f, List<String> names) {
      this.f = f;
      this.names = names;
    }

    int size() {
      return f.length;
    }

    String name(int i) {
      return i < names.size() ? names.get(i) : "field" + (i + 1);
    }

    RowException bad(int i, String what) {
      return new RowException("field " + (i + 1) + " (" + name(i) + ") " + what + ": '" + f[i] + "'",
          name(i), f[i]);
    }

    String str(int i) {
      return f[i];
    }

    @Nullable String opt(int i) {
      return f[i].isBlank() ? null : f[i];
    }

    int integer(int i) throws RowException {
      try {
        return Integer.parseInt(f[i].strip());
      } catch (NumberFormatException e) {
        throw bad(i, "not an integer");
      }
    }

    @Nullable Integer optInt(int i) throws RowException {
      return f[i].isBlank() ? null : integer(i);
    }

    int intIn(int i, int min, int max) throws RowException {
      int v = integer(i);
      if (v < min || v > max) {
        throw bad(i, "outside " + min + ".." + (max == Integer.MAX_VALUE ? "" : Integer.toString(max)));
      }
      return v;
    }

    int nonNeg(int i) throws RowException {
      return intIn(i, 0, Integer.MAX_VALUE);
    }

    double number(int i) throws RowException {
      try {
        double v = Double.parseDouble(f[i].strip());
        if (!Double.isFinite(v)) {
          throw new NumberFormatException();
        }
        return v;
      } catch (NumberFormatException e) {
        throw bad(i, "not a number");
      }
    }

    @Nullable Double optNumber(int i) throws RowException {
      return f[i].isBlank() ? null : number(i);
    }

    double numberIn(int i, double min, double max) throws RowException {
      double v = number(i);
      if (v < min || v > max) {
        throw bad(i, "outside " + min + ".." + (max == Double.MAX_VALUE ? "" : Double.toString(max)));
      }
      return v;
    }

    double nonNegNumber(int i) throws RowException {
      return numberIn(i, 0, Double.MAX_VALUE);
    }

    boolean flag(int i) throws RowException {
      return switch (f[i].strip()) {
        case "1" -> true;
        case "0" -> false;
        default -> throw bad(i, "not 0 or 1");
      };
    }

    /** Three consecutive {@code %d} coordinates. */
    Position intPosition(int i) throws RowException {
      return new Position(integer(i), integer(i + 1), integer(i + 2));
    }

    /** Three consecutive {@code %.1f} coordinates. */
    Position position(int i) throws RowException {
      return new Position(number(i), number(i + 1), number(i + 2));
    }

    <E> E oneOf(int i, Function<String, @Nullable E> lookup, String allowed) throws RowException {
      E e = lookup.apply(f[i].strip());
      if (e == null) {
        throw bad(i, "not one of " + allowed);
      }
      return e;
    }

    /** A list field split on {@code sep}; an empty field is an empty list; empty items rejected. */
    List<String> list(int i, char sep) throws RowException {
      if (f[i].isEmpty()) {
        return List.of();
      }
      List<String> out = Arrays.asList(split(f[i], sep, Integer.MAX_VALUE));
      for (String s : out) {
        if (s.isEmpty()) {
          throw bad(i, "has an empty item");
        }
      }
      return out;
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
    final Map<Section, List<ProximityRow>> rows = new EnumMap<>(Section.class);
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
      error(line, message, null, null, text);
    }

    void error(int line, String message, @Nullable String field, @Nullable String value,
        CharSequence text) {
      if (errors.size() < maxErrors) {
        String t = text.length() > 200 ? text.subSequence(0, 200) + "…" : text.toString();
        errors.add(new LineError(line, sectionName(), field, value, message, t));
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
        Section s = section;
        rows.computeIfAbsent(s, k -> new ArrayList<>()).add(row(s, line));
        withRows.add(s);
      } catch (RowException e) {
        error(no, e.getMessage(), e.field, e.value, line);
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
          error(no, "unreadable tracker version in magic line: " + v, "PROXIMITY_TRACKER_V", v, line);
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
        error(no, e.getMessage(), e.field, e.value, line);
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
          error(no, "capability entry without ':': " + e, "capabilities", e, line);
          continue;
        }
        try {
          capabilities.put(e.substring(0, colon), flag(e.substring(colon + 1), "capability " + e.substring(0, colon)));
        } catch (RowException ex) {
          error(no, ex.getMessage(), ex.field, ex.value, line);
        }
      }
    }

    ProximityRow row(Section s, String line) throws RowException {
      String[] raw = split(line, ';', s == Section.ENGAGEMENTS ? 24 : Integer.MAX_VALUE);
      if (raw.length < s.minFields()) {
        throw new RowException(s + " row has " + raw.length + " fields, needs at least " + s.minFields());
      }
      boolean v4Track = s == Section.PLAYER_TRACKS && raw.length < 10;
      Fields f = new Fields(raw, v4Track ? V4_TRACK_COLUMNS : s.columns());
      return switch (s) {
        case ENGAGEMENTS -> engagement(f);
        case PLAYER_TRACKS -> track(f, !v4Track);
        case KILL_HEATMAP -> new KillHeatCell(f.integer(0), f.integer(1), f.nonNeg(2), f.nonNeg(3));
        case MOVEMENT_HEATMAP -> new MovementHeatCell(f.integer(0), f.integer(1), f.nonNeg(2),
            f.nonNeg(3), f.nonNeg(4));
        case OBJECTIVE_FOCUS -> new ObjectiveFocus(f.str(0), f.str(1), f.str(2), f.opt(3),
            f.nonNegNumber(4), f.nonNeg(5), f.nonNeg(6));
        case REACTION_METRICS -> new ReactionMetric(f.integer(0), f.str(1), f.str(2), f.str(3),
            f.str(4), f.str(5), f.integer(6), f.optInt(7), f.optInt(8), f.optInt(9), f.integer(10),
            f.integer(11), f.integer(12));
        case SPAWN_TIMING -> spawnTiming(f);
        case TEAM_COHESION -> teamCohesion(f);
        case CROSSFIRE_OPPORTUNITIES -> new CrossfireOpportunity(f.nonNeg(0), f.str(1), f.str(2),
            f.str(3), f.str(4), f.str(5), f.numberIn(6, 45, 180), f.flag(7), f.nonNeg(8));
        case FOCUS_FIRE -> new FocusFire(f.integer(0), f.str(1), f.str(2), f.intIn(3, 2, Integer.MAX_VALUE),
            f.list(4, ','), f.nonNeg(5), f.nonNeg(6), f.numberIn(7, 0, 1));
        case TEAM_PUSHES -> new TeamPush(f.integer(0), f.integer(1), f.str(2), f.number(3),
            f.number(4), f.number(5), f.number(6), Math.max(0, Math.min(1, f.number(7))),
            f.integer(8), f.str(9));
        case TRADE_KILLS -> new TradeKill(f.integer(0), f.integer(1), f.integer(2), f.str(3),
            f.str(4), f.str(5), f.str(6), f.str(7), f.str(8));
        case REVIVES -> new Revive(f.nonNeg(0), f.opt(1), f.opt(2), f.str(3), f.str(4),
            f.position(5), f.nonNegNumber(8), f.opt(9), f.flag(10));
        case WEAPON_ACCURACY -> weaponAccuracy(f);
        case KILL_OUTCOME -> new KillOutcome(f.integer(0), f.str(1), f.str(2), f.str(3), f.str(4),
            f.integer(5), f.str(6), f.integer(7), f.integer(8), f.integer(9), f.opt(10), f.opt(11),
            f.opt(12), f.opt(13));
        case HIT_REGIONS -> new HitRegion(f.nonNeg(0), f.str(1), f.str(2), f.str(3), f.str(4),
            f.integer(5), BodyRegion.values()[f.intIn(6, 0, 3)], f.nonNeg(7));
        case COMBAT_POSITIONS -> combatPosition(f);
        case SHOT_FIRED -> new ShotFired(f.integer(0), f.str(1), f.integer(2), (int) f.number(3),
            (int) f.number(4), (int) f.number(5), f.number(6), f.number(7));
        case AIM_LOCK -> aimLock(f);
        case SPAWN_SELECT -> new SpawnSelect(f.nonNeg(0), f.str(1), f.str(2), f.str(3), f.integer(4),
            f.integer(5));
        case SKILL_SNAPSHOT -> new SkillSnapshot(f.str(0), f.str(1), f.str(2), f.nonNeg(3),
            f.nonNeg(4), f.nonNeg(5), f.nonNeg(6), f.nonNeg(7), f.nonNeg(8), f.nonNeg(9));
        case COMM_EVENTS -> commEvent(f);
        case CARRIER_EVENTS -> new CarrierEvent(f.str(0), f.str(1), f.str(2), f.str(3), f.nonNeg(4),
            f.nonNeg(5), f.nonNeg(6), f.oneOf(7, CarrierOutcome::fromWire,
                "killed, dropped, secured, round_end, disconnected, shutdown"),
            f.nonNegNumber(8), f.nonNegNumber(9), f.numberIn(10, 0, 1), f.nonNeg(11),
            f.intPosition(12), f.intPosition(15), f.opt(18), f.opt(19));
        case CARRIER_KILLS -> new CarrierKill(f.nonNeg(0), f.str(1), f.str(2), f.str(3), f.str(4),
            f.str(5), f.str(6), f.integer(7), f.nonNegNumber(8), f.str(9));
        case CARRIER_RETURNS -> new CarrierReturn(f.nonNeg(0), f.str(1), f.str(2), f.str(3),
            f.str(4), f.str(5), f.nonNeg(6), f.intIn(7, 0, 35000), f.intPosition(8));
        case VEHICLE_PROGRESS -> new VehicleProgress(f.str(0), f.str(1), f.intPosition(2),
            f.intPosition(5), f.nonNegNumber(8), f.integer(9), f.integer(10), f.nonNeg(11));
        case ESCORT_CREDIT -> new EscortCredit(f.str(0), f.str(1), f.str(2), f.str(3), f.nonNeg(4),
            f.nonNeg(5), f.nonNegNumber(6), f.nonNegNumber(7), f.intIn(8, 1, Integer.MAX_VALUE));
        case CONSTRUCTION_EVENTS -> new ConstructionEvent(f.nonNeg(0), f.oneOf(1,
            ConstructionEventType::fromWire, "flag_captured, dynamite_plant, dynamite_defuse, "
                + "objective_destroyed, construction_complete"), f.str(2), f.str(3), f.str(4),
            f.str(5), f.intPosition(6));
        case OBJECTIVE_RUNS -> objectiveRun(f);
      };
    }

    SpawnTiming spawnTiming(Fields f) throws RowException {
      // killer_reinf / victim_reinf were added later: 10-field rows have neither.
      return new SpawnTiming(f.str(0), f.str(1), f.str(2), f.str(3), f.str(4), f.str(5),
          f.nonNeg(6), f.integer(7), f.nonNeg(8), f.numberIn(9, 0, 1),
          f.size() > 10 ? f.optNumber(10) : null, f.size() > 11 ? f.optNumber(11) : null);
    }

    TeamCohesion teamCohesion(Fields f) throws RowException {
      int alive = f.intIn(2, 2, Integer.MAX_VALUE);
      String pair = f.str(8);
      int plus = pair.indexOf('+');
      if (plus <= 0 || plus == pair.length() - 1 || pair.indexOf('+', plus + 1) >= 0) {
        throw f.bad(8, "not two GUIDs joined by '+'");
      }
      return new TeamCohesion(f.nonNeg(0), f.str(1), alive, f.number(3), f.number(4),
          f.nonNegNumber(5), f.nonNegNumber(6), f.intIn(7, 0, alive), pair.substring(0, plus),
          pair.substring(plus + 1), f.nonNegNumber(9));
    }

    AimLock aimLock(Fields f) throws RowException {
      int start = f.nonNeg(0);
      int end = f.intIn(1, start, Integer.MAX_VALUE);
      int samples = f.intIn(10, 1, Integer.MAX_VALUE);
      long cap = (long) samples * 400 + 400;
      int duration = f.intIn(2, 400, (int) Math.min(Integer.MAX_VALUE, cap));
      return new AimLock(start, end, duration, f.str(3), f.str(4), f.str(5), f.str(6), f.str(7),
          f.numberIn(8, 0, 10), f.intIn(9, 0, 3000), samples);
    }

    CommEvent commEvent(Fields f) throws RowException {
      CommCommand cmd = f.oneOf(4, CommCommand::fromWire,
          "vsay, vsay_team, vsay_buddy, say, say_team, say_buddy");
      String arg = f.opt(5);
      if (arg != null && !cmd.hasArg()) {
        throw f.bad(5, "must be empty for " + cmd.wireName());
      }
      if (arg != null && arg.length() > 32) {
        throw f.bad(5, "longer than 32 characters");
      }
      return new CommEvent(f.nonNeg(0), f.str(1), f.str(2), f.str(3), cmd, arg);
    }

    ObjectiveRun objectiveRun(Fields f) throws RowException {
      ObjectiveRunType type = f.oneOf(15, ObjectiveRunType::fromWire,
          "unopposed, solo, contested_solo, assisted, team_effort, denied");
      if ((type == ObjectiveRunType.DENIED) != f.str(3).equals("approach_killed")) {
        throw f.bad(3, "must be approach_killed exactly for run_type denied (run_type "
            + type.wireName() + ")");
      }
      return new ObjectiveRun(f.str(0), f.str(1), f.str(2), f.str(3), f.str(4), f.nonNeg(5),
          f.nonNeg(6), f.nonNegNumber(7), f.nonNegNumber(8), f.nonNegNumber(9), f.nonNeg(10),
          f.nonNeg(11), f.list(12, '|'), f.nonNeg(13), f.nonNeg(14), type, f.intPosition(16),
          f.opt(19), f.opt(20));
    }

    Engagement engagement(Fields fl) throws RowException {
      String[] f = fl.f;
      String killer = f[9].isEmpty() ? null : f[9];
      boolean crossfire = fl.flag(12);
      List<String> participants = crossfire && !f[14].isEmpty()
          ? Arrays.asList(f[14].split(",")) : List.of();
      Position start = fl.position(15);
      Position end = fl.position(18);
      List<PathPoint> positions = new ArrayList<>();
      if (!f[22].isEmpty()) {
        for (String p : f[22].split("\\|")) {
          String[] q = p.split(",", -1);
          if (q.length < 5) {
            throw new RowException("field 23 (positions) point '" + p + "' has " + q.length
                + " parts, needs 5", "positions", p);
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
            throw new RowException("field 24 (attackers) entry '" + a + "' has " + q.length
                + " parts, needs 9", "attackers", a);
          }
          attackers.add(new Attacker(q[0], q[1], q[2], intField(q[3], "attackers.damage"),
              intField(q[4], "attackers.hits"), intField(q[5], "attackers.first_hit"),
              intField(q[6], "attackers.last_hit"), q[7].equals("1"), weaponsField(q[8])));
        }
      }
      return new Engagement(fl.integer(0), fl.integer(1), fl.integer(2), fl.integer(3), f[4], f[5],
          f[6], f[7], fl.integer(8), killer, killer == null ? null : f[10], fl.integer(11),
          crossfire, crossfire ? fl.optInt(13) : null, participants, start, end, fl.number(21),
          positions, attackers);
    }

    Map<Integer, Integer> weaponsField(String w) throws RowException {
      Map<Integer, Integer> out = new LinkedHashMap<>();
      for (String pair : w.split(";")) {
        if (pair.isEmpty()) {
          continue;
        }
        int colon = pair.indexOf(':');
        if (colon <= 0) {
          throw new RowException("attackers.weapons entry without ':': '" + pair + "'",
              "attackers.weapons", pair);
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

    PlayerTrack track(Fields fl, boolean v41) throws RowException {
      String[] f = fl.f;
      int deathRaw = f[5].isEmpty() ? 0 : fl.integer(5);
      String deathType = v41 && !f[7].isEmpty() && !f[7].equals("unknown") ? f[7] : null;
      int samplesIdx = v41 ? 8 : 7;
      int pathIdx = v41 ? 9 : 8;
      List<TrackPoint> path = new ArrayList<>();
      if (!f[pathIdx].isEmpty()) {
        for (String p : f[pathIdx].split("\\|")) {
          String[] q = p.split(",", -1);
          if (q.length < 10) {
            throw new RowException("path point '" + p + "' has " + q.length + " parts, needs 10",
                "path", p);
          }
          path.add(new TrackPoint(intField(q[0], "path.time"), new Position(doubleField(q[1], "path.x"),
              doubleField(q[2], "path.y"), doubleField(q[3], "path.z")), intField(q[4], "path.health"),
              doubleField(q[5], "path.speed"), intField(q[6], "path.weapon"), intField(q[7], "path.stance"),
              q[8].equals("1"), q[9]));
        }
      }
      return new PlayerTrack(f[0], f[1], f[2], f[3], fl.integer(4),
          deathRaw == 0 ? null : deathRaw, fl.optInt(6), deathType, fl.integer(samplesIdx), path);
    }

    CombatPosition combatPosition(Fields f) throws RowException {
      boolean extra = f.size() >= 21;
      return new CombatPosition(f.integer(0), f.str(1), f.str(2), f.str(3), f.str(4), f.str(5),
          f.str(6), f.str(7), f.str(8), f.str(9), f.position(10), f.position(13), f.integer(16),
          f.integer(17), extra ? f.optInt(18) : null, extra ? f.optInt(19) : null,
          extra ? f.optInt(20) : null);
    }

    WeaponAccuracy weaponAccuracy(Fields f) throws RowException {
      int shots = f.integer(4);
      int hits = f.integer(5);
      if (shots < 0) {
        throw f.bad(4, "negative");
      }
      if (hits < 0) {
        throw f.bad(5, "negative");
      }
      return new WeaponAccuracy(f.str(0), f.str(1), f.str(2), f.integer(3), shots,
          Math.min(hits, shots), f.integer(6), f.integer(7));
    }

    ProximityFile finish() {
      if (droppedErrors > 0) {
        errors.add(new LineError(-1, HEADER, null, null, droppedErrors
            + " further errors not recorded (ProximityParser.maxErrors " + maxErrors + ")", ""));
      }
      ProximityHeader h = new ProximityHeader(trackerVersion, magic, map, round, crossfireWindow,
          escapeTime, escapeDistance, positionSampleInterval, roundStart, roundEnd, axisSpawn,
          alliesSpawn, versionFull, testMode, capabilities, other);
      return new ProximityFile(h, rows, unknown, withRows, errors);
    }
  }

  private static final List<String> V4_TRACK_COLUMNS = List.of("guid", "name", "team", "class",
      "spawn_time", "death_time", "first_move_time", "samples", "path");

  private static int intField(String v, String name) throws RowException {
    try {
      return Integer.parseInt(v.strip());
    } catch (NumberFormatException e) {
      throw new RowException(name + " not an integer: '" + v + "'", name, v);
    }
  }

  private static long longField(String v, String name) throws RowException {
    try {
      return Long.parseLong(v.strip());
    } catch (NumberFormatException e) {
      throw new RowException(name + " not an integer: '" + v + "'", name, v);
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
      throw new RowException(name + " not a number: '" + v + "'", name, v);
    }
  }

  private static boolean flag(String v, String name) throws RowException {
    return switch (v.strip()) {
      case "1" -> true;
      case "0" -> false;
      default -> throw new RowException(name + " not 0 or 1: '" + v + "'", name, v);
    };
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

}
