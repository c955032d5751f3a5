package dev.fragkit.greatshot.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fragkit.testsupport.SharedData;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real demo {@code shared/demos/et/scores_test.dm_84} against the independent tool's output
 * {@code scores_test.udt.json} (see shared/demos/README.md for that reference's known limits).
 */
class ScoresTestDemoTest {
  private static final long UNSET = -2147483648L;
  /** The reference tool's cause names → ET:Legacy MOD_* (format doc §12.4). */
  private static final Map<String, MeansOfDeath> UDT_CAUSES = Map.of(
      "MP40", MeansOfDeath.MOD_MP40,
      "thompson", MeansOfDeath.MOD_THOMPSON,
      "suicide", MeansOfDeath.MOD_SUICIDE,
      "knife", MeansOfDeath.MOD_KNIFE,
      "grenade", MeansOfDeath.MOD_GRENADE,
      "luger", MeansOfDeath.MOD_LUGER,
      "colt", MeansOfDeath.MOD_COLT);

  private static CollectingListener events;
  private static DemoSummary summary;
  private static Map<String, Object> reference;

  @BeforeAll
  @SuppressWarnings("unchecked")
  static void readDemoAndReference() throws IOException {
    Path demo = SharedData.file("demos/et/scores_test.dm_84");
    reference = (Map<String, Object>) Json.read(SharedData.file("demos/et/scores_test.udt.json"));
    events = new CollectingListener();
    summary = DemoReader.defaults().read(demo, events);
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> ref(String section) {
    return (List<Map<String, Object>>) reference.get(section);
  }

  @Test
  void readsToTheEndMarkerWithEveryRecordAndSnapshot() {
    assertThat(summary.endReason()).isEqualTo(DemoEnd.Reason.EOF);
    assertThat(summary.protocol()).isEqualTo(84);
    assertThat(summary.records()).isEqualTo(713);
    assertThat(summary.snapshots()).isEqualTo(712);
    assertThat(summary.bytes()).isEqualTo(125_837L);
    assertThat(events.end()).get().extracting(DemoEnd::reason).isEqualTo(DemoEnd.Reason.EOF);
    assertThat(events.gamestates()).hasSize(1);
  }

  @Test
  void obituariesAreExactlyTheReferenceOnes() {
    List<String> expected = new ArrayList<>();
    for (Map<String, Object> o : ref("obituaries")) {
      MeansOfDeath mod = UDT_CAUSES.get((String) o.get("causeOfDeath"));
      assertThat(mod).as("cause %s mapped", o.get("causeOfDeath")).isNotNull();
      expected.add(o.get("serverTime") + " " + o.get("attackerClientNumber") + " -> " + o.get("targetClientNumber")
          + " " + mod);
    }
    List<String> actual = new ArrayList<>();
    for (Obituary o : events.obituaries()) {
      actual.add(o.serverTime() + " " + o.attacker() + " -> " + o.target() + " " + o.mod());
    }
    assertThat(actual).containsExactlyElementsOf(expected).hasSize(9);
    assertThat(events.obituaries()).allSatisfy(o -> assertThat(o.headshot()).isNull()); // v2.82: no flag
  }

  @Test
  void gamestateConfigStringsEqualTheReferenceRawConfigStrings() {
    Map<Integer, String> expected = new TreeMap<>();
    for (Map<String, Object> cs : ref("rawConfigStrings")) {
      expected.put(((Long) cs.get("index")).intValue(), (String) cs.get("rawString"));
    }
    assertThat(expected).hasSize(108);
    Gamestate gs = events.gamestates().get(0);
    assertThat(gs.configStrings()).isEqualTo(expected);
    assertThat(gs.clientNum()).isZero();
    assertThat(gs.serverTime()).isNull();
  }

  @Test
  void serverCommandsEqualTheReferenceRawCommandsInOrder() {
    List<String> expected = new ArrayList<>();
    for (Map<String, Object> c : ref("rawCommands")) {
      long t = (Long) c.get("serverTime");
      expected.add((t == UNSET ? "null" : Long.toString(t)) + " " + c.get("rawCommand"));
    }
    List<String> actual = new ArrayList<>();
    for (ServerCommand c : events.serverCommands()) {
      actual.add(c.serverTime() + " " + c.text());
    }
    assertThat(actual).hasSize(95).containsExactlyElementsOf(expected);
  }

  @Test
  void playersTeamsMapModAndGametypeMatchTheReference() {
    @SuppressWarnings("unchecked")
    Map<String, Object> gs = ref("gameStates").get(0);
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> players = (List<Map<String, Object>>) gs.get("players");
    Map<Integer, String> expected = new TreeMap<>();
    for (Map<String, Object> p : players) {
      expected.put(((Long) p.get("clientNumber")).intValue(), p.get("cleanName") + "/" + p.get("team"));
    }
    Map<Integer, String> actual = new TreeMap<>();
    Map<Integer, PlayerInfo> last = new LinkedHashMap<>();
    for (PlayerInfo p : events.playerInfos()) {
      last.put(p.client(), p);
    }
    last.values().stream().filter(PlayerInfo::connected).forEach(p -> actual.put(p.client(),
        p.cleanName() + "/" + teamName(p.team())));
    assertThat(actual).isEqualTo(expected).hasSize(13);

    @SuppressWarnings("unchecked")
    Map<String, Object> values = (Map<String, Object>) gs.get("configStringValues");
    String serverInfo = events.gamestates().get(0).configString(0);
    assertThat(info(serverInfo, "mapname")).isEqualTo(values.get("mapname")).isEqualTo("adlernest");
    assertThat(info(serverInfo, "g_gametype")).isEqualTo(values.get("g_gametype")).isEqualTo("3");
    assertThat(info(serverInfo, "gamename")).isEqualTo(values.get("gamename")).isEqualTo("legacy");
    assertThat(info(serverInfo, "mod_version")).isEqualTo(values.get("mod_version"));
    assertThat(gs.get("demoTakerClientNumber")).isEqualTo((long) events.gamestates().get(0).clientNum());
  }

  private static String teamName(Team t) {
    switch (t) {
      case AXIS:
        return "axis";
      case ALLIES:
        return "allies";
      case SPECTATOR:
        return "spectators";
      default:
        return "free";
    }
  }

  private static String info(String info, String key) {
    String[] parts = info.split("\\\\", -1);
    for (int i = 1; i + 1 < parts.length; i += 2) {
      if (parts[i].equals(key)) {
        return parts[i + 1];
      }
    }
    return "";
  }
}
