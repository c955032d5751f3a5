package dev.fragkit.greatshot.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.fragkit.greatshot.demo.CommandView;
import dev.fragkit.greatshot.demo.ConfigStringChange;
import dev.fragkit.greatshot.demo.DemoStart;
import dev.fragkit.greatshot.demo.Gamestate;
import dev.fragkit.greatshot.demo.MeansOfDeath;
import dev.fragkit.greatshot.demo.Obituary;
import dev.fragkit.greatshot.demo.ServerCommand;
import dev.fragkit.greatshot.demo.Snapshot;
import dev.fragkit.greatshot.demo.Team;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** AnalysisBuilder on hand-made event streams. */
class AnalysisBuilderTest {
  private static final int CS_PLAYERS = 689;

  private record Snap(int serverTime, int messageNum) implements Snapshot {}

  /** Recorder 0 (axis) and players 1 (axis), 2 and 3 (allies). */
  private static AnalysisBuilder started() {
    AnalysisBuilder b = AnalysisBuilder.forDemo("t.dm_84");
    TreeMap<Integer, String> cs = new TreeMap<>();
    cs.put(0, "\\mapname\\supply\\gamename\\legacy\\mod_version\\v2.84.0\\g_gametype\\2\\protocol\\84");
    cs.put(21, "\\gamestate\\0\\g_currentRound\\0");
    cs.put(CS_PLAYERS, "n\\^1Rec\\t\\1\\c\\0");
    cs.put(CS_PLAYERS + 1, "n\\Ann\\t\\1\\c\\1");
    cs.put(CS_PLAYERS + 2, "n\\Bob\\t\\2\\c\\2");
    cs.put(CS_PLAYERS + 3, "n\\Cy\\t\\2\\c\\3");
    b.onDemoStart(new DemoStart("t.dm_84", 84));
    b.onGamestate(new Gamestate(null, 0, 0, cs));
    b.onSnapshot(new Snap(10_000, 1));
    return b;
  }

  private static void cmd(AnalysisBuilder b, int t, CommandView view) {
    b.onServerCommand(new ServerCommand(t, 1, "", view));
  }

  private static void obituary(AnalysisBuilder b, int t, int victim, Integer attacker) {
    b.onObituary(new Obituary(t, victim, attacker, MeansOfDeath.MOD_MP40, 3, null));
  }

  @Test
  void xpgainHitRegionStampsTheNearestKillOfTheRecorderWithinTheWindow() {
    AnalysisBuilder b = started();
    obituary(b, 10_000, 2, 0);
    obituary(b, 10_500, 3, 0);
    obituary(b, 10_490, 3, 1); // nearer, but not the recorder's kill: xpgain only reaches its earner
    cmd(b, 10_480, new CommandView.XpGain("xpgain", 4, 3.0, "headshot kill"));
    cmd(b, 30_000, new CommandView.XpGain("xpgain", 4, 3.0, "bodyshot kill")); // 19.5 s away: no match
    b.onSnapshot(new Snap(40_000, 2));

    Analysis a = b.build();
    assertThat(a.kills()).extracting(Kill::timeMs, Kill::headshot, Kill::hitRegion, Kill::hitRegionSource)
        .containsExactly(
            tuple(10_000, null, null, null),
            tuple(10_500, true, HitRegion.HEAD, "xpgain"),
            tuple(10_490, null, null, null));
  }

  @Test
  void xpgainTieGoesToTheEarlierKillAndAKnownRegionIsNotOverwritten() {
    AnalysisBuilder b = started();
    obituary(b, 10_000, 2, 0);
    obituary(b, 11_000, 3, 0);
    cmd(b, 10_500, new CommandView.XpGain("xpgain", 4, 3.0, "armshot kill"));
    cmd(b, 10_500, new CommandView.XpGain("xpgain", 4, 3.0, "legshot kill")); // nearest already has a region

    Analysis a = b.build();
    assertThat(a.kills()).extracting(Kill::hitRegion, Kill::headshot)
        .containsExactly(tuple(HitRegion.ARM, false), tuple(null, null));
  }

