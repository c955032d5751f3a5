package dev.fragkit.telemetry.replay;

import dev.fragkit.telemetry.record.FramePosition;
import dev.fragkit.telemetry.tick.GameTick;
import dev.fragkit.telemetry.time.MonotonicClock;
import dev.fragkit.telemetry.time.Scheduler;
import dev.fragkit.telemetry.time.ThreadScheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;
import org.jspecify.annotations.Nullable;

/**
 * Replays ticks in one of two modes.
 *
 * <p><b>File mode</b> ({@link #openFile}) streams a {@link TickSource} (e.g. a recording) and emits
 * ticks paced by their recorded timestamps divided by the speed (0.1..10×; a recorded gap longer
 * than {@link ReplayConfig#maxGap()} is shortened to it). It supports {@link #play()}, {@link
 * #pause()}, {@link #resume()}, {@link #seekToSequence}, {@link #seekToTime}, {@link #step()} and
 * {@link #setSpeed}. Pausing keeps the remaining wait of the pending tick; changing speed rescales it.
 *
 * <p><b>Seeking</b> finds the first tick in stream order whose sequence (or timestamp) is ≥ the
 * target — the same tick a linear scan from the start finds. For sources that {@linkplain
 * TickSource#supportsPositions() support positions} (recordings, in-memory lists) the engine keeps a
 * sparse {@link SeekIndex} built while it streams: every {@link ReplayConfig#seekIndexInterval()}
 * ticks the source position and running maxima of sequence and timestamp. A seek into the indexed
 * part reopens the source at the right block and reads at most {@code seekIndexInterval} ticks,
 * backwards or forwards; a seek beyond it streams on from the index frontier (extending the index).
 * {@link #buildSeekIndex()} indexes the whole source in one pass so that every later seek is
 * bounded. Index memory is O(ticks / interval). Other sources are re-read from the start for a
 * backward seek.
 *
 * <p><b>Live mode</b> ({@link #startLive()}) keeps pushed ticks in a bounded {@link TickRingBuffer}
 * (oldest evicted) and forwards each to the listener. Switching modes discards the other mode's
 * state.
 *
 * <p>Thread-safe. Listeners are never called under the engine's lock. The engine uses at most one
 * thread of its own (the scheduler's, when none is injected); {@link #stop()} joins it within
 * {@link ReplayConfig#stopTimeout()}.
 */
public final class ReplayEngine implements AutoCloseable {

  /** What the engine is doing. */
  public enum Mode {
    IDLE,
    FILE,
    LIVE
  }

  private final ReplayConfig config;
  private final ReplayListener listener;
  private final Scheduler scheduler;
  private final MonotonicClock clock;
  private final @Nullable ThreadScheduler ownedScheduler;

  private final ReentrantLock lock = new ReentrantLock();
  // All below @GuardedBy("lock")
  private Mode mode = Mode.IDLE;
  private boolean closed;
  private double speed;
  private @Nullable TickSource source;
  private TickSource.@Nullable TickCursor cursor;
  private @Nullable GameTick lookahead;
  private @Nullable GameTick lastEmitted;
  private long emitted;
  private boolean playing;
  private long generation;
  private Scheduler.@Nullable Cancellable pending;
  private long pendingDueNanos;
  private long pausedRemainingNanos = -1;
  private @Nullable TickRingBuffer ring;
  private @Nullable SeekIndex index;
  private long nextOrdinal;
  private long framesRead;

  private ReplayEngine(Builder b) {
    this.config = b.config;
    this.listener = b.listener;
    this.speed = config.initialSpeed();
    if (b.scheduler == null) {
      ownedScheduler = ThreadScheduler.create("replay", config.stopTimeout());
      this.scheduler = ownedScheduler;
    } else {
      ownedScheduler = null;
      this.scheduler = b.scheduler;
    }
    this.clock = b.clock;
  }

  public static Builder builder() {
    return new Builder();
  }

  public ReplayConfig config() {
    return config;
  }

  public Mode mode() {
    lock.lock();
    try {
      return mode;
    } finally {
      lock.unlock();
    }
  }

  public double speed() {
    lock.lock();
    try {
      return speed;
    } finally {
      lock.unlock();
    }
  }

  public boolean isPlaying() {
    lock.lock();
    try {
      return playing;
    } finally {
      lock.unlock();
    }
  }

