package dev.fragkit.greatshot.demo;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The "collect everything" listener: keeps every event (except snapshots) in stream order.
 *
 * <pre>{@code
 * CollectingListener all = new CollectingListener();
 * DemoReader.defaults().read(path, all);
 * all.obituaries().forEach(System.out::println);
 * }</pre>
 *
 * <p>Not thread-safe: use it for one read, then read its lists.
 */
public final class CollectingListener implements DemoListener {
  private @Nullable DemoStart start;
  private @Nullable DemoEnd end;
  private final List<Gamestate> gamestates = new ArrayList<>();
  private final List<ConfigStringChange> configStrings = new ArrayList<>();
  private final List<ServerCommand> commands = new ArrayList<>();
  private final List<Obituary> obituaries = new ArrayList<>();
  private final List<PlayerInfo> players = new ArrayList<>();
  private final List<MatchState> matchStates = new ArrayList<>();

  @Override
  public void onDemoStart(DemoStart event) {
    start = event;
  }

  @Override
  public void onGamestate(Gamestate event) {
    gamestates.add(event);
  }

  @Override
  public void onConfigString(ConfigStringChange event) {
    configStrings.add(event);
  }

  @Override
  public void onServerCommand(ServerCommand event) {
    commands.add(event);
  }

  @Override
  public void onObituary(Obituary event) {
    obituaries.add(event);
  }

  @Override
  public void onPlayerInfo(PlayerInfo event) {
    players.add(event);
  }

  @Override
  public void onMatchState(MatchState event) {
    matchStates.add(event);
  }

  @Override
  public void onDemoEnd(DemoEnd event) {
    end = event;
  }

  public Optional<DemoStart> start() {
    return Optional.ofNullable(start);
  }

  public Optional<DemoEnd> end() {
    return Optional.ofNullable(end);
  }

  public List<Gamestate> gamestates() {
    return Collections.unmodifiableList(gamestates);
  }

  public List<ConfigStringChange> configStringChanges() {
    return Collections.unmodifiableList(configStrings);
  }

  public List<ServerCommand> serverCommands() {
    return Collections.unmodifiableList(commands);
  }

  public List<Obituary> obituaries() {
    return Collections.unmodifiableList(obituaries);
  }

  public List<PlayerInfo> playerInfos() {
    return Collections.unmodifiableList(players);
  }

  public List<MatchState> matchStates() {
    return Collections.unmodifiableList(matchStates);
  }
}
