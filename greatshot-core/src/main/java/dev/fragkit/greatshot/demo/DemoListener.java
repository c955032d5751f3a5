package dev.fragkit.greatshot.demo;

/**
 * Receives a demo's events in stream order. Every callback has a no-op default, so adding a
 * callback never breaks an implementation; override what you need.
 *
 * <p>Callbacks run on the thread that reads the demo, never while the reader holds a lock. A
 * listener's exception aborts the read and propagates unchanged.
 *
 * <p>Snapshots are only materialised when {@link #wantsSnapshots()} returns true.
 */
public interface DemoListener {
  /** A listener that ignores everything. */
  DemoListener NONE = new DemoListener() {};

  /** The read begins. */
  default void onDemoStart(DemoStart event) {}

  /** A gamestate was loaded (the first record, and again after a map restart). */
  default void onGamestate(Gamestate event) {}

  /** A configstring changed after the gamestate ({@code cs} or a completed {@code bcs0/1/2}). */
  default void onConfigString(ConfigStringChange event) {}

  /** Whether {@link #onSnapshot} should be called; when false, snapshots are never copied out. */
  default boolean wantsSnapshots() {
    return false;
  }

  /** A snapshot was decoded (only when {@link #wantsSnapshots()} is true). */
  default void onSnapshot(Snapshot event) {}

  /** A new (not retransmitted) server command, in sequence order. */
  default void onServerCommand(ServerCommand event) {}

  /** A player died (from an {@code EV_OBITUARY} event entity, format doc §11). */
  default void onObituary(Obituary event) {}

  /** A player's configstring ({@code CS_PLAYERS + client}) appeared, changed or was cleared. */
  default void onPlayerInfo(PlayerInfo event) {}

  /** The match state (CS_WOLFINFO / CS_MULTI_MAPWINNER / CS_LEVEL_START_TIME) changed. */
  default void onMatchState(MatchState event) {}

  /**
   * Progress of the read, called about every 64 KiB and once at the end.
   *
   * @param bytesRead input bytes consumed so far
   * @param totalBytes the input's size, or −1 when unknown (a stream)
   */
  default void onProgress(long bytesRead, long totalBytes) {}

  /** The read ended: at the end marker, at a truncated tail, or because of an error. */
  default void onDemoEnd(DemoEnd event) {}
}