  @Test
  void killKindsAreClassifiedFromTheRosterAtThatMoment() {
    AnalysisBuilder b = started();
    obituary(b, 10_100, 1, 0); // team kill (both axis)
    obituary(b, 10_200, 2, 2); // suicide
    obituary(b, 10_300, 3, null); // world
    b.onObituary(new Obituary(10_400, 1, 1, MeansOfDeath.MOD_SWITCHTEAM, 0, null)); // a team change, no kill
    obituary(b, 10_500, 2, 1); // enemy kill

    Analysis a = b.build();
    assertThat(a.kills()).extracting(Kill::teamKill, Kill::suicide, Kill::world, Kill::enemyKill, Kill::attackerName)
        .containsExactly(
            tuple(true, false, false, false, "Rec"),
            tuple(false, true, false, false, "Bob"),
            tuple(false, false, true, false, "world"),
            tuple(false, false, false, true, "Ann"));
    assertThat(a.stats().get("Ann").timeline()).isEqualTo(new PlayerStats.TimelineCounts(1, 1, 0, 0, 0));
    assertThat(a.stats().get("Rec").timeline()).isEqualTo(new PlayerStats.TimelineCounts(0, 0, 0, 1, 0));
    assertThat(a.stats().get("Bob").timeline()).isEqualTo(new PlayerStats.TimelineCounts(0, 2, 1, 0, 0));
    assertThat(a.stats().get("Bob").source()).isEqualTo(StatsSource.TIMELINE);
  }

  @Test
  void rosterChangesBecomeEventsAndTimePlayedFollowsTheTeam() {
    AnalysisBuilder b = started();
    b.onConfigString(new ConfigStringChange(12_000, CS_PLAYERS + 3, "n\\Cyrus\\t\\2\\c\\3")); // rename
    b.onConfigString(new ConfigStringChange(13_000, CS_PLAYERS + 3, "n\\Cyrus\\t\\3\\c\\3")); // to spectators
    b.onConfigString(new ConfigStringChange(14_000, CS_PLAYERS + 2, "n\\Bob\\t\\2\\c\\1")); // class change
    b.onConfigString(new ConfigStringChange(15_000, CS_PLAYERS + 2, "")); // leaves
    b.onConfigString(new ConfigStringChange(16_000, CS_PLAYERS + 5, "n\\Dee\\t\\1\\c\\0")); // joins
    b.onConfigString(new ConfigStringChange(16_500, CS_PLAYERS + 5, "n\\Dee\\t\\1\\c\\0")); // unchanged: nothing
    b.onSnapshot(new Snap(20_000, 9));

    Analysis a = b.build();
    assertThat(a.playerEvents()).extracting(PlayerEvent::timeMs, PlayerEvent::player, PlayerEvent::type,
            PlayerEvent::from, PlayerEvent::to)
        .containsExactly(
            tuple(12_000, "Cyrus", PlayerEvent.Type.RENAME, "Cy", "Cyrus"),
            tuple(13_000, "Cyrus", PlayerEvent.Type.TEAM_CHANGE, "allies", "spectator"),
            tuple(14_000, "Bob", PlayerEvent.Type.CLASS_CHANGE, "engineer", "medic"),
            tuple(15_000, "Bob", PlayerEvent.Type.LEAVE, "Bob", null),
            tuple(16_000, "Dee", PlayerEvent.Type.JOIN, null, "axis"));
    assertThat(a.stats().get("Cyrus").timePlayedMs()).isEqualTo(3_000);
    assertThat(a.stats().get("Bob").timePlayedMs()).isEqualTo(5_000);
    assertThat(a.stats().get("Dee").timePlayedMs()).isEqualTo(4_000);
    assertThat(a.stats().get("Ann").timePlayedMs()).isEqualTo(10_000);
    assertThat(a.player(3)).get().extracting(PlayerSummary::nameHistory, PlayerSummary::teams)
        .containsExactly(List.of("Cy", "Cyrus"), List.of(Team.ALLIES, Team.SPECTATOR));
    assertThat(a.player(2)).get().extracting(PlayerSummary::lastSeenMs).isEqualTo(15_000);
    assertThat(a.demo()).extracting(DemoInfo::map, DemoInfo::gametype, DemoInfo::startMs, DemoInfo::endMs)
        .containsExactly("supply", "objective", 10_000, 20_000);
  }

