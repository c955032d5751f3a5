package dev.fragkit.greatshot.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Encoder → reader round trip over a demo with known content, for protocol 84 and ETTV 284. */
class SyntheticDemoTest {
  /** Records what each snapshot held (the view is only valid during the callback). */
  private static final class Recorder implements DemoListener {
    final CollectingListener all = new CollectingListener();
    final List<String> snapshots = new ArrayList<>();

    @Override
    public boolean wantsSnapshots() {
      return true;
    }

    @Override
    public void onSnapshot(Snapshot s) {
      StringBuilder b = new StringBuilder().append(s.serverTime()).append('#').append(s.messageNum()).append(':');
      for (int i = 0; i < s.entityCount(); i++) {
        b.append(' ').append(s.entityNumber(i)).append('/').append(s.entityField(i, 0));
      }
      b.append(" ps.commandTime=").append(s.playerStateField(0));
      if (s.hasClientPlayerState(1)) {
        b.append(" client1.commandTime=").append(s.clientPlayerStateField(1, 0));
      }
      snapshots.add(b.toString());
    }

    @Override
    public void onGamestate(Gamestate e) {
      all.onGamestate(e);
    }

    @Override
    public void onConfigString(ConfigStringChange e) {
      all.onConfigString(e);
    }

    @Override
    public void onServerCommand(ServerCommand e) {
      all.onServerCommand(e);
    }

    @Override
    public void onObituary(Obituary e) {
      all.onObituary(e);
    }

    @Override
    public void onPlayerInfo(PlayerInfo e) {
      all.onPlayerInfo(e);
    }

    @Override
    public void onMatchState(MatchState e) {
      all.onMatchState(e);
    }

    @Override
    public void onDemoEnd(DemoEnd e) {
      all.onDemoEnd(e);
    }
  }

  @ParameterizedTest(name = "ettv={0}")
  @ValueSource(booleans = {false, true})
  void everyWrittenEventComesBackInOrder(boolean ettv) {
    Recorder r = new Recorder();
    DemoSummary summary = DemoReader.defaults().read(ByteBuffer.wrap(SyntheticDemo.build(ettv)),
        ettv ? "synthetic.tv_84" : "synthetic.dm_84", r);

    assertThat(summary.protocol()).isEqualTo(ettv ? 284 : 84);
    assertThat(summary.endReason()).isEqualTo(DemoEnd.Reason.EOF);
    assertThat(summary.records()).isEqualTo(4);
    assertThat(summary.snapshots()).isEqualTo(3);

    String client1 = ettv ? " client1.commandTime=999" : "";
    assertThat(r.snapshots).containsExactly(
        "1000#11: 5/1 100/2 200/130 ps.commandTime=1000" + client1,
        "1050#12: 100/2 200/130 ps.commandTime=1050" + (ettv ? " client1.commandTime=1049" : ""),
        "1100#13: 100/2 200/130 ps.commandTime=1100");

    // slot 200 stays in snapshot 2 unchanged (same event, not fired again), then changes victim
    assertThat(r.all.obituaries()).containsExactly(
        new Obituary(1000, 1, 0, MeansOfDeath.MOD_MP40, 3, true),
        new Obituary(1100, 0, null, MeansOfDeath.MOD_SUICIDE, 0, false));

    assertThat(r.all.serverCommands()).extracting(ServerCommand::sequence).containsExactly(1, 2, 3, 4, 5);
    assertThat(r.all.serverCommands()).extracting(ServerCommand::serverTime).containsExactly(null, 1000, 1050, 1050,
        1050);
    assertThat(r.all.serverCommands().get(0).view()).isEqualTo(new CommandView.Print("print", "hello"));

    assertThat(r.all.configStringChanges()).containsExactly(
        new ConfigStringChange(1000, 690, "n\\Bob^3\\t\\3\\c\\4"),
        new ConfigStringChange(1050, 5, SyntheticDemo.BIG));

    Gamestate gs = r.all.gamestates().get(0);
    assertThat(gs.checksumFeed()).isEqualTo(1234);
    assertThat(gs.configStrings()).containsOnlyKeys(0, 21, 689, 690);

    List<PlayerInfo> players = r.all.playerInfos();
    assertThat(players).hasSize(3);
    assertThat(players.get(0)).satisfies(p -> {
      assertThat(p.client()).isZero();
      assertThat(p.name()).isEqualTo("^1Alice^7");
      assertThat(p.cleanName()).isEqualTo("Alice");
      assertThat(p.team()).isEqualTo(Team.AXIS);
      assertThat(p.playerClass()).isEqualTo(PlayerClass.ENGINEER);
      assertThat(p.serverTime()).isNull();
    });
    assertThat(players.get(2)).satisfies(p -> {
      assertThat(p.client()).isEqualTo(1);
      assertThat(p.cleanName()).isEqualTo("Bob");
      assertThat(p.team()).isEqualTo(Team.SPECTATOR);
      assertThat(p.playerClass()).isEqualTo(PlayerClass.COVERTOPS);
      assertThat(p.serverTime()).isEqualTo(1000);
    });
    assertThat(r.all.matchStates()).containsExactly(new MatchState(null, GamePhase.PLAYING, 0, null, null));
  }
}
