package dev.fragkit.greatshot.udt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fragkit.greatshot.demo.CommandView;
import dev.fragkit.greatshot.demo.ConfigStringChange;
import dev.fragkit.greatshot.demo.DemoException;
import dev.fragkit.greatshot.demo.DemoListener;
import dev.fragkit.greatshot.demo.Gamestate;
import dev.fragkit.greatshot.demo.MeansOfDeath;
import dev.fragkit.greatshot.demo.Obituary;
import dev.fragkit.greatshot.demo.ServerCommand;
import dev.fragkit.greatshot.demo.Snapshot;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class UdtJsonReaderTest {
  /** Records events as short strings. */
  private static final class Recorder implements DemoListener {
    final List<String> events = new ArrayList<>();
    final List<ServerCommand> commands = new ArrayList<>();

    @Override
    public void onGamestate(Gamestate e) {
      events.add("gamestate client=" + e.clientNum() + " cs=" + e.configStrings().keySet());
    }

    @Override
    public void onSnapshot(Snapshot e) {
      events.add("snapshot " + e.serverTime());
    }

    @Override
    public void onConfigString(ConfigStringChange e) {
      events.add("cs " + e.serverTime() + " " + e.index() + "=" + e.value());
    }

    @Override
    public void onServerCommand(ServerCommand e) {
      commands.add(e);
      events.add("cmd " + e.serverTime() + " " + e.view().name());
    }

    @Override
    public void onObituary(Obituary e) {
      events.add("obituary " + e.serverTime() + " " + e.attacker() + ">" + e.target() + " " + e.mod());
    }
  }

  private static Recorder replay(String json) throws IOException {
    Recorder r = new Recorder();
    UdtJsonReader.create().replay(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "t.json", r);
    return r;
  }

  @Test
  void replaysInDemoOrderWithSnapshotsAtStartAndEnd() throws IOException {
    String json = """
        {"scores": [{"x": 1}],
         "obituaries": [
           {"gameStateNumber": 1, "serverTime": 2000, "attackerClientNumber": 1, "targetClientNumber": 2,
            "causeOfDeath": "thompson"},
           {"gameStateNumber": 1, "serverTime": 1500, "attackerClientNumber": -1, "targetClientNumber": 3,
            "causeOfDeath": "falling"}],
         "rawCommands": [
           {"gameStateNumber": 1, "serverTime": -2147483648, "rawCommand": "print \\"hi\\""},
           {"gameStateNumber": 1, "serverTime": 2000, "rawCommand": "cs 691 \\"n\\\\Bob\\\\t\\\\2\\""},
           {"gameStateNumber": 1, "serverTime": 2500, "rawCommand": "bcs0 900 \\"ab\\""},
           {"gameStateNumber": 1, "serverTime": 2500, "rawCommand": "bcs1 900 \\"cd\\""},
           {"gameStateNumber": 1, "serverTime": 2500, "rawCommand": "bcs2 900 \\"e\\""}],
         "rawConfigStrings": [{"gameStateNumber": 1, "index": 0, "rawString": "\\\\protocol\\\\84"}],
         "gameStates": [{"demoTakerClientNumber": 4, "startTime": 1000, "endTime": 3000, "players": []}]}
        """;
    assertThat(replay(json).events).containsExactly(
        "gamestate client=4 cs=[0]",
        "cmd null print",
        "snapshot 1000",
        "obituary 1500 null>3 MOD_FALLING",
        "cs 2000 691=n\\Bob\\t\\2",
        "obituary 2000 1>2 MOD_THOMPSON",
        "cs 2500 900=abcde",
        "snapshot 3000");
  }

  @Test
  void commandsGetTypedViews() throws IOException {
    String json = """
        {"gameStates": [{"demoTakerClientNumber": 0, "startTime": 0, "endTime": 10}],
         "rawCommands": [
           {"serverTime": 1, "rawCommand": "chat \\"^7Ann^7: ^2^2good game\\" 1 0"},
           {"serverTime": 2, "rawCommand": "tchat \\"^5[nol]need a medic\\" 2 0 1 2 3"},
           {"serverTime": 3, "rawCommand": "vchat 0 2 Cheer 0.767663 -1 \\"\\""},
           {"serverTime": 4, "rawCommand": "xpgain 4 3.000000 \\"headshot kill\\""},
           {"serverTime": 5, "rawCommand": "sc 29"},
           {"serverTime": 6, "rawCommand": "sc \\"\\\\n\\\\n\\" 0"},
           {"serverTime": 7, "rawCommand": "ws 3 0 16 5 20 2 1 1 120 80 0 0 0 0 0 0 50.0 0"},
           {"serverTime": 8, "rawCommand": "entnfo 4 5"}]}
        """;
    List<CommandView> views = replay(json).commands.stream().map(ServerCommand::view).toList();
    assertThat(views.get(0)).isEqualTo(new CommandView.Chat("chat", CommandView.Chat.Kind.PUBLIC, 1,
        "^7Ann^7: ^2^2good game", "good game"));
    assertThat(((CommandView.Chat) views.get(1)).message()).isEqualTo("need a medic");
    assertThat(views.get(2)).isEqualTo(new CommandView.Chat("vchat", CommandView.Chat.Kind.VOICE, 2, "", "Cheer"));
    assertThat(views.get(3)).isEqualTo(new CommandView.XpGain("xpgain", 4, 3.0, "headshot kill"));
    assertThat(views.get(4)).isEqualTo(new CommandView.ScoreTableLine("sc", 29, "", false));
    assertThat(((CommandView.ScoreTableLine) views.get(5)).last()).isTrue();
    CommandView.WeaponStats ws = (CommandView.WeaponStats) views.get(6);
    assertThat(ws.client()).isEqualTo(3);
    assertThat(ws.weapons()).containsExactly(new CommandView.WeaponStats.WeaponStat(4, 5, 20, 2, 1, 1));
    assertThat(ws.totals().damageGiven()).isEqualTo(120);
    assertThat(ws.totals().timePlayedPercent()).isEqualTo(50.0);
    assertThat(views.get(7)).isInstanceOf(CommandView.Other.class);
  }

  @Test
  void notJsonIsATypedErrorWithItsOffset() {
    assertThatThrownBy(() -> replay("{\"gameStates\": [ {\"startTime\": 12,,}]}"))
        .isInstanceOf(UdtFormatException.class).isInstanceOf(DemoException.class)
        .hasMessageContaining("invalid UDT_json");
  }

  @Test
  void aTopLevelArrayIsRejected() {
    assertThatThrownBy(() -> replay("[1, 2]")).isInstanceOf(UdtFormatException.class)
        .hasMessage("top level is not a JSON object (at $, offset 1)");
  }

  @Test
  void aWrongTypeNamesTheField() {
    assertThatThrownBy(() -> replay("{\"obituaries\": [{\"serverTime\": \"soon\", \"targetClientNumber\": 1}]}"))
        .isInstanceOf(UdtFormatException.class)
        .hasMessageStartingWith("expected an integer, found VALUE_STRING (at obituaries[0].serverTime")
        .extracting(e -> ((UdtFormatException) e).path()).isEqualTo("obituaries[0].serverTime");
  }

  @Test
  void anObituaryWithoutAValidTargetIsRejected() {
    assertThatThrownBy(() -> replay("{\"obituaries\": [{\"serverTime\": 5, \"targetClientNumber\": 99}]}"))
        .isInstanceOf(UdtFormatException.class)
        .hasMessageStartingWith("targetClientNumber missing or outside 0..63: 99 (at obituaries[0]");
  }

  @Test
  void tooManyEventsBreachesTheNamedLimit() {
    String json = "{\"rawCommands\": [{\"serverTime\": 1, \"rawCommand\": \"a\"}, {\"serverTime\": 2, \"rawCommand\": \"b\"},"
        + " {\"serverTime\": 3, \"rawCommand\": \"c\"}]}";
    UdtJsonReader reader = UdtJsonReader.create(UdtLimits.builder().maxEvents(2).build());

    assertThatThrownBy(() -> reader.replay(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "t",
        DemoListener.NONE))
        .isInstanceOf(UdtFormatException.class)
        .hasMessageStartingWith("event count exceeds maxEvents 2 (UdtLimits.maxEvents) (at rawCommands[2]");
  }

  @Test
  void anOverlongStringBreachesTheStringLimit() {
    String json = "{\"rawCommands\": [{\"serverTime\": 1, \"rawCommand\": \"" + "x".repeat(200) + "\"}]}";
    UdtJsonReader reader = UdtJsonReader.create(UdtLimits.builder().maxStringLength(100).build());

    assertThatThrownBy(() -> reader.replay(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "t",
        DemoListener.NONE))
        .isInstanceOf(UdtFormatException.class).hasMessageContaining("String value length");
  }

  @Test
  void emptyObjectIsNotUdtJson() {
    assertThatThrownBy(() -> replay("{}")).isInstanceOf(UdtFormatException.class)
        .hasMessageContaining("not UDT_json output");
  }

  @Test
  void limitsRejectBadSettings() {
    assertThatThrownBy(() -> UdtLimits.builder().maxEvents(0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxEvents < 1: 0");
  }

  @Test
  void causeOfDeathNamesMapToMeansOfDeath() {
    assertThat(UdtCauseOfDeath.lookup("MP40")).contains(MeansOfDeath.MOD_MP40);
    assertThat(UdtCauseOfDeath.lookup("thompson")).contains(MeansOfDeath.MOD_THOMPSON);
    assertThat(UdtCauseOfDeath.lookup(".45ACP 1911")).contains(MeansOfDeath.MOD_COLT);
    assertThat(UdtCauseOfDeath.lookup("K43 Scope")).contains(MeansOfDeath.MOD_K43_SCOPE);
    assertThat(UdtCauseOfDeath.lookup("MOD_GPG40")).contains(MeansOfDeath.MOD_GPG40);
    assertThat(UdtCauseOfDeath.lookup("mp43")).isEmpty();
  }

  @Test
  void unknownCausesAreReportedAsWarnings() throws IOException {
    String json = "{\"obituaries\": [{\"serverTime\": 5, \"attackerClientNumber\": 1, \"targetClientNumber\": 2,"
        + " \"causeOfDeath\": \"laser pointer\"}]}";
    Recorder r = new Recorder();
    UdtJsonReader.Replay replay = UdtJsonReader.create()
        .replay(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "t", r);

    assertThat(replay.warnings()).containsExactlyInAnyOrder(
        "obituaries[0]: unknown causeOfDeath 'laser pointer' mapped to MOD_UNKNOWN",
        "gamestate 1: no demoTakerClientNumber; recorder unknown (-1)");
    assertThat(r.events).contains("obituary 5 1>2 MOD_UNKNOWN");
  }
}
