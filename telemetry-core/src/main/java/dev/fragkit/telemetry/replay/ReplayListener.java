package dev.fragkit.telemetry.replay;

import dev.fragkit.telemetry.tick.GameTick;

/**
 * Receives replayed and live ticks. Callbacks are never invoked while the engine holds a lock; they
 * must be fast and must not call back into the engine's blocking methods ({@code stop}). File-mode
 * callbacks come from the engine's scheduler thread, or from the caller of {@link
 * ReplayEngine#step()}; live-mode callbacks come from the thread calling {@link ReplayEngine#push}.
 *
 * <p>An exception thrown by a callback propagates to the thread that invoked it (the scheduler
 * thread logs it); playback continues.
 */
public interface ReplayListener {
  /** Does nothing. */
  ReplayListener NONE = new ReplayListener() {};

  /** One tick was emitted. */
  default void onTick(GameTick tick, ReplayEngine.Mode mode) {}

  /** File-mode playback reached the end of the recording. */
  default void onEnd() {}

  /** File-mode playback stopped because the source failed. */
  default void onError(RuntimeException error) {}
}
