package dev.fragkit.greatshot.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fragkit.greatshot.demo.Snapshot;
import dev.fragkit.greatshot.demo.Team;
import dev.fragkit.testsupport.SharedData;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Alive/dead state read from snapshots: known only when every member of a team is visible. */
class ObservedLifeTest {
  /** A client-demo snapshot: recorder playerState + player entities {client → eFlags}. */
  private record ClientSnap(int serverTime, int recorder, int recorderPmType, Map<Integer, Integer> players)
      implements Snapshot {
    public int messageNum() {
      return 0;
    }

    public int clientNum() {
      return recorder;
    }

    public int playerStateField(int field) {
      return field == 1 ? recorderPmType : 0;
    }

    public int entityCount() {
      return players.size();
    }

    private int client(int i) {
      return players.keySet().stream().sorted().toList().get(i);
    }

    public int entityNumber(int i) {
      return client(i);
    }

    public int entityField(int i, int field) {
      return field == 0 ? 1 /* ET_PLAYER */ : field == 1 ? players.get(client(i)) : 0;
    }
  }

  /** An ETTV snapshot: per-client playerStates {client → pm_type}. */
  private record TvSnap(int serverTime, Map<Integer, Integer> pmTypes) implements Snapshot {
    public int messageNum() {
      return 0;
    }

    public int clientNum() {
      return 63;
    }

    public int playerStateField(int field) {
      return field == 1 ? 2 : 0; // the TV slave is a spectator
    }

    public boolean hasClientPlayerState(int client) {
      return pmTypes.containsKey(client);
    }

    public int clientPlayerStateField(int client, int field) {
      return field == 1 ? pmTypes.getOrDefault(client, 0) : 0;
    }
  }

  private static Team[] teams() {
    Team[] t = new Team[64];
    t[1] = Team.AXIS;
    t[2] = Team.AXIS;
    t[3] = Team.ALLIES;
    return t;
  }

  @Test
  void entitiesAndTheRecordersPlayerStateGiveTheState() {
    ObservedLife.Recorder r = new ObservedLife.Recorder();
    r.snapshot(new ClientSnap(1000, 1, 0, Map.of(2, 0, 3, 0)), teams());
    r.snapshot(new ClientSnap(1050, 1, 0, Map.of(2, 0x1 /* EF_DEAD */, 3, 0)), teams());
    r.snapshot(new ClientSnap(1100, 1, 3 /* PM_DEAD */, Map.of(2, 0x1, 3, 0)), teams());
    AliveTracker t = r.build();

    assertThat(t.team(Team.AXIS, 1000)).get().extracting(TeamLife::alive).isEqualTo(Set.of(1, 2));
    assertThat(t.team(Team.AXIS, 1075)).get().extracting(TeamLife::alive, TeamLife::aliveSinceMs)
        .containsExactly(Set.of(1), 1050);
    assertThat(t.team(Team.AXIS, 1100)).get().extracting(TeamLife::alive).isEqualTo(Set.of());
    assertThat(t.team(Team.ALLIES, 1100)).get().extracting(TeamLife::alive).isEqualTo(Set.of(3));
    assertThat(t.team(Team.AXIS, 999)).isEmpty();
  }

  @Test
  void aTeamWithAMemberOutOfViewIsUnknown() {
    ObservedLife.Recorder r = new ObservedLife.Recorder();
    r.snapshot(new ClientSnap(1000, 3, 0, Map.of(2, 0)), teams()); // axis 1 not visible
    r.snapshot(new ClientSnap(1050, 3, 0, Map.of(1, 0, 2, 0)), teams());
    r.snapshot(new ClientSnap(1100, 3, 0, Map.of(1, 0)), teams()); // axis 2 out of view again
    AliveTracker t = r.build();

    assertThat(t.team(Team.AXIS, 1000)).isEmpty();
    assertThat(t.team(Team.AXIS, 1050)).isPresent();
    assertThat(t.team(Team.AXIS, 1100)).isEmpty();
    assertThat(t.team(Team.ALLIES, 1000)).get().extracting(TeamLife::alive).isEqualTo(Set.of(3));
  }

  @Test
  void ettvPlayerStatesGiveEveryone() {
    ObservedLife.Recorder r = new ObservedLife.Recorder();
    r.snapshot(new TvSnap(500, Map.of(1, 0, 2, 3, 3, 0)), teams());

    assertThat(r.build().team(Team.AXIS, 500)).get().extracting(TeamLife::members, TeamLife::alive)
        .containsExactly(Set.of(1, 2), Set.of(1));
  }

  @Test
  void nothingEverKnownGivesUnknown() {
    ObservedLife.Recorder r = new ObservedLife.Recorder();
    r.snapshot(new ClientSnap(1000, 0, 2, Map.of()), teams());

    assertThat(r.build()).isSameAs(AliveTracker.UNKNOWN);
  }

  @Test
  void theSampleDemoShowsWhatItCan() {
    var result = dev.fragkit.greatshot.report.DemoAnalyzer.defaults()
        .analyze(SharedData.file("demos/et/scores_test.dm_84"));
    AliveTracker alive = result.analysis().alive();
    // A spectator's client demo: players outside the view are not sent, so whole-team states are rare.
    // Whatever is answered must be consistent with the roster: members are exactly that team's slots.
    for (int t = result.analysis().demo().startMs(); t <= result.analysis().demo().endMs(); t += 25) {
      alive.team(Team.AXIS, t).ifPresent(l -> assertThat(l.members()).isEqualTo(Set.of(1, 3, 5, 7, 9, 11)));
      alive.team(Team.ALLIES, t).ifPresent(l -> assertThat(l.members()).isEqualTo(Set.of(2, 4, 6, 8, 10, 12)));
    }
    // The allies spawn in view: their deaths at 55250 (Bortack, 10) and 55600 (SpecialEd, 6) show up, as the
    // obituaries say, while the axis are never all in view.
    assertThat(alive.team(Team.ALLIES, 55_000)).get().extracting(TeamLife::alive).isEqualTo(Set.of(2, 4, 6, 8, 10, 12));
    assertThat(alive.team(Team.ALLIES, 55_300)).get().extracting(TeamLife::alive).isEqualTo(Set.of(2, 4, 6, 8, 12));
    assertThat(alive.team(Team.ALLIES, 55_700)).get().extracting(TeamLife::alive).isEqualTo(Set.of(2, 4, 8, 12));
    assertThat(alive.team(Team.AXIS, 55_700)).isEmpty();
  }
}