  @Test
  void theLatestScoreTableGivesWholeMatchStats() {
    AnalysisBuilder b = started();
    String header = "^7GUID      TEAM       Player         ^1 TmX^$ TmL^7 TmP^7 Kll Dth Gib  SK  TK  TG^7 Eff^2    DG^1"
        + "    DR^6  TDG^$  TDR^3  Score\n";
    cmd(b, 11_000, new CommandView.ScoreTableLine("sc", 5, "", false));
    cmd(b, 11_000, new CommandView.ScoreTableLine("sc", null, header, false));
    cmd(b, 11_000, new CommandView.ScoreTableLine("sc", null,
        "ABCDEF12* ^1Axis^7       ^7Ann            ^1   0^$   0^7^7 100^3   7   2   1   1   1   0^7  70^2   900^1"
            + "   300^6    0^$    0^3     40\n", false));
    cmd(b, 11_000, new CommandView.ScoreTableLine("sc", null,
        "          ^1Axis^7       ^5Totals         ^1   3^$   0^5  89   7   2   0   0   0   0^5  60^2   900^1   300^6"
            + "   0^$   0^3     40\n", false));
    cmd(b, 11_000, new CommandView.ScoreTableLine("sc", null, "\n\n", true));

    Analysis a = b.build();
    PlayerStats ann = a.stats().get("Ann");
    assertThat(ann).extracting(PlayerStats::source, PlayerStats::sourceTimeMs, PlayerStats::kills,
            PlayerStats::deaths, PlayerStats::suicides, PlayerStats::teamKills, PlayerStats::damageGiven,
            PlayerStats::damageReceived, PlayerStats::kdr, PlayerStats::accuracy)
        .containsExactly(StatsSource.SCORE_TABLE, 11_000, 7, 2, 1, 1, 900, 300, 3.5, null);
    assertThat(a.stats().get("Bob").source()).isEqualTo(StatsSource.TIMELINE);
  }

  @Test
  void weaponStatsWinAndGivePerWeaponAccuracy() {
    AnalysisBuilder b = started();
    cmd(b, 11_000, new CommandView.WeaponStats("ws", 2, 0, List.of(
        new CommandView.WeaponStats.WeaponStat(4, 30, 100, 3, 1, 2),
        new CommandView.WeaponStats.WeaponStat(11, 3, 10, 1, 0, 0)),
        new CommandView.WeaponStats.Totals(450, 200, 0, 0, 1, 1, 0, 0, 88.5)));

    PlayerStats bob = b.build().stats().get("Bob");
    assertThat(bob).extracting(PlayerStats::source, PlayerStats::kills, PlayerStats::deaths, PlayerStats::headshots,
            PlayerStats::damageGiven, PlayerStats::suicides, PlayerStats::accuracy, PlayerStats::weaponsSource)
        .containsExactly(StatsSource.WEAPON_STATS, 4, 1, 2, 450, 1, 30.0, StatsSource.WEAPON_STATS);
    assertThat(bob.weapons()).extracting(PlayerStats.WeaponLine::weapon, PlayerStats.WeaponLine::kills,
            PlayerStats.WeaponLine::shots, PlayerStats.WeaponLine::hits)
        .containsExactly(tuple("mp40", 3, 100, 30), tuple("grenade", 1, 10, 3));
  }

  @Test
  void chatOfEveryKindIsKept() {
    AnalysisBuilder b = started();
    cmd(b, 11_000, new CommandView.Chat("chat", CommandView.Chat.Kind.PUBLIC, 1, "^7Ann^7: ^2^2gg", "gg"));
    cmd(b, 11_100, new CommandView.Chat("vchat", CommandView.Chat.Kind.VOICE, 2, "", "Medic"));
    cmd(b, 11_200, new CommandView.Chat("chat", CommandView.Chat.Kind.PUBLIC, -1, "server restarting", "server restarting"));

    assertThat(b.build().chat()).extracting(ChatLine::player, ChatLine::kind, ChatLine::message)
        .containsExactly(tuple("Ann", CommandView.Chat.Kind.PUBLIC, "gg"),
            tuple("Bob", CommandView.Chat.Kind.VOICE, "Medic"),
            tuple("server", CommandView.Chat.Kind.PUBLIC, "server restarting"));
  }

  @Test
  void matchStateChangesAreBoundaries() {
    AnalysisBuilder b = started();
    b.onConfigString(new ConfigStringChange(12_000, 21, "\\gamestate\\3\\g_currentRound\\0"));
    b.onConfigString(new ConfigStringChange(12_000, 14, "\\w\\1"));
    b.onConfigString(new ConfigStringChange(15_000, 21, "\\gamestate\\0\\g_currentRound\\1"));

    assertThat(b.build().matchEvents()).extracting(MatchEvent::timeMs, MatchEvent::type)
        .containsExactly(tuple(10_000, MatchEvent.Type.DEMO_START), tuple(12_000, MatchEvent.Type.PHASE_CHANGE),
            tuple(12_000, MatchEvent.Type.WINNER), tuple(15_000, MatchEvent.Type.PHASE_CHANGE),
            tuple(15_000, MatchEvent.Type.ROUND_CHANGE));
  }
}
