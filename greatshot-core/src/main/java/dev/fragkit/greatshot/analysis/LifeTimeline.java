package dev.fragkit.greatshot.analysis;

import dev.fragkit.greatshot.demo.Team;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An {@link AliveTracker} from explicit life transitions: a player spawns on a team (spawn, respawn or
 * revive), dies, or leaves. A source that can observe these soundly (see {@link AliveTracker}) feeds
 * them through {@link #builder()}. Before a team's first transition its state is unknown.
 *
 * <p>Immutable and thread-safe.
 */
public final class LifeTimeline implements AliveTracker {
  private final Map<Team, List<State>> states;

  private record State(int time, TeamLife life) {}

  private LifeTimeline(Map<Team, List<State>> states) {
    this.states = states;
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public Optional<TeamLife> team(Team team, int timeMs) {
    List<State> list = states.get(team);
    if (list == null || list.isEmpty() || list.get(0).time() > timeMs) {
      return Optional.empty();
    }
    int lo = 0;
    int hi = list.size() - 1;
    while (lo < hi) { // last state with time <= timeMs
      int mid = (lo + hi + 1) >>> 1;
      if (list.get(mid).time() <= timeMs) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return Optional.of(list.get(lo).life());
  }

  /** Collects transitions in any order; {@link #build()} sorts them stably by time. Not thread-safe. */
  public static final class Builder {
    private enum Kind { SPAWN, DEATH, LEAVE }

    private record Transition(int time, int client, Kind kind, Team team, int seq) {}

    private final List<Transition> transitions = new ArrayList<>();

    private Builder() {}

    /** {@code client} is alive on {@code team} from {@code timeMs} (spawn, respawn, revive or team change). */
    public Builder spawn(int timeMs, int client, Team team) {
      transitions.add(new Transition(timeMs, client, Kind.SPAWN, team, transitions.size()));
      return this;
    }

    /** {@code client} is dead from {@code timeMs} (stays on its team). */
    public Builder death(int timeMs, int client) {
      transitions.add(new Transition(timeMs, client, Kind.DEATH, Team.FREE, transitions.size()));
      return this;
    }

    /** {@code client} left its team (disconnect, spectate) at {@code timeMs}. */
    public Builder leave(int timeMs, int client) {
      transitions.add(new Transition(timeMs, client, Kind.LEAVE, Team.FREE, transitions.size()));
      return this;
    }

    public LifeTimeline build() {
      List<Transition> sorted = new ArrayList<>(transitions);
      sorted.sort(Comparator.comparingInt(Transition::time).thenComparingInt(Transition::seq));
      Map<Integer, Team> teamOf = new HashMap<>();
      Map<Team, Set<Integer>> members = new EnumMap<>(Team.class);
      Map<Team, Set<Integer>> alive = new EnumMap<>(Team.class);
      Map<Team, List<State>> states = new EnumMap<>(Team.class);
      for (Team t : Team.values()) {
        members.put(t, new HashSet<>());
        alive.put(t, new HashSet<>());
        states.put(t, new ArrayList<>());
      }
      int i = 0;
      while (i < sorted.size()) {
        int time = sorted.get(i).time();
        Set<Team> touched = new HashSet<>();
        for (; i < sorted.size() && sorted.get(i).time() == time; i++) {
          Transition tr = sorted.get(i);
          Team old = teamOf.get(tr.client());
          switch (tr.kind()) {
            case SPAWN -> {
              if (old != null && old != tr.team()) {
                members.get(old).remove(tr.client());
                alive.get(old).remove(tr.client());
                touched.add(old);
              }
              teamOf.put(tr.client(), tr.team());
              members.get(tr.team()).add(tr.client());
              alive.get(tr.team()).add(tr.client());
              touched.add(tr.team());
            }
            case DEATH -> {
              if (old != null) {
                alive.get(old).remove(tr.client());
                touched.add(old);
              }
            }
            case LEAVE -> {
              if (old != null) {
                members.get(old).remove(tr.client());
                alive.get(old).remove(tr.client());
                teamOf.remove(tr.client());
                touched.add(old);
              }
            }
          }
        }
        for (Team t : touched) {
          List<State> list = states.get(t);
          TeamLife life = new TeamLife(members.get(t), alive.get(t), time);
          TeamLife prev = list.isEmpty() ? null : list.get(list.size() - 1).life();
          if (prev != null && prev.members().equals(life.members()) && prev.alive().equals(life.alive())) {
            continue; // nothing changed: keep the earlier aliveSinceMs
          }
          list.add(new State(time, life));
        }
      }
      return new LifeTimeline(states);
    }
  }
}
