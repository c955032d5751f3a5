package dev.fragkit.greatshot.udt;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import dev.fragkit.greatshot.demo.CommandView;
import dev.fragkit.greatshot.demo.ConfigStringChange;
import dev.fragkit.greatshot.demo.DemoEnd;
import dev.fragkit.greatshot.demo.DemoListener;
import dev.fragkit.greatshot.demo.DemoStart;
import dev.fragkit.greatshot.demo.Gamestate;
import dev.fragkit.greatshot.demo.MeansOfDeath;
import dev.fragkit.greatshot.demo.Obituary;
import dev.fragkit.greatshot.demo.ServerCommand;
import dev.fragkit.greatshot.demo.Snapshot;
import dev.fragkit.greatshot.demo.internal.CommandViews;
import dev.fragkit.greatshot.demo.internal.Text;
import dev.fragkit.greatshot.demo.internal.Tokenizer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Replays the JSON written by Uber Demo Tools' {@code UDT_json -q -c} (ET-protocol branch) as the
 * {@link DemoListener} events a binary demo reader would deliver, so that existing Greatshot data
 * can be analysed by the same {@code AnalysisBuilder}.
 *
 * <p>Read with jackson-core's streaming parser (no object mapping). Sections used:
 * {@code gameStates} (recording client, first and last snapshot time), {@code rawConfigStrings}
 * (the gamestate), {@code rawCommands} (server commands with their server time; {@code cs} and
 * {@code bcs0/1/2} become {@link ConfigStringChange}s, the others {@link ServerCommand}s with a
 * typed view) and {@code obituaries} ({@code causeOfDeath} mapped to {@code MOD_*} by
 * {@link UdtCauseOfDeath}). {@code matchStats}, {@code scores} and {@code gameStates[].players} are
 * not used: the same facts come from the configstrings and commands, as in a binary demo.
 *
 * <p>Replay order per gamestate: the gamestate; commands UDT could not time (server time
 * {@code -2147483648}, before the first snapshot); a snapshot at {@code gameStates[].startTime};
 * then commands and obituaries by server time (commands first at equal times, as a demo applies a
 * snapshot's commands before its event entities); a snapshot at {@code endTime}. Only these two
 * snapshots exist, since UDT does not list snapshots. UDT does not record the obituary's weapon
 * number, so {@link Obituary#weapon()} is 0, and its ET output has no headshot flag (null).
 *
 * <p>Thread-safe: one instance may replay many files concurrently.
 */
public final class UdtJsonReader {
  private static final int UNSET_TIME = Integer.MIN_VALUE;

  private final UdtLimits limits;
  private final JsonFactory factory;

  private UdtJsonReader(UdtLimits limits) {
    this.limits = limits;
    this.factory = JsonFactory.builder()
        .streamReadConstraints(StreamReadConstraints.builder()
            .maxStringLength(limits.maxStringLength())
            .maxNestingDepth(limits.maxNestingDepth())
            .build())
        .build();
  }

  /** A reader with {@link UdtLimits#defaults()}. */
  public static UdtJsonReader create() {
    return new UdtJsonReader(UdtLimits.defaults());
  }

  /** A reader with the given limits. */
  public static UdtJsonReader create(UdtLimits limits) {
    return new UdtJsonReader(Objects.requireNonNull(limits, "limits"));
  }

  /** What a replay delivered. */
  public record Replay(int gamestates, int obituaries, int commands, int configStrings, List<String> warnings) {
    public Replay {
      warnings = List.copyOf(warnings);
    }
  }

  /**
   * Replays {@code file} into {@code listener}.
   *
   * @throws UdtFormatException when the file is not UDT_json or breaches a limit
   * @throws IOException when the file cannot be read
   */
  public Replay replay(Path file, DemoListener listener) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return replay(in, String.valueOf(file.getFileName()), listener);
    }
  }

  /**
   * Replays the stream (not closed by this method) into {@code listener}.
   *
   * @param source a name for the input, passed on in {@link DemoStart#source()}
   */
  public Replay replay(InputStream in, String source, DemoListener listener) throws IOException {
    Objects.requireNonNull(listener, "listener");
    Parsed parsed = parse(in);
    return deliver(parsed, source, listener);
  }

  // ---------------------------------------------------------------- parsing

  private static final class GameStateRow {
    int number;
    int clientNum = -1;
    int startTime = UNSET_TIME;
    int endTime = UNSET_TIME;
  }

  private record ObituaryRow(int gameState, int time, int attacker, int target, String cause, String path) {}

  private record CommandRow(int gameState, int time, String text, int order) {}

  private record ConfigRow(int gameState, int index, String value) {}

  private static final class Parsed {
    final List<GameStateRow> gameStates = new ArrayList<>();
    final List<ObituaryRow> obituaries = new ArrayList<>();
    final List<CommandRow> commands = new ArrayList<>();
    final List<ConfigRow> configs = new ArrayList<>();
    int events;
  }

  private Parsed parse(InputStream in) throws IOException {
    Parsed out = new Parsed();
    try (JsonParser p = factory.createParser(in)) {
      p.disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw error(p, "top level is not a JSON object", "$");
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String section = p.currentName();
        p.nextToken();
        switch (section) {
          case "gameStates" -> readArray(p, section, (path, i) -> out.gameStates.add(readGameState(p, path, i)));
          case "obituaries" -> readArray(p, section, (path, i) -> {
            count(p, out, path);
            ObituaryRow row = readObituary(p, path);
            if (row != null) {
              out.obituaries.add(row);
            }
          });
          case "rawCommands" -> readArray(p, section, (path, i) -> {
            count(p, out, path);
            out.commands.add(readCommand(p, path, i));
          });
          case "rawConfigStrings" -> readArray(p, section, (path, i) -> {
            count(p, out, path);
            out.configs.add(readConfig(p, path));
          });
          default -> p.skipChildren();
        }
      }
      if (p.currentToken() != JsonToken.END_OBJECT) {
        throw error(p, "expected a field name or the end of the top-level object", "$");
      }
    } catch (JsonProcessingException e) {
      throw new UdtFormatException("invalid UDT_json: " + e.getOriginalMessage(), "$",
          e.getLocation() == null ? -1 : offset(e.getLocation()), e);
    }
    return out;
  }

  private void count(JsonParser p, Parsed out, String path) {
    if (++out.events > limits.maxEvents()) {
      throw error(p, "event count exceeds maxEvents " + limits.maxEvents() + " (UdtLimits.maxEvents)", path);
    }
  }

  @FunctionalInterface
  private interface ElementReader {
    void read(String path, int index) throws IOException;
  }

  private static void readArray(JsonParser p, String name, ElementReader reader) throws IOException {
    if (p.currentToken() == JsonToken.VALUE_NULL) {
      return;
    }
    if (p.currentToken() != JsonToken.START_ARRAY) {
      throw error(p, "expected an array", name);
    }
    int i = 0;
    JsonToken t;
    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
      String path = name + "[" + i + "]";
      if (t != JsonToken.START_OBJECT) {
        throw error(p, "expected an object, found " + t, path);
      }
      reader.read(path, i);
      i++;
    }
  }

  private static GameStateRow readGameState(JsonParser p, String path, int i) throws IOException {
    GameStateRow row = new GameStateRow();
    row.number = i + 1;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String f = p.currentName();
      p.nextToken();
      switch (f) {
        case "demoTakerClientNumber" -> row.clientNum = intValue(p, path + "." + f);
        case "startTime" -> row.startTime = intValue(p, path + "." + f);
        case "endTime" -> row.endTime = intValue(p, path + "." + f);
        default -> p.skipChildren();
      }
    }
    return row;
  }

  private static @Nullable ObituaryRow readObituary(JsonParser p, String path) throws IOException {
    int gs = 1;
    int time = UNSET_TIME;
    int attacker = -1;
    Integer target = null;
    String cause = "";
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String f = p.currentName();
      p.nextToken();
      switch (f) {
        case "gameStateNumber" -> gs = intValue(p, path + "." + f);
        case "serverTime" -> time = intValue(p, path + "." + f);
        case "attackerClientNumber" -> attacker = intValue(p, path + "." + f);
        case "targetClientNumber" -> target = intValue(p, path + "." + f);
        case "causeOfDeath" -> cause = stringValue(p, path + "." + f);
        default -> p.skipChildren();
      }
    }
    if (target == null || target < 0 || target > 63) {
      throw error(p, "targetClientNumber missing or outside 0..63: " + target, path);
    }
    return new ObituaryRow(gs, time, attacker, target, cause, path);
  }

  private static CommandRow readCommand(JsonParser p, String path, int order) throws IOException {
    int gs = 1;
    int time = UNSET_TIME;
    String text = null;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String f = p.currentName();
      p.nextToken();
      switch (f) {
        case "gameStateNumber" -> gs = intValue(p, path + "." + f);
        case "serverTime" -> time = intValue(p, path + "." + f);
        case "rawCommand" -> text = stringValue(p, path + "." + f);
        default -> p.skipChildren();
      }
    }
    if (text == null) {
      throw error(p, "rawCommand missing", path);
    }
    return new CommandRow(gs, time, text, order);
  }

  private static ConfigRow readConfig(JsonParser p, String path) throws IOException {
    int gs = 1;
    Integer index = null;
    String value = "";
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String f = p.currentName();
      p.nextToken();
      switch (f) {
        case "gameStateNumber" -> gs = intValue(p, path + "." + f);
        case "index" -> index = intValue(p, path + "." + f);
        case "rawString" -> value = stringValue(p, path + "." + f);
        default -> p.skipChildren();
      }
    }
    if (index == null || index < 0) {
      throw error(p, "configstring index missing or negative: " + index, path);
    }
    return new ConfigRow(gs, index, value);
  }

  private static int intValue(JsonParser p, String path) throws IOException {
    if (p.currentToken() != JsonToken.VALUE_NUMBER_INT) {
      throw error(p, "expected an integer, found " + p.currentToken(), path);
    }
    long v = p.getLongValue();
    if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
      throw error(p, "integer out of 32-bit range: " + v, path);
    }
    return (int) v;
  }

  private static String stringValue(JsonParser p, String path) throws IOException {
    if (p.currentToken() != JsonToken.VALUE_STRING) {
      throw error(p, "expected a string, found " + p.currentToken(), path);
    }
    return p.getText();
  }

  private static UdtFormatException error(JsonParser p, String message, String path) {
    return new UdtFormatException(message, path, offset(p.currentLocation()));
  }

  /** Character offset for text sources, byte offset for byte sources (jackson knows only one). */
  private static long offset(com.fasterxml.jackson.core.JsonLocation location) {
    long chars = location.getCharOffset();
    return chars >= 0 ? chars : location.getByteOffset();
  }

  // ---------------------------------------------------------------- delivery

  private sealed interface Timed permits CmdEvent, ObitEvent {
    int time();

    int rank();
  }

  private record CmdEvent(int time, CommandRow row) implements Timed {
    public int rank() {
      return 0;
    }
  }

  private record ObitEvent(int time, ObituaryRow row) implements Timed {
    public int rank() {
      return 1;
    }
  }

  private record SyntheticSnapshot(int serverTime, int messageNum) implements Snapshot {}

  private Replay deliver(Parsed parsed, String source, DemoListener listener) {
    List<String> warnings = new ArrayList<>();
    TreeSet<Integer> numbers = new TreeSet<>();
    parsed.gameStates.forEach(g -> numbers.add(g.number));
    parsed.configs.forEach(c -> numbers.add(c.gameState()));
    parsed.commands.forEach(c -> numbers.add(c.gameState()));
    parsed.obituaries.forEach(o -> numbers.add(o.gameState()));
    if (numbers.isEmpty()) {
      throw new UdtFormatException("no gamestate, configstring, command or obituary: not UDT_json output", "$", -1);
    }
    Map<String, String> firstServerInfo = null;
    int snapshots = 0;
    int obituaries = 0;
    int commands = 0;
    int configStrings = 0;
    Integer previousEnd = null;
    boolean started = false;
    for (int number : numbers) {
      GameStateRow gs = parsed.gameStates.stream().filter(g -> g.number == number).findFirst().orElse(null);
      SortedMap<Integer, String> table = new TreeMap<>();
      for (ConfigRow c : parsed.configs) {
        if (c.gameState() == number && !c.value().isEmpty()) {
          table.put(c.index(), c.value());
        }
      }
      Map<String, String> serverInfo = Text.parseInfo(table.getOrDefault(0, ""));
      if (firstServerInfo == null) {
        firstServerInfo = serverInfo;
      }
      if (!started) {
        int protocol = parseIntOr(serverInfo.get("protocol"), 84);
        listener.onDemoStart(new DemoStart(source, protocol));
        started = true;
      }
      int version = Text.versionNumber(serverInfo.getOrDefault("mod_version", ""));
      int clientNum = gs == null ? -1 : gs.clientNum;
      if (clientNum < 0) {
        warnings.add("gamestate " + number + ": no demoTakerClientNumber; recorder unknown (-1)");
      }
      listener.onGamestate(new Gamestate(previousEnd, clientNum, 0, table));
      configStrings += table.size();

      List<Timed> timed = new ArrayList<>();
      List<CommandRow> untimed = new ArrayList<>();
      for (CommandRow c : parsed.commands) {
        if (c.gameState() != number) {
          continue;
        }
        if (c.time() == UNSET_TIME) {
          untimed.add(c);
        } else {
          timed.add(new CmdEvent(c.time(), c));
        }
      }
      for (ObituaryRow o : parsed.obituaries) {
        if (o.gameState() != number) {
          continue;
        }
        if (o.time() == UNSET_TIME) {
          warnings.add(o.path() + ": obituary without server time skipped");
        } else {
          timed.add(new ObitEvent(o.time(), o));
        }
      }
      timed.sort(Comparator.comparingInt(Timed::time).thenComparingInt(Timed::rank)); // stable
      BigConfigString big = new BigConfigString();
      for (CommandRow c : untimed) {
        commands += command(c, null, version, big, listener);
      }
      int start = gs != null && gs.startTime != UNSET_TIME ? gs.startTime
          : timed.isEmpty() ? (previousEnd == null ? 0 : previousEnd) : timed.get(0).time();
      int end = gs != null && gs.endTime != UNSET_TIME ? gs.endTime
          : timed.isEmpty() ? start : timed.get(timed.size() - 1).time();
      boolean startDelivered = false;
      for (Timed e : timed) {
        if (!startDelivered && e.time() >= start) {
          listener.onSnapshot(new SyntheticSnapshot(start, snapshots++));
          startDelivered = true;
        }
        if (e instanceof CmdEvent ce) {
          commands += command(ce.row(), ce.time(), version, big, listener);
        } else {
          ObituaryRow o = ((ObitEvent) e).row();
          MeansOfDeath mod = UdtCauseOfDeath.lookup(o.cause()).orElse(null);
          if (mod == null) {
            warnings.add(o.path() + ": unknown causeOfDeath '" + o.cause() + "' mapped to MOD_UNKNOWN");
            mod = MeansOfDeath.MOD_UNKNOWN;
          }
          Integer attacker = o.attacker() >= 0 && o.attacker() < 64 ? o.attacker() : null;
          listener.onObituary(new Obituary(e.time(), o.target(), attacker, mod, 0, null));
          obituaries++;
        }
      }
      if (!startDelivered) {
        listener.onSnapshot(new SyntheticSnapshot(start, snapshots++));
      }
      if (end != start) {
        listener.onSnapshot(new SyntheticSnapshot(end, snapshots++));
      }
      previousEnd = end;
    }
    listener.onDemoEnd(new DemoEnd(DemoEnd.Reason.EOF, numbers.size(), snapshots, 0, ""));
    return new Replay(numbers.size(), obituaries, commands, configStrings, warnings);
  }

  /** Delivers one command; returns 1 when it went out as a server command, else 0. */
  private static int command(CommandRow c, @Nullable Integer time, int version, BigConfigString big,
      DemoListener listener) {
    String text = c.text();
    List<String> argv = Tokenizer.tokenize(text);
    String name = argv.isEmpty() ? "" : argv.get(0);
    switch (name) {
      case "cs" -> {
        if (argv.size() >= 2) {
          Integer index = parseIntOrNull(argv.get(1));
          if (index != null) {
            listener.onConfigString(new ConfigStringChange(time, index,
                String.join(" ", argv.subList(Math.min(2, argv.size()), argv.size()))));
            return 0;
          }
        }
      }
      case "bcs0", "bcs1", "bcs2" -> {
        if (argv.size() >= 3) {
          Integer index = parseIntOrNull(argv.get(1));
          if (index != null) {
            if (name.equals("bcs0")) {
              big.start(index);
            }
            big.append(argv.get(2));
            if (name.equals("bcs2") && big.index != null) {
              listener.onConfigString(new ConfigStringChange(time, big.index, big.value.toString()));
              big.index = null;
            }
            return 0;
          }
        }
      }
      default -> {
        // an ordinary command, below
      }
    }
    // The same tokenizer and typed views as the binary reader, so both inputs analyse alike.
    CommandView view = CommandViews.of(argv, version);
    listener.onServerCommand(new ServerCommand(time, c.order(), text, view));
    return 1;
  }

  private static final class BigConfigString {
    @Nullable Integer index;
    final StringBuilder value = new StringBuilder();

    void start(int i) {
      index = i;
      value.setLength(0);
    }

    void append(String chunk) {
      if (index != null) {
        value.append(chunk);
      }
    }
  }

  private static int parseIntOr(@Nullable String s, int fallback) {
    Integer v = s == null ? null : parseIntOrNull(s);
    return v == null ? fallback : v;
  }

  private static @Nullable Integer parseIntOrNull(String s) {
    try {
      return Integer.parseInt(s.trim());
    } catch (NumberFormatException e) {
      return null; // not a number: the caller treats the value as absent
    }
  }
}
