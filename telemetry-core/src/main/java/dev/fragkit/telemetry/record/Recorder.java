package dev.fragkit.telemetry.record;

import dev.fragkit.telemetry.tick.GameTick;
import dev.fragkit.telemetry.tick.TickCodec;
import dev.fragkit.telemetry.time.Scheduler;
import dev.fragkit.telemetry.time.ThreadScheduler;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records {@link GameTick}s to append-only segment files of length-prefixed CRC32C frames (see
 * {@link RecordingReader} for the read side). Ticks are buffered and flushed when {@link
 * RecorderConfig#flushEveryTicks()} ticks (or {@link RecorderConfig#flushEveryBytes()} bytes) are
 * waiting, and by a timer every {@link RecorderConfig#flushInterval()} even if no tick arrives.
 * Each flush is synced per {@link RecorderConfig#syncPolicy()}.
 *
 * <p>Before every flush the usable space is checked: below {@code minFreeBytesToContinue} the
 * recorder stops cleanly (closing its segment; still-buffered ticks are counted as dropped). A failed
 * flush keeps the buffer for the next attempt and starts a fresh segment, so a half-written frame is
 * never followed by new frames in the same file; after {@code errorBudget} consecutive failures the
 * recorder stops and {@link #record} throws.
 *
 * <p>Thread-safe: any thread may call {@link #record}. Ticks are encoded outside the lock; frames are
 * appended in lock order. {@link #close()} flushes, syncs, stops the timer (joining an owned timer
 * thread) and is idempotent. Recorders still open at JVM exit are closed by their registry's
 * shutdown hook.
 */
public final class Recorder implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Recorder.class);

  /** Lifecycle of a recorder. */
  public enum State {
    /** Accepting ticks. */
    RECORDING,
    /** Stopped because usable space fell below {@code minFreeBytesToContinue}. */
    STOPPED_LOW_DISK,
    /** Stopped because the error budget was used up. */
    FAILED,
    /** Closed by {@link #close()}. */
    CLOSED
  }

  private final Path directory;
  private final RecorderConfig config;
  private final RecordingFileSystem fs;
  private final TickCodec codec;
  private final Clock clock;
  private final RecorderRegistry registry;
  private final @Nullable ThreadScheduler ownedScheduler;
  private final Scheduler.Cancellable timer;

  private final ReentrantLock lock = new ReentrantLock();
  // All fields below: @GuardedBy("lock")
  private byte[] pending = new byte[8192];
  private int pendingBytes;
  private int pendingTicks;
  private RecordingFileSystem.@Nullable SegmentOutput segment;
  private @Nullable Path segmentPath;
  private long segmentSize;
  private long nextSegmentIndex;
  private State state = State.RECORDING;
  private @Nullable RuntimeException stopReason;
  private long ticksRecorded;
  private long ticksWritten;
  private long ticksDropped;
  private long bytesWritten;
  private long flushes;
  private long syncs;
  private long errors;
  private int consecutiveErrors;
  private long segmentsCreated;
  private @Nullable Instant lastFlush;

  private Recorder(Builder b, long nextSegmentIndex) {
    this.directory = b.directory;
    this.config = b.config;
    this.fs = b.fs;
    this.codec = TickCodec.withMaxTickBytes(config.maxTickBytes());
    this.clock = b.clock;
    this.registry = b.registry;
    this.nextSegmentIndex = nextSegmentIndex;
    Scheduler s = b.scheduler;
    if (s == null) {
      ownedScheduler = ThreadScheduler.create("recorder-flush", Duration.ofSeconds(5));
      s = ownedScheduler;
    } else {
      ownedScheduler = null;
    }
    this.timer = s.scheduleWithFixedDelay(this::timedFlush, config.flushInterval(),
        config.flushInterval());
  }

  /** Starts building a recorder writing into {@code directory}. */
  public static Builder builder(Path directory) {
    return new Builder(directory);
  }

  /** Opens a recorder with default settings on the local file system. */
  public static Recorder open(Path directory) {
    return builder(directory).open();
  }

  public Path directory() {
    return directory;
  }

  public RecorderConfig config() {
    return config;
  }

  /**
   * Buffers {@code tick}, flushing if a threshold is reached.
   *
   * @throws dev.fragkit.telemetry.tick.TickTooLargeException if the tick encodes to more than
   *     {@code maxTickBytes} (the recorder keeps running)
   * @throws RecorderFailedException if this call's flush used up the error budget
   * @throws RecorderStoppedException if the recorder had already stopped or was closed
   */
  public void record(GameTick tick) {
    Objects.requireNonNull(tick, "tick");
    byte[] payload = codec.encode(tick);
    lock.lock();
    try {
      if (state != State.RECORDING) {
        throw new RecorderStoppedException(state, stopReason);
      }
      appendFrame(payload);
      ticksRecorded++;
      if (pendingTicks >= config.flushEveryTicks() || pendingBytes >= config.flushEveryBytes()) {
        flushLocked();
        if (state == State.FAILED) {
          throw Objects.requireNonNull(stopReason);
        }
      }
    } finally {
      lock.unlock();
    }
  }

  /**
   * Writes (and syncs, per policy) everything buffered now.
   *
   * @return true if the buffer is empty afterwards
   * @throws RecorderStoppedException if the recorder is not recording
   */
  public boolean flush() {
    lock.lock();
    try {
      if (state != State.RECORDING) {
        throw new RecorderStoppedException(state, stopReason);
      }
      flushLocked();
      return pendingTicks == 0 && state == State.RECORDING;
    } finally {
      lock.unlock();
    }
  }

  public State state() {
    lock.lock();
    try {
      return state;
    } finally {
      lock.unlock();
    }
  }

  /** Why the recorder stopped, if it stopped on its own. */
  public Optional<RuntimeException> failure() {
    lock.lock();
    try {
      return Optional.ofNullable(stopReason);
    } finally {
      lock.unlock();
    }
  }

  public RecorderMetrics metrics() {
    lock.lock();
    try {
      return new RecorderMetrics(state, ticksRecorded, ticksWritten, ticksDropped, bytesWritten,
          flushes, syncs, errors, consecutiveErrors, pendingTicks, pendingBytes, segmentsCreated,
          lastFlush);
    } finally {
      lock.unlock();
    }
  }

  private void timedFlush() {
    lock.lock();
    try {
      if (state == State.RECORDING && pendingTicks > 0) {
        flushLocked();
      }
    } finally {
      lock.unlock();
    }
  }

  private void appendFrame(byte[] payload) {
    int need = pendingBytes + SegmentFormat.FRAME_OVERHEAD + payload.length;
    if (need > pending.length) {
      pending = Arrays.copyOf(pending, Math.max(need, pending.length * 2));
    }
    int at = pendingBytes;
    SegmentFormat.putInt(pending, at, payload.length);
    System.arraycopy(payload, 0, pending, at + SegmentFormat.FRAME_OVERHEAD, payload.length);
    SegmentFormat.putInt(pending, at + 4, SegmentFormat.crc(pending, at, payload.length));
    pendingBytes = need;
    pendingTicks++;
  }

  // @GuardedBy("lock")
  private void flushLocked() {
    if (pendingTicks == 0) {
      return;
    }
    long usable;
    try {
      usable = fs.usableSpace(directory);
    } catch (IOException e) {
      recordFailure(e);
      return;
    }
    if (usable < config.minFreeBytesToContinue()) {
      InsufficientDiskSpaceException reason = new InsufficientDiskSpaceException(directory, usable,
          config.minFreeBytesToContinue(), "minFreeBytesToContinue");
      log.warn("stopping recorder, {} buffered ticks dropped: {}", pendingTicks, reason.getMessage());
      stopLocked(State.STOPPED_LOW_DISK, reason);
      return;
    }
    long sizeBefore = segmentSize;
    try {
      if (segment != null && segmentSize + pendingBytes > config.segmentMaxBytes()) {
        closeSegmentLocked();
      }
      boolean fresh = segment == null;
      if (fresh) {
        openSegmentLocked();
        sizeBefore = 0;
      }
      RecordingFileSystem.SegmentOutput out = Objects.requireNonNull(segment);
      if (fresh) {
        out.write(ByteBuffer.wrap(SegmentFormat.MAGIC));
        segmentSize += SegmentFormat.HEADER_BYTES;
        bytesWritten += SegmentFormat.HEADER_BYTES;
      }
      out.write(ByteBuffer.wrap(pending, 0, pendingBytes));
      segmentSize += pendingBytes;
      bytesWritten += pendingBytes;
      syncLocked(out);
      if (fresh && config.syncPolicy() != SyncPolicy.NONE) {
        fs.syncDirectory(directory);
      }
    } catch (IOException e) {
      abandonSegmentLocked(sizeBefore);
      recordFailure(e);
      return;
    }
    ticksWritten += pendingTicks;
    pendingTicks = 0;
    pendingBytes = 0;
    if (pending.length > (1 << 20)) {
      pending = new byte[8192];
    }
    flushes++;
    consecutiveErrors = 0;
    lastFlush = clock.instant();
  }

  private void syncLocked(RecordingFileSystem.SegmentOutput out) throws IOException {
    switch (config.syncPolicy()) {
      case NONE -> {
        return;
      }
      case DATA -> out.sync(false);
      case DATA_AND_METADATA -> out.sync(true);
    }
    syncs++;
  }

  private void recordFailure(IOException e) {
    errors++;
    consecutiveErrors++;
    if (consecutiveErrors >= config.errorBudget()) {
      RecorderFailedException failure = new RecorderFailedException(directory, consecutiveErrors, e);
      log.error("recorder stopped: {}", failure.getMessage(), e);
      stopLocked(State.FAILED, failure);
    } else {
      log.warn("flush {} of {} allowed failed at {}; keeping {} buffered ticks for retry",
          consecutiveErrors, config.errorBudget(), directory, pendingTicks, e);
    }
  }

  private void stopLocked(State newState, RuntimeException reason) {
    state = newState;
    stopReason = reason;
    ticksDropped += pendingTicks;
    pendingTicks = 0;
    pendingBytes = 0;
    try {
      closeSegmentLocked();
    } catch (IOException e) {
      reason.addSuppressed(e);
      abandonSegmentLocked(-1);
    }
    timer.cancel();
    registry.unregister(this);
  }

  private void openSegmentLocked() throws IOException {
    Path file = directory.resolve(SegmentFormat.fileName(nextSegmentIndex++));
    segment = fs.create(file);
    segmentPath = file;
    segmentSize = 0;
    segmentsCreated++;
  }

  private void closeSegmentLocked() throws IOException {
    RecordingFileSystem.SegmentOutput out = segment;
    segment = null;
    segmentPath = null;
    segmentSize = 0;
    if (out != null) {
      try {
        syncLocked(out);
      } finally {
        out.close();
      }
    }
  }

  /**
   * After a failed write or sync the segment may end in a partial frame, or in complete frames that
   * were never confirmed and will be written again by the retry. Cut it back to its last confirmed
   * size ({@code confirmedSize}, or leave it if negative) and never append to it again.
   */
  private void abandonSegmentLocked(long confirmedSize) {
    RecordingFileSystem.SegmentOutput out = segment;
    Path file = segmentPath;
    segment = null;
    segmentPath = null;
    segmentSize = 0;
    if (out != null) {
      try {
        out.close();
      } catch (IOException e) {
        log.warn("closing abandoned segment in {} failed", directory, e);
      }
    }
    if (file != null && confirmedSize >= 0) {
      try {
        fs.truncate(file, confirmedSize);
      } catch (IOException e) {
        // The retry may then duplicate frames that reached the file; recovery still returns only
        // intact frames.
        log.error("could not cut abandoned segment {} back to {} bytes", file, confirmedSize, e);
      }
    }
  }

  /**
   * Flushes what is buffered, syncs, closes the segment, stops the timer and unregisters. A flush
   * failure here is logged and counted (the ticks are reported as dropped), not thrown. Idempotent.
   */
  @Override
  public void close() {
    lock.lock();
    try {
      if (state == State.CLOSED) {
        return;
      }
      if (state == State.RECORDING) {
        flushLocked();
        if (state == State.RECORDING && pendingTicks > 0) {
          log.error("closing recorder at {} with {} unwritten ticks", directory, pendingTicks);
          ticksDropped += pendingTicks;
          pendingTicks = 0;
          pendingBytes = 0;
        }
      }
      try {
        closeSegmentLocked();
      } catch (IOException e) {
        errors++;
        log.error("closing segment in {} failed", directory, e);
      }
      state = State.CLOSED;
    } finally {
      lock.unlock();
    }
    timer.cancel();
    registry.unregister(this);
    if (ownedScheduler != null) {
      ownedScheduler.close();
    }
  }

  @Override
  public String toString() {
    return "Recorder{" + directory + ", " + state() + "}";
  }

  /** Configures and opens a {@link Recorder}. Not thread-safe. */
  public static final class Builder {
    private final Path directory;
    private RecorderConfig config = RecorderConfig.defaults();
    private RecordingFileSystem fs = RecordingFileSystem.local();
    private @Nullable Scheduler scheduler;
    private Clock clock = Clock.systemUTC();
    private @Nullable RecorderRegistry registry;

    private Builder(Path directory) {
      this.directory = Objects.requireNonNull(directory, "directory");
    }

    public Builder config(RecorderConfig config) {
      this.config = Objects.requireNonNull(config, "config");
      return this;
    }

    public Builder fileSystem(RecordingFileSystem fs) {
      this.fs = Objects.requireNonNull(fs, "fs");
      return this;
    }

    /** Runs the flush timer on {@code scheduler} (not closed by the recorder). Default: own thread. */
    public Builder scheduler(Scheduler scheduler) {
      this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
      return this;
    }

    /** Wall clock for {@link RecorderMetrics#lastFlush()}. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** Registry that caps open recorders and closes them at shutdown. Default {@link RecorderRegistry#global()}. */
    public Builder registry(RecorderRegistry registry) {
      this.registry = Objects.requireNonNull(registry, "registry");
      return this;
    }

    /**
     * Creates the directory if needed, checks free space and opens the recorder. New segments
     * continue after the highest existing segment index; existing segments are never modified.
     *
     * @throws InsufficientDiskSpaceException below {@code minFreeBytesToStart}
     * @throws TooManyRecordersException if the registry's cap is reached
     * @throws RecordingIoException if the directory cannot be created or inspected
     */
    public Recorder open() {
      RecorderRegistry reg = registry != null ? registry : RecorderRegistry.global();
      try {
        fs.createDirectories(directory);
      } catch (IOException e) {
        throw new RecordingIoException("create directory", directory, e);
      }
      long usable;
      try {
        usable = fs.usableSpace(directory);
      } catch (IOException e) {
        throw new RecordingIoException("usable space", directory, e);
      }
      if (usable < config.minFreeBytesToStart()) {
        throw new InsufficientDiskSpaceException(directory, usable, config.minFreeBytesToStart(),
            "minFreeBytesToStart");
      }
      long next = 0;
      for (Path p : RecordingReader.segmentsOf(fs, directory)) {
        next = Math.max(next, SegmentFormat.indexOf(p).orElseThrow() + 1);
      }
      this.registry = reg;
      Recorder r = new Recorder(this, next);
      try {
        reg.register(r);
      } catch (TooManyRecordersException e) {
        r.timer.cancel();
        if (r.ownedScheduler != null) {
          r.ownedScheduler.close();
        }
        throw e;
      }
      return r;
    }
  }
}
