package dev.fragkit.greatshot.analysis;

import dev.fragkit.greatshot.analysis.internal.ScoreTable;
import dev.fragkit.greatshot.analysis.internal.Weapons;
import dev.fragkit.greatshot.demo.ColorCodes;
import dev.fragkit.greatshot.demo.CommandView;
import dev.fragkit.greatshot.demo.ConfigStringChange;
import dev.fragkit.greatshot.demo.DemoEnd;
import dev.fragkit.greatshot.demo.DemoListener;
import dev.fragkit.greatshot.demo.DemoStart;
import dev.fragkit.greatshot.demo.GamePhase;
import dev.fragkit.greatshot.demo.Gamestate;
import dev.fragkit.greatshot.demo.MeansOfDeath;
import dev.fragkit.greatshot.demo.Obituary;
import dev.fragkit.greatshot.demo.PlayerClass;
import dev.fragkit.greatshot.demo.ServerCommand;
import dev.fragkit.greatshot.demo.Snapshot;
import dev.fragkit.greatshot.demo.Team;
import dev.fragkit.greatshot.demo.internal.Text;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Builds an {@link Analysis} from a demo's events in one pass: hand it to a demo reader (or the
 * UDT_json replay) as the listener, then call {@link #build()}.
 *
 * <p>The roster and match state are derived from the configstrings themselves (the gamestate's
 * table and every {@link ConfigStringChange}: {@code CS_PLAYERS + n}, CS_WOLFINFO,
 * CS_MULTI_MAPWINNER, CS_LEVEL_START_TIME, CS_SERVERINFO), so {@code onPlayerInfo} and
 * {@code onMatchState} are not needed and are ignored: the same configstrings always give the same
 * analysis whichever source replays them. Server commands are read through their typed
 * {@link CommandView}: chat (all forms), {@code xpgain} hit regions, the {@code sc} table and
 * {@code ws} weapon stats. Obituaries become {@link Kill}s; {@code MOD_SWITCHTEAM} deaths (a team
 * change, no obituary message in the game) are not kills.
 *
 * <p>Hit regions from {@code xpgain "<region>shot kill"} are matched as the reference tool does
 * (nearest kill within {@value #XPGAIN_MATCH_MS} ms, the earlier kill on a tie, never overwriting a
 * known region), with one fix: {@code xpgain} is sent only to the earner, so only kills by the
 * recording client are candidates.
 *
 * <p>Not thread-safe: confine to the reading thread. {@link #build()} may be called once the read
 * has ended (and again; it does not change the builder).
 */
public final class AnalysisBuilder implements DemoListener {
  /** Maximum distance between an {@code xpgain} hit region and the kill it describes. */
  public static final int XPGAIN_MATCH_MS = 1500;

  private static final int UNSET = Integer.MIN_VALUE;
  private static final int CS_SERVERINFO = 0;
  private static final int CS_LEVEL_START_TIME = 11;
  private static final int CS_MULTI_MAPWINNER = 14;
  private static final int CS_WOLFINFO = 21;
  private static final int CS_PLAYERS = 689;
  private static final int MAX_CLIENTS = 64;
  private static final Pattern XPGAIN_REGION =
      Pattern.compile("(head|body|arm|leg)shot kill", Pattern.CASE_INSENSITIVE);
  private static final String[] GAMETYPES = {
      "single_player", "coop", "objective", "stopwatch", "campaign", "last_man_standing", "map_vote"};

  private final String file;
  private @Nullable String sha256;
  private @Nullable String input;

  private int protocol = 84;
  private boolean gamestateSeen;
  private final Map<Integer, String> configStrings = new HashMap<>();
  private Map<String, String> serverInfo = Map.of();
  private int recorderClient = -1;
  private int firstSnapshot = UNSET;
  private int lastSnapshot = UNSET;
  private int lastTime = UNSET;

  private final Slot[] slots = new Slot[MAX_CLIENTS];
  private final Map<Integer, Track> tracks = new TreeMap<>();
  private GamePhase phase = GamePhase.INITIALIZE;
  private int round;
  private @Nullable Team winner;
  private @Nullable Integer levelStart;

  private final List<Kill> kills = new ArrayList<>();
  private final List<int[]> xpgains = new ArrayList<>(); // {time, region ordinal}
  private final List<ChatLine> chat = new ArrayList<>();
  private final List<PlayerEvent> playerEvents = new ArrayList<>();
  private final List<MatchEvent> matchEvents = new ArrayList<>();
  private final List<String> warnings = new ArrayList<>();

  private @Nullable ScoreTable currentTable;
  private List<ScoreTable.Row> lastTable = List.of();
  private int lastTableTime = UNSET;
  private final Map<Integer, TimedWeaponStats> weaponStats = new HashMap<>();
  private final ObservedLife.Recorder life = new ObservedLife.Recorder();
  private final @Nullable Team[] teamOf = new Team[MAX_CLIENTS];

  private AnalysisBuilder(String file) {
    this.file = file;
  }

  /** A builder for the demo file named {@code fileName} (no directory). */
  public static AnalysisBuilder forDemo(String fileName) {
    return new AnalysisBuilder(Objects.requireNonNull(fileName, "fileName"));
  }

  /** Records the SHA-256 (hex) of the demo's bytes; the caller computes it. Returns this. */
  public AnalysisBuilder sha256(String hex) {
    if (!hex.matches("[0-9a-fA-F]{64}")) {
      throw new IllegalArgumentException("sha256 is not 64 hex digits: " + hex);
    }
    this.sha256 = hex.toLowerCase(Locale.ROOT);
    return this;
  }

  /** Names the input kind ({@code udt_json}); default: from the protocol ({@code dm_84}/{@code tv_84}). */
  public AnalysisBuilder input(String kind) {
    this.input = Objects.requireNonNull(kind, "kind");
    return this;
  }

  /** Adds a warning to the analysis (e.g. from the reader that feeds this builder). Returns this. */
  public AnalysisBuilder warning(String message) {
    warnings.add(Objects.requireNonNull(message, "message"));
    return this;
  }

  // ---------------------------------------------------------------- listener

  @Override
  public void onDemoEnd(DemoEnd event) {
    if (event.reason() == DemoEnd.Reason.TRUNCATED) {
      warnings.add("demo is truncated (a crashed recording?): " + event.detail()
          + "; everything before it was analysed");
    }
  }

  @Override
  public void onDemoStart(DemoStart event) {
    protocol = event.protocol();
  }

  @Override
  public boolean wantsSnapshots() {
    return true; // server times give the demo's start and end; player states give who is alive
  }

  @Override
  public void onSnapshot(Snapshot event) {
    int t = event.serverTime();
    if (firstSnapshot == UNSET) {
      firstSnapshot = t;
    }
    lastSnapshot = t;
    seen(t);
    for (int c = 0; c < MAX_CLIENTS; c++) {
      Slot s = slots[c];
      teamOf[c] = s != null && s.connected ? s.team : null;
    }
    life.snapshot(event, teamOf);
  }

  @Override
  public void onGamestate(Gamestate event) {
    int t = time(event.serverTime());
    if (recorderClient < 0 || !gamestateSeen) {
      recorderClient = event.clientNum();
    }
    if (!gamestateSeen) {
      gamestateSeen = true;
      configStrings.putAll(event.configStrings());
      serverInfo = Text.parseInfo(configStrings.getOrDefault(CS_SERVERINFO, ""));
      for (int c = 0; c < MAX_CLIENTS; c++) {
        String cs = configStrings.get(CS_PLAYERS + c);
        if (cs != null && !cs.isEmpty()) {
          updateSlot(c, cs, t, true);
        }
      }
      readMatchState();
      matchEvents.add(new MatchEvent(t, MatchEvent.Type.DEMO_START, phase, round, winner, levelStart));
      return;
    }
    // A later gamestate (map restart): apply it as a set of changes, then mark the boundary.
    Set<Integer> indices = new java.util.TreeSet<>(configStrings.keySet());
    indices.addAll(event.configStrings().keySet());
    for (int index : indices) {
      applyConfigString(index, event.configStrings().getOrDefault(index, ""), t, true);
    }
    matchEvents.add(new MatchEvent(t, MatchEvent.Type.GAMESTATE, phase, round, winner, levelStart));
  }

  @Override
  public void onConfigString(ConfigStringChange event) {
    applyConfigString(event.index(), event.value(), time(event.serverTime()), true);
  }

  @Override
  public void onServerCommand(ServerCommand event) {
    int t = time(event.serverTime());
    CommandView view = event.view();
    if (view instanceof CommandView.Chat c) {
      Integer client = c.client() >= 0 && c.client() < MAX_CLIENTS ? c.client() : null;
      String who = client == null ? "server" : nameOf(client);
      chat.add(new ChatLine(t, client, who, c.kind(), c.message()));
    } else if (view instanceof CommandView.XpGain x) {
      Matcher m = XPGAIN_REGION.matcher(x.reason());
      if (m.find()) {
        HitRegion region = HitRegion.valueOf(m.group(1).toUpperCase(Locale.ROOT));
        xpgains.add(new int[] {t, region.ordinal()});
      }
    } else if (view instanceof CommandView.ScoreTableLine line) {
      onScoreTableLine(line, t);
    } else if (view instanceof CommandView.WeaponStats ws) {
      weaponStats.put(ws.client(), new TimedWeaponStats(t, ws));
    }
  }

  @Override
  public void onObituary(Obituary event) {
    int t = event.serverTime();
    seen(t);
    if (event.mod() == MeansOfDeath.MOD_SWITCHTEAM) {
      return;
    }
    int victim = event.target();
    Integer attacker = event.attacker();
    Slot v = slot(victim);
    Slot a = attacker == null ? null : slot(attacker);
    Boolean headshot = event.headshot();
    HitRegion region = Boolean.TRUE.equals(headshot) ? HitRegion.HEAD : null;
    kills.add(new Kill(t, attacker, a == null ? "world" : a.cleanName, a == null ? null : a.team, victim,
        v.cleanName, v.team, event.mod(), Weapons.canonical(event.mod()), headshot, region,
        headshot == null ? null : "obituary"));
  }

  // ---------------------------------------------------------------- build

  /** The analysis of everything received so far. */
  public Analysis build() {
    int start = firstSnapshot != UNSET ? firstSnapshot : (lastTime != UNSET ? lastTime : 0);
    int end = lastSnapshot != UNSET ? lastSnapshot : Math.max(start, lastTime == UNSET ? start : lastTime);
    List<String> warn = new ArrayList<>(warnings);
    if (!gamestateSeen) {
      warn.add("no gamestate: map, mod and roster are unknown");
    }
    List<Kill> finalKills = matchHitRegions();
    String gt = serverInfo.get("g_gametype");
    Integer gametypeId = parseInt(gt);
    String gametype = gametypeId == null ? "unknown"
        : gametypeId >= 0 && gametypeId < GAMETYPES.length ? GAMETYPES[gametypeId] : "gametype_" + gametypeId;
    String kind = input != null ? input : protocol == 284 ? "tv_84" : "dm_84";
    DemoInfo demo = new DemoInfo(file, sha256, kind, protocol, serverInfo.getOrDefault("mapname", "unknown"),
        serverInfo.getOrDefault("gamename", "unknown"), serverInfo.get("mod_version"), gametype, gametypeId, start,
        end, recorderClient);

    List<PlayerSummary> players = new ArrayList<>();
    for (Track tr : tracks.values()) {
      Slot s = slots[tr.client];
      int first = tr.firstSeen == UNSET ? start : tr.firstSeen;
      int last = s != null && s.connected ? end : (tr.lastSeen == UNSET ? start : tr.lastSeen);
      List<Team> teams = new ArrayList<>(tr.teams);
      players.add(new PlayerSummary(tr.client, tr.name, tr.cleanName, List.copyOf(tr.names), teams, first, last));
    }
    return new Analysis(demo, players, finalKills, resolveChat(start), resolvePlayerEvents(start),
        resolveMatchEvents(start), stats(players, finalKills, start, end), warn, life.build());
  }

  private List<Kill> matchHitRegions() {
    List<Kill> out = new ArrayList<>(kills);
    if (xpgains.isEmpty()) {
      return out;
    }
    List<Integer> candidates = new ArrayList<>(); // indexes of the recorder's kills, time order
    for (int i = 0; i < out.size(); i++) {
      Integer a = out.get(i).attacker();
      if (a != null && a == recorderClient) {
        candidates.add(i);
      }
    }
    candidates.sort((x, y) -> Integer.compare(out.get(x).timeMs(), out.get(y).timeMs()));
    for (int[] xp : xpgains) {
      int t = xp[0] == UNSET ? (firstSnapshot == UNSET ? 0 : firstSnapshot) : xp[0];
      int lo = 0;
      int hi = candidates.size();
      while (lo < hi) { // bisect-left on time
        int mid = (lo + hi) >>> 1;
        if (out.get(candidates.get(mid)).timeMs() < t) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      Integer best = null;
      long bestDt = Long.MAX_VALUE;
      for (int j = lo - 1; j <= lo; j++) {
        if (j < 0 || j >= candidates.size()) {
          continue;
        }
        long dt = Math.abs((long) out.get(candidates.get(j)).timeMs() - t);
        if (dt < bestDt) { // strict: on a tie the earlier kill wins
          bestDt = dt;
          best = candidates.get(j);
        }
      }
      if (best != null && bestDt <= XPGAIN_MATCH_MS && out.get(best).hitRegion() == null) {
        out.set(best, out.get(best).withHitRegion(HitRegion.values()[xp[1]], "xpgain"));
      }
    }
    return out;
  }

  private Map<String, PlayerStats> stats(List<PlayerSummary> players, List<Kill> allKills, int start, int end) {
    Map<Integer, int[]> counts = new HashMap<>(); // kills, deaths, suicides, teamKills, headshots
    Map<Integer, Map<String, int[]>> perWeapon = new HashMap<>(); // weapon -> kills, deaths, headshots
    for (Kill k : allKills) {
      int[] vc = counts.computeIfAbsent(k.victim(), c -> new int[5]);
      vc[1]++;
      perWeapon.computeIfAbsent(k.victim(), c -> new LinkedHashMap<>()).computeIfAbsent(k.weapon(), w -> new int[3])[1]++;
      if (k.attacker() == null) {
        continue;
      }
      int[] ac = counts.computeIfAbsent(k.attacker(), c -> new int[5]);
      if (k.suicide()) {
        ac[2]++;
      } else if (k.teamKill()) {
        ac[3]++;
      } else {
        ac[0]++;
        int[] w = perWeapon.computeIfAbsent(k.attacker(), c -> new LinkedHashMap<>())
            .computeIfAbsent(k.weapon(), x -> new int[3]);
        w[0]++;
        if (Boolean.TRUE.equals(k.headshot())) {
          ac[4]++;
          w[2]++;
        }
      }
    }
    Map<String, PlayerStats> out = new LinkedHashMap<>();
    for (PlayerSummary p : players) {
      int[] c = counts.getOrDefault(p.client(), new int[5]);
      PlayerStats.TimelineCounts tl = new PlayerStats.TimelineCounts(c[0], c[1], c[2], c[3], c[4]);
      List<PlayerStats.WeaponLine> tlWeapons = new ArrayList<>();
      perWeapon.getOrDefault(p.client(), Map.of()).entrySet().stream()
          .sorted(Map.Entry.comparingByKey())
          .forEach(e -> tlWeapons.add(new PlayerStats.WeaponLine(e.getKey(), e.getValue()[0], e.getValue()[1],
              e.getValue()[2], null, null)));
      long played = tracks.get(p.client()).playedMs(end, start);
      TimedWeaponStats ws = weaponStats.get(p.client());
      ScoreTable.Row row = ScoreTable.find(lastTable, p.cleanName()).orElse(null);
      PlayerStats s;
      if (ws != null) {
        s = fromWeaponStats(p, ws, tl, played);
      } else if (row != null) {
        s = new PlayerStats(p.client(), p.cleanName(), StatsSource.SCORE_TABLE, lastTableTime, row.kills(),
            row.deaths(), row.selfKills(), row.teamKills(), tl.headshots(), row.damageGiven(), row.damageReceived(),
            null, played, kdr(row.kills(), row.deaths()), tlWeapons, StatsSource.TIMELINE, tl);
      } else {
        s = new PlayerStats(p.client(), p.cleanName(), StatsSource.TIMELINE, null, tl.kills(), tl.deaths(),
            tl.suicides(), tl.teamKills(), tl.headshots(), null, null, null, played, kdr(tl.kills(), tl.deaths()),
            tlWeapons, StatsSource.TIMELINE, tl);
      }
      String key = out.containsKey(p.cleanName()) ? p.cleanName() + " (client " + p.client() + ")" : p.cleanName();
      out.put(key, s);
    }
    return out;
  }

  private static PlayerStats fromWeaponStats(PlayerSummary p, TimedWeaponStats t, PlayerStats.TimelineCounts tl,
      long played) {
    CommandView.WeaponStats ws = t.stats;
    int kills = 0;
    int deaths = 0;
    int heads = 0;
    long hits = 0;
    long shots = 0;
    List<PlayerStats.WeaponLine> lines = new ArrayList<>();
    for (CommandView.WeaponStats.WeaponStat w : ws.weapons()) {
      kills += w.kills();
      deaths += w.deaths();
      heads += w.headshots();
      hits += w.hits();
      shots += w.attempts();
      lines.add(new PlayerStats.WeaponLine(Weapons.ofWeaponStat(w.ws()), w.kills(), w.deaths(), w.headshots(),
          w.attempts(), w.hits()));
    }
    CommandView.WeaponStats.Totals tot = ws.totals();
    Double accuracy = shots > 0 ? round2(hits * 100.0 / shots) : null;
    return new PlayerStats(p.client(), p.cleanName(), StatsSource.WEAPON_STATS, t.time == UNSET ? null : t.time,
        kills, deaths, tot == null ? 0 : tot.selfKills(), tot == null ? 0 : tot.teamKills(), heads,
        tot == null ? 0 : tot.damageGiven(), tot == null ? 0 : tot.damageReceived(), accuracy, played,
        kdr(kills, deaths), lines, StatsSource.WEAPON_STATS, tl);
  }

  /** kills / max(1, deaths) rounded to 2 decimals half-even, as the reference does. */
  static double kdr(int kills, int deaths) {
    return round2((double) kills / Math.max(1, deaths));
  }

  private static double round2(double v) {
    return new BigDecimal(v).setScale(2, RoundingMode.HALF_EVEN).doubleValue();
  }

  // ---------------------------------------------------------------- roster and match state

  private void applyConfigString(int index, String value, int t, boolean events) {
    String old = configStrings.getOrDefault(index, "");
    if (old.equals(value)) {
      return;
    }
    if (value.isEmpty()) {
      configStrings.remove(index);
    } else {
      configStrings.put(index, value);
    }
    if (index >= CS_PLAYERS && index < CS_PLAYERS + MAX_CLIENTS) {
      updateSlot(index - CS_PLAYERS, value, t, !events);
    } else if (index == CS_WOLFINFO || index == CS_MULTI_MAPWINNER || index == CS_LEVEL_START_TIME) {
      GamePhase oldPhase = phase;
      int oldRound = round;
      Team oldWinner = winner;
      readMatchState();
      if (phase != oldPhase) {
        matchEvents.add(new MatchEvent(t, MatchEvent.Type.PHASE_CHANGE, phase, round, winner, levelStart));
      }
      if (round != oldRound) {
        matchEvents.add(new MatchEvent(t, MatchEvent.Type.ROUND_CHANGE, phase, round, winner, levelStart));
      }
      if (winner != oldWinner && winner != null) {
        matchEvents.add(new MatchEvent(t, MatchEvent.Type.WINNER, phase, round, winner, levelStart));
      }
    } else if (index == CS_SERVERINFO) {
      Map<String, String> info = Text.parseInfo(value);
      if (serverInfo.isEmpty()) {
        serverInfo = info;
      }
    }
  }

  private void readMatchState() {
    Map<String, String> wolf = Text.parseInfo(configStrings.getOrDefault(CS_WOLFINFO, ""));
    Integer gs = parseInt(wolf.get("gamestate"));
    phase = gs == null ? GamePhase.INITIALIZE : GamePhase.fromId(gs);
    Integer r = parseInt(wolf.get("g_currentRound"));
    round = r == null ? 0 : r;
    Integer w = parseInt(Text.parseInfo(configStrings.getOrDefault(CS_MULTI_MAPWINNER, "")).get("w"));
    winner = w == null ? null : w == 0 ? Team.AXIS : w == 1 ? Team.ALLIES : null;
    levelStart = parseInt(configStrings.getOrDefault(CS_LEVEL_START_TIME, "").trim());
  }

  private void updateSlot(int client, String value, int t, boolean initial) {
    Slot s = slot(client);
    Track tr = tracks.get(client);
    if (value.isEmpty()) {
      if (s.connected) {
        if (!initial) {
          playerEvents.add(new PlayerEvent(t, client, s.cleanName, PlayerEvent.Type.LEAVE, s.cleanName, null));
        }
        s.connected = false;
        if (tr != null) {
          tr.teamChange(null, t, firstSnapshot);
          tr.lastSeen = t;
        }
      }
      return;
    }
    Map<String, String> info = Text.parseInfo(value);
    String name = info.getOrDefault("n", "");
    String clean = ColorCodes.strip(name).trim();
    Integer teamId = parseInt(info.get("t"));
    Team team = teamId == null ? Team.FREE : Team.fromId(teamId);
    Integer classId = parseInt(info.get("c"));
    PlayerClass cls = classId == null ? null : PlayerClass.fromId(classId).orElse(null);
    if (tr == null) {
      tr = new Track(client);
      tr.firstSeen = t;
      tracks.put(client, tr);
    }
    if (!s.connected) {
      if (!initial) {
        playerEvents.add(new PlayerEvent(t, client, clean, PlayerEvent.Type.JOIN, null, team.name().toLowerCase(Locale.ROOT)));
      }
    } else if (!initial) {
      if (!s.cleanName.equals(clean)) {
        playerEvents.add(new PlayerEvent(t, client, clean, PlayerEvent.Type.RENAME, s.cleanName, clean));
      }
      if (s.team != team) {
        playerEvents.add(new PlayerEvent(t, client, clean, PlayerEvent.Type.TEAM_CHANGE,
            s.team.name().toLowerCase(Locale.ROOT), team.name().toLowerCase(Locale.ROOT)));
      }
      if (s.playerClass != cls) {
        playerEvents.add(new PlayerEvent(t, client, clean, PlayerEvent.Type.CLASS_CHANGE, label(s.playerClass),
            label(cls)));
      }
    }
    s.connected = true;
    s.name = name;
    s.cleanName = clean;
    s.team = team;
    s.playerClass = cls;
    tr.name = name;
    tr.cleanName = clean;
    tr.names.add(clean);
    tr.teams.add(team);
    tr.lastSeen = t;
    tr.teamChange(team, t, firstSnapshot);
  }

  private static @Nullable String label(@Nullable PlayerClass c) {
    return c == null ? null : c.name().toLowerCase(Locale.ROOT);
  }

  private void onScoreTableLine(CommandView.ScoreTableLine line, int t) {
    if (line.startCount() != null || currentTable == null) {
      currentTable = new ScoreTable();
    }
    if (line.startCount() == null) {
      currentTable.accept(line.line());
    }
    if (line.last()) {
      List<ScoreTable.Row> rows = currentTable.rows();
      if (!rows.isEmpty()) {
        lastTable = rows;
        lastTableTime = t;
      }
      currentTable = null;
    }
  }

  // ---------------------------------------------------------------- time helpers

  private int time(@Nullable Integer serverTime) {
    if (serverTime != null) {
      seen(serverTime);
      return serverTime;
    }
    return lastTime;
  }

  private void seen(int t) {
    if (lastTime == UNSET || t > lastTime) {
      lastTime = t;
    }
  }

  private String nameOf(int client) {
    Slot s = slots[client];
    return s == null || s.cleanName.isEmpty() ? "client " + client : s.cleanName;
  }

  private Slot slot(int client) {
    if (client < 0 || client >= MAX_CLIENTS) {
      throw new IllegalArgumentException("client number out of range 0..63: " + client);
    }
    Slot s = slots[client];
    if (s == null) {
      s = new Slot();
      s.cleanName = "client " + client;
      slots[client] = s;
    }
    return s;
  }

  private List<ChatLine> resolveChat(int start) {
    List<ChatLine> out = new ArrayList<>(chat.size());
    for (ChatLine c : chat) {
      out.add(c.timeMs() == UNSET ? new ChatLine(start, c.client(), c.player(), c.kind(), c.message()) : c);
    }
    return out;
  }

  private List<PlayerEvent> resolvePlayerEvents(int start) {
    List<PlayerEvent> out = new ArrayList<>(playerEvents.size());
    for (PlayerEvent e : playerEvents) {
      out.add(e.timeMs() == UNSET ? new PlayerEvent(start, e.client(), e.player(), e.type(), e.from(), e.to()) : e);
    }
    return out;
  }

  private List<MatchEvent> resolveMatchEvents(int start) {
    List<MatchEvent> out = new ArrayList<>(matchEvents.size());
    for (MatchEvent e : matchEvents) {
      out.add(e.timeMs() == UNSET
          ? new MatchEvent(start, e.type(), e.phase(), e.round(), e.winner(), e.levelStartMs()) : e);
    }
    return out;
  }

  private static @Nullable Integer parseInt(@Nullable String s) {
    if (s == null || s.isEmpty()) {
      return null;
    }
    try {
      return Integer.parseInt(s.trim());
    } catch (NumberFormatException e) {
      return null; // a malformed optional number is treated as absent
    }
  }

  private static final class Slot {
    boolean connected;
    String name = "";
    String cleanName = "";
    Team team = Team.FREE;
    @Nullable PlayerClass playerClass;
  }

  private static final class Track {
    final int client;
    String name = "";
    String cleanName = "";
    final Set<String> names = new LinkedHashSet<>();
    final Set<Team> teams = EnumSet.noneOf(Team.class);
    int firstSeen = UNSET;
    int lastSeen = UNSET;
    @Nullable Team playingTeam;
    int playingSince = UNSET;
    long playedMs;

    Track(int client) {
      this.client = client;
    }

    /** The player is now on {@code team} (null: left). Accumulates time on axis/allies. */
    void teamChange(@Nullable Team team, int t, int firstSnapshot) {
      boolean playing = team == Team.AXIS || team == Team.ALLIES;
      if (playingTeam != null && playingTeam != team) {
        close(t, firstSnapshot);
      }
      if (playing && playingTeam != team) {
        playingTeam = team;
        playingSince = t;
      } else if (!playing) {
        playingTeam = null;
      }
    }

    private void close(int t, int firstSnapshot) {
      int since = playingSince == UNSET ? (firstSnapshot == UNSET ? t : firstSnapshot) : playingSince;
      if (t != UNSET) {
        playedMs += Math.max(0, t - since);
      }
    }

    long playedMs(int end, int start) {
      long total = playedMs;
      if (playingTeam != null) {
        int since = playingSince == UNSET ? start : Math.max(playingSince, start);
        total += Math.max(0, end - since);
      }
      return total;
    }
  }

  private record TimedWeaponStats(int time, CommandView.WeaponStats stats) {}
}