  /** Ticks emitted in file mode since the last open or seek. */
  public long emittedCount() {
    lock.lock();
    try {
      return emitted;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Ticks read from the file-mode source since {@link #openFile} (playback, steps, seeks and index
   * building): the cost measure of seeking.
   */
  public long framesRead() {
    lock.lock();
    try {
      return framesRead;
    } finally {
      lock.unlock();
    }
  }

  /** The tick that will be emitted next in file mode, if any. */
  public Optional<GameTick> peekNext() {
    lock.lock();
    try {
      return Optional.ofNullable(lookahead);
    } finally {
      lock.unlock();
    }
  }

  // ---------------------------------------------------------------- file mode

  /** Switches to file mode over {@code source}, paused before its first tick. */
  public void openFile(TickSource source) {
    Objects.requireNonNull(source, "source");
    lock.lock();
    try {
      checkOpen();
      resetLocked();
      mode = Mode.FILE;
      this.source = source;
      index = source.supportsPositions() ? new SeekIndex(config.seekIndexInterval()) : null;
      framesRead = 0;
      reopenLocked(null, 0);
    } finally {
      lock.unlock();
    }
  }

  /** Starts (or restarts after the end or a pause) paced playback. */
  public void play() {
    lock.lock();
    try {
      requireMode(Mode.FILE);
      if (playing) {
        return;
      }
      playing = true;
      long delay = pausedRemainingNanos >= 0 ? pausedRemainingNanos : 0;
      pausedRemainingNanos = -1;
      scheduleLocked(delay);
    } finally {
      lock.unlock();
    }
  }

  /** Pauses playback, remembering how long the pending tick still had to wait. */
  public void pause() {
    lock.lock();
    try {
      requireMode(Mode.FILE);
      if (!playing) {
        return;
      }
      playing = false;
      pausedRemainingNanos = Math.max(0, pendingDueNanos - clock.nanoTime());
      cancelPendingLocked();
    } finally {
      lock.unlock();
    }
  }

  /** Same as {@link #play()}: continues with the remaining wait of the pending tick. */
  public void resume() {
    play();
  }

  /**
   * Sets the speed; a pending wait is rescaled so the next tick arrives as if the new speed had
   * applied all along from now.
   *
   * @throws IllegalArgumentException outside 0.1..10
   */
  public void setSpeed(double newSpeed) {
    ReplayConfig.checkSpeed(newSpeed);
    lock.lock();
    try {
      checkOpen();
      double old = speed;
      speed = newSpeed;
      if (playing && pending != null) {
        long remaining = Math.max(0, pendingDueNanos - clock.nanoTime());
        cancelPendingLocked();
        scheduleLocked((long) (remaining * old / newSpeed));
      } else if (pausedRemainingNanos > 0) {
        pausedRemainingNanos = (long) (pausedRemainingNanos * old / newSpeed);
      }
    } finally {
      lock.unlock();
    }
  }

  /**
   * Positions playback at the first tick with {@code sequence >= seq}; if playing, it is emitted at
   * once. Streams forward from the current position when possible, otherwise reopens the source.
   *
   * @return the tick that will be emitted next, empty if none is at or after {@code seq}
   */
  public Optional<GameTick> seekToSequence(long seq) {
    return seek(t -> t.sequence() >= seq, l -> l.sequence() <= seq, ix -> ix.firstBlockWithSequence(seq));
  }

  /** Positions playback at the first tick with {@code timestamp >= time} (see {@link #seekToSequence}). */
  public Optional<GameTick> seekToTime(Instant time) {
    Objects.requireNonNull(time, "time");
    return seek(t -> !t.timestamp().isBefore(time), l -> !l.timestamp().isAfter(time),
        ix -> ix.firstBlockWithTime(time));
  }

  private Optional<GameTick> seek(Predicate<GameTick> target, Predicate<GameTick> forwardOk,
      ToIntFunction<SeekIndex> firstBlock) {
    lock.lock();
    try {
      requireMode(Mode.FILE);
      cancelPendingLocked();
      pausedRemainingNanos = -1;
      SeekIndex ix = index;
      if (ix != null) {
        positionForSeekLocked(ix, firstBlock.applyAsInt(ix));
      } else {
        GameTick la = lookahead;
        if (la == null || !forwardOk.test(la)) {
          reopenLocked(null, 0);
        }
      }
      while (lookahead != null && !target.test(lookahead)) {
        lookahead = readLocked();
      }
      lastEmitted = null;
      emitted = 0;
      if (playing) {
        scheduleLocked(0);
      }
      return Optional.ofNullable(lookahead);
    } finally {
      lock.unlock();
    }
  }

  /**
   * Positions the cursor so that a forward scan from the lookahead finds the seek target: at the
   * start of {@code block} (the first block reaching the target), or, when no indexed tick reaches
   * it, at the index frontier's block (or at the end if the index is complete).
   */
  // @GuardedBy("lock")
  private void positionForSeekLocked(SeekIndex ix, int block) {
    long current = lookahead == null ? -1 : nextOrdinal - 1;
    if (block >= 0) {
      if (current != ix.blockStart(block)) {
        reopenLocked(ix.position(block), ix.blockStart(block));
      }
      return;
    }
    if (ix.complete()) {
      lookahead = null; // nothing at or after the target
      return;
    }
    int last = ix.blocks() - 1;
    long from = last < 0 ? 0 : ix.blockStart(last);
    if (current < from) {
      reopenLocked(last < 0 ? null : ix.position(last), from);
    }
  }

  // @GuardedBy("lock")
  private void reopenLocked(@Nullable FramePosition at, long ordinal) {
    TickSource.TickCursor c = cursor;
    cursor = null;
    if (c != null) {
      c.close();
    }
    TickSource src = Objects.requireNonNull(source);
    cursor = at == null ? src.open() : src.openAt(at);
    nextOrdinal = ordinal;
    lookahead = readLocked();
  }

  // @GuardedBy("lock")
  private @Nullable GameTick readLocked() {
    TickSource.TickCursor c = Objects.requireNonNull(cursor);
    GameTick t = c.next();
    SeekIndex ix = index;
    if (t == null) {
      if (ix != null) {
        ix.end(nextOrdinal);
      }
      return null;
    }
    framesRead++;
    long ordinal = nextOrdinal++;
    if (ix != null) {
      FramePosition p = c.position();
      if (p == null) {
        index = null; // the source promised positions but gave none: seek by re-reading instead
      } else {
        ix.observe(ordinal, t, p);
      }
    }
    return t;
  }

  /**
   * Completes the seek index by reading the source from the index frontier to its end, then
   * restores the current position (reading at most one index interval again). Afterwards every
   * seek reads at most {@link ReplayConfig#seekIndexInterval()} ticks. Holds the engine's lock for
   * the pass, so playback waits.
   *
   * @return the number of ticks in the source
   * @throws IllegalStateException if the source does not support positions
   */
  public long buildSeekIndex() {
    lock.lock();
    try {
      requireMode(Mode.FILE);
      SeekIndex ix = index;
      if (ix == null) {
        throw new IllegalStateException("source does not support positions; no seek index");
      }
      if (ix.complete()) {
        return ix.covered();
      }
      long current = lookahead == null ? -1 : nextOrdinal - 1;
      positionForSeekLocked(ix, -1);
      while (lookahead != null) {
        lookahead = readLocked();
      }
      if (current >= 0) {
        int block = (int) (current / ix.interval());
        reopenLocked(ix.position(block), ix.blockStart(block));
        while (nextOrdinal - 1 < current && lookahead != null) {
          lookahead = readLocked();
        }
      }
      return ix.covered();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Emits the next tick now, on the calling thread (listener called outside the lock). Only while
   * not playing.
   *
   * @return the emitted tick, empty at the end
   * @throws IllegalStateException while playing
   */
  public Optional<GameTick> step() {
    GameTick t;
    lock.lock();
    try {
      requireMode(Mode.FILE);
      if (playing) {
        throw new IllegalStateException("step() while playing; pause() first");
      }
      t = advanceLocked();
      pausedRemainingNanos = -1;
    } finally {
      lock.unlock();
    }
    if (t != null) {
      listener.onTick(t, Mode.FILE);
    }
    return Optional.ofNullable(t);
  }

  // @GuardedBy("lock")
  private @Nullable GameTick advanceLocked() {
    GameTick t = lookahead;
    if (t == null) {
      return null;
    }
    lookahead = readLocked();
    lastEmitted = t;
    emitted++;
    return t;
  }

  private long gapNanos(GameTick from, GameTick to) {
    long gap = Duration.between(from.timestamp(), to.timestamp()).toNanos();
    gap = Math.max(0, Math.min(gap, config.maxGap().toNanos()));
    return (long) (gap / speed);
  }

  // @GuardedBy("lock")
  private void scheduleLocked(long delayNanos) {
    long gen = ++generation;
    pendingDueNanos = clock.nanoTime() + delayNanos;
    pending = scheduler.schedule(() -> emitScheduled(gen), Duration.ofNanos(delayNanos));
  }

  private void cancelPendingLocked() {
    generation++;
    Scheduler.Cancellable p = pending;
    pending = null;
    if (p != null) {
      p.cancel();
    }
  }

  private void emitScheduled(long gen) {
    GameTick t;
    boolean ended = false;
    RuntimeException error = null;
    lock.lock();
    try {
      if (gen != generation || !playing || closed) {
        return;
      }
      pending = null;
      try {
        t = advanceLocked();
      } catch (RuntimeException e) {
        playing = false;
        t = null;
        error = e;
      }
      if (error == null) {
        if (t == null) {
          playing = false;
          ended = true;
        } else if (lookahead != null) {
          scheduleLocked(gapNanos(t, lookahead));
        } else {
          scheduleLocked(0); // report the end right after the last tick
        }
      }
    } finally {
      lock.unlock();
    }
    if (error != null) {
      listener.onError(error);
    } else if (ended) {
      listener.onEnd();
    } else if (t != null) {
      listener.onTick(t, Mode.FILE);
    }
  }

  // ---------------------------------------------------------------- live mode

  /** Switches to live mode with an empty ring of {@link ReplayConfig#ringCapacity()} ticks. */
  public void startLive() {
    lock.lock();
    try {
      checkOpen();
      resetLocked();
      mode = Mode.LIVE;
      ring = new TickRingBuffer(config.ringCapacity());
    } finally {
      lock.unlock();
    }
  }

  /** Adds a live tick to the ring and forwards it to the listener on this thread. */
  public void push(GameTick tick) {
    Objects.requireNonNull(tick, "tick");
    TickRingBuffer r;
    lock.lock();
    try {
      requireMode(Mode.LIVE);
      r = Objects.requireNonNull(ring);
    } finally {
      lock.unlock();
    }
    r.push(tick);
    listener.onTick(tick, Mode.LIVE);
  }

  /** The live ring (live mode only). */
  public TickRingBuffer liveBuffer() {
    lock.lock();
    try {
      requireMode(Mode.LIVE);
      return Objects.requireNonNull(ring);
    } finally {
      lock.unlock();
    }
  }

  /** The newest {@code n} live ticks, oldest first. */
  public List<GameTick> latest(int n) {
    return liveBuffer().latest(n);
  }

  // ---------------------------------------------------------------- lifecycle

  private void resetLocked() {
    cancelPendingLocked();
    playing = false;
    pausedRemainingNanos = -1;
    TickSource.TickCursor c = cursor;
    cursor = null;
    source = null;
    lookahead = null;
    lastEmitted = null;
    emitted = 0;
    ring = null;
    index = null;
    nextOrdinal = 0;
    mode = Mode.IDLE;
    if (c != null) {
      c.close();
    }
  }

  /**
   * Stops playback and live mode, closes the source and joins the engine's own thread within
   * {@link ReplayConfig#stopTimeout()}. Idempotent; the engine cannot be used afterwards.
   *
   * @return true if the engine's thread (if any) has terminated
   */
  public boolean stop() {
    lock.lock();
    try {
      if (!closed) {
        resetLocked();
        closed = true;
      }
    } finally {
      lock.unlock();
    }
    return ownedScheduler == null || ownedScheduler.shutdown();
  }

  @Override
  public void close() {
    stop();
  }

  /** For tests: whether the calling thread holds the engine's lock. */
  boolean lockHeldByCurrentThread() {
    return lock.isHeldByCurrentThread();
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("closed");
    }
  }

  private void requireMode(Mode m) {
    checkOpen();
    if (mode != m) {
      throw new IllegalStateException("engine is in " + mode + " mode, not " + m);
    }
  }

  /** Configures a {@link ReplayEngine}. Not thread-safe. */
  public static final class Builder {
    private ReplayConfig config = ReplayConfig.defaults();
    private ReplayListener listener = ReplayListener.NONE;
    private @Nullable Scheduler scheduler;
    private MonotonicClock clock = MonotonicClock.SYSTEM;

    private Builder() {}

    public Builder config(ReplayConfig config) {
      this.config = Objects.requireNonNull(config, "config");
      return this;
    }

    public Builder listener(ReplayListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /** Paces playback on {@code scheduler} (not closed by the engine). Default: one own thread. */
    public Builder scheduler(Scheduler scheduler) {
      this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
      return this;
    }

    /** The monotonic clock used with the scheduler; must match it (virtual time in tests). */
    public Builder clock(MonotonicClock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    public ReplayEngine build() {
      return new ReplayEngine(this);
    }
  }
}
