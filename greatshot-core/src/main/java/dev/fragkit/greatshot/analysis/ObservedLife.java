package dev.fragkit.greatshot.analysis;

import dev.fragkit.greatshot.demo.Snapshot;
import dev.fragkit.greatshot.demo.Team;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * An {@link AliveTracker} from what the snapshots show, never guessed. A client's state in a
 * snapshot is known only when the snapshot carries it: an ETTV per-client playerState (§10), the
 * recorder's own playerState (or the followed player's), or the client's {@code ET_PLAYER} entity
 * (entity number = client number; entities outside the recorder's view are not sent, §7.1). Dead
 * means {@code eFlags & EF_DEAD (0x1)}, {@code pm_type == PM_DEAD} or the {@code PMF_LIMBO} flag
 * (§9.2 notes). A team's state at a snapshot is known only when every member's state is known
 * (members from {@code CS_PLAYERS} {@code t}); otherwise the answer is empty.
 *
 * <p>Immutable once built; the recorder side is confined to the reading thread.
 */
final class ObservedLife implements AliveTracker {
  private static final int ET_PLAYER = 1;
  private static final int EF_DEAD = 0x1;
  private static final int PM_SPECTATOR = 2;
  private static final int PM_DEAD = 3;
  private static final int PM_INTERMISSION = 5;
  private static final int PMF_LIMBO = 16384;
  private static final int PS_PM_TYPE = 1;
  private static final int PS_PM_FLAGS = 3;
  private static final int PS_EFLAGS = 26;
  private static final int ES_ETYPE = 0;
  private static final int ES_EFLAGS = 1;
  private static final byte UNKNOWN_STATE = 0;
  private static final byte ALIVE = 1;
  private static final byte DEAD = 2;

  private record Entry(int time, @Nullable TeamLife life) {}

  private final Map<Team, List<Entry>> entries;

  private ObservedLife(Map<Team, List<Entry>> entries) {
    this.entries = entries;
  }

  @Override
  public Optional<TeamLife> team(Team team, int timeMs) {
    List<Entry> list = entries.get(team);
    if (list == null || list.isEmpty() || list.get(0).time() > timeMs) {
      return Optional.empty();
    }
    int lo = 0;
    int hi = list.size() - 1;
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (list.get(mid).time() <= timeMs) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return Optional.ofNullable(list.get(lo).life());
  }

  /** Number of snapshots (per team) whose state was fully known; for diagnostics. */
  int knownStates(Team team) {
    int n = 0;
    for (Entry e : entries.getOrDefault(team, List.of())) {
      if (e.life() != null) {
        n++;
      }
    }
    return n;
  }

  /** Collects states snapshot by snapshot. Not thread-safe. */
  static final class Recorder {
    private final Map<Team, List<Entry>> entries = new EnumMap<>(Team.class);
    private final byte[] state = new byte[64];
    private boolean anyKnown;

    Recorder() {
      entries.put(Team.AXIS, new ArrayList<>());
      entries.put(Team.ALLIES, new ArrayList<>());
    }

    /** Records one snapshot; {@code teamOf[c]} is client c's current team, null when not connected. */
    void snapshot(Snapshot s, @Nullable Team[] teamOf) {
      java.util.Arrays.fill(state, UNKNOWN_STATE);
      for (int c = 0; c < 64; c++) {
        if (s.hasClientPlayerState(c)) {
          state[c] = fromPlayerState(s.clientPlayerStateField(c, PS_PM_TYPE), s.clientPlayerStateField(c, PS_PM_FLAGS),
              s.clientPlayerStateField(c, PS_EFLAGS));
        }
      }
      int pc = s.clientNum();
      if (pc >= 0 && pc < 64 && state[pc] == UNKNOWN_STATE) {
        state[pc] = fromPlayerState(s.playerStateField(PS_PM_TYPE), s.playerStateField(PS_PM_FLAGS),
            s.playerStateField(PS_EFLAGS));
      }
      for (int i = 0; i < s.entityCount(); i++) {
        int num = s.entityNumber(i);
        if (num < 64 && state[num] == UNKNOWN_STATE && s.entityField(i, ES_ETYPE) == ET_PLAYER) {
          state[num] = (s.entityField(i, ES_EFLAGS) & EF_DEAD) != 0 ? DEAD : ALIVE;
        }
      }
      for (Team team : entries.keySet()) {
        TeamLife life = teamLife(team, teamOf, s.serverTime());
        List<Entry> list = entries.get(team);
        Entry prev = list.isEmpty() ? null : list.get(list.size() - 1);
        if (prev != null && prev.life() == null && life == null) {
          continue;
        }
        if (prev != null && prev.life() != null && life != null && prev.life().members().equals(life.members())
            && prev.life().alive().equals(life.alive())) {
          continue;
        }
        list.add(new Entry(s.serverTime(), life));
        anyKnown |= life != null;
      }
    }

    private @Nullable TeamLife teamLife(Team team, @Nullable Team[] teamOf, int time) {
      Set<Integer> members = new HashSet<>();
      Set<Integer> alive = new HashSet<>();
      for (int c = 0; c < 64; c++) {
        if (teamOf[c] != team) {
          continue;
        }
        if (state[c] == UNKNOWN_STATE) {
          return null;
        }
        members.add(c);
        if (state[c] == ALIVE) {
          alive.add(c);
        }
      }
      return members.isEmpty() ? null : new TeamLife(members, alive, time);
    }

    private static byte fromPlayerState(int pmType, int pmFlags, int eFlags) {
      if (pmType == PM_SPECTATOR || pmType == PM_INTERMISSION) {
        return UNKNOWN_STATE;
      }
      return pmType == PM_DEAD || (eFlags & EF_DEAD) != 0 || (pmFlags & PMF_LIMBO) != 0 ? DEAD : ALIVE;
    }

    /** The tracker, or {@link AliveTracker#UNKNOWN} when no snapshot ever showed a whole team. */
    AliveTracker build() {
      if (!anyKnown) {
        return AliveTracker.UNKNOWN;
      }
      Map<Team, List<Entry>> copy = new EnumMap<>(Team.class);
      entries.forEach((t, l) -> copy.put(t, List.copyOf(l)));
      return new ObservedLife(copy);
    }
  }
}
