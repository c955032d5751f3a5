package dev.fragkit.telemetry.record;

import dev.fragkit.telemetry.ConfigSource;
import dev.fragkit.telemetry.tick.TickCodec;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * Recorder settings. Defaults follow the reference recorder (flush every 100 ticks or 10 s, refuse to
 * start below 100 MiB free, stop below 10 MiB, five consecutive failures) but with a real timer, an
 * explicit sync policy and segment rollover.
 *
 * <p>Immutable and thread-safe.
 */
public final class RecorderConfig {
  private final int flushEveryTicks;
  private final long flushEveryBytes;
  private final Duration flushInterval;
  private final SyncPolicy syncPolicy;
  private final long minFreeBytesToStart;
  private final long minFreeBytesToContinue;
  private final int errorBudget;
  private final long segmentMaxBytes;
  private final int maxTickBytes;

  private RecorderConfig(Builder b) {
    this.flushEveryTicks = b.flushEveryTicks;
    this.flushEveryBytes = b.flushEveryBytes;
    this.flushInterval = b.flushInterval;
    this.syncPolicy = b.syncPolicy;
    this.minFreeBytesToStart = b.minFreeBytesToStart;
    this.minFreeBytesToContinue = b.minFreeBytesToContinue;
    this.errorBudget = b.errorBudget;
    this.segmentMaxBytes = b.segmentMaxBytes;
    this.maxTickBytes = b.maxTickBytes;
  }

  public static RecorderConfig defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    Builder b = new Builder();
    b.flushEveryTicks = flushEveryTicks;
    b.flushEveryBytes = flushEveryBytes;
    b.flushInterval = flushInterval;
    b.syncPolicy = syncPolicy;
    b.minFreeBytesToStart = minFreeBytesToStart;
    b.minFreeBytesToContinue = minFreeBytesToContinue;
    b.errorBudget = errorBudget;
    b.segmentMaxBytes = segmentMaxBytes;
    b.maxTickBytes = maxTickBytes;
    return b;
  }

  /** Flush when this many ticks are buffered. Default 100. */
  public int flushEveryTicks() {
    return flushEveryTicks;
  }

  /** Flush when this many encoded bytes are buffered. Default 4 MiB. */
  public long flushEveryBytes() {
    return flushEveryBytes;
  }

  /** Flush whatever is buffered at this interval, by a timer, even when no tick arrives. Default 10 s. */
  public Duration flushInterval() {
    return flushInterval;
  }

  /** Default {@link SyncPolicy#DATA}. */
  public SyncPolicy syncPolicy() {
    return syncPolicy;
  }

  /** Refuse to open below this many usable bytes. Default 100 MiB. */
  public long minFreeBytesToStart() {
    return minFreeBytesToStart;
  }

  /** Stop cleanly when a flush finds fewer usable bytes. Default 10 MiB. */
  public long minFreeBytesToContinue() {
    return minFreeBytesToContinue;
  }

  /** Consecutive failed flushes after which the recorder stops and surfaces the error. Default 5. */
  public int errorBudget() {
    return errorBudget;
  }

  /** Start a new segment when the current one would exceed this size. Default 64 MiB. */
  public long segmentMaxBytes() {
    return segmentMaxBytes;
  }

  /** Largest encoded tick accepted. Default 1 MiB. */
  public int maxTickBytes() {
    return maxTickBytes;
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT,
        "RecorderConfig{flushEveryTicks=%d, flushEveryBytes=%d, flushInterval=%s, syncPolicy=%s, "
            + "minFreeBytesToStart=%d, minFreeBytesToContinue=%d, errorBudget=%d, "
            + "segmentMaxBytes=%d, maxTickBytes=%d}",
        flushEveryTicks, flushEveryBytes, flushInterval, syncPolicy, minFreeBytesToStart,
        minFreeBytesToContinue, errorBudget, segmentMaxBytes, maxTickBytes);
  }

  /** Builds a {@link RecorderConfig}; each setter rejects its own bad value. Not thread-safe. */
  public static final class Builder {
    private int flushEveryTicks = 100;
    private long flushEveryBytes = 4L << 20;
    private Duration flushInterval = Duration.ofSeconds(10);
    private SyncPolicy syncPolicy = SyncPolicy.DATA;
    private long minFreeBytesToStart = 100L << 20;
    private long minFreeBytesToContinue = 10L << 20;
    private int errorBudget = 5;
    private long segmentMaxBytes = 64L << 20;
    private int maxTickBytes = TickCodec.DEFAULT_MAX_TICK_BYTES;

    private Builder() {}

    public Builder flushEveryTicks(int n) {
      if (n < 1 || n > 1_000_000) {
        throw new IllegalArgumentException("flushEveryTicks outside 1..1000000: " + n);
      }
      this.flushEveryTicks = n;
      return this;
    }

    public Builder flushEveryBytes(long n) {
      if (n < 1) {
        throw new IllegalArgumentException("flushEveryBytes < 1: " + n);
      }
      this.flushEveryBytes = n;
      return this;
    }

    public Builder flushInterval(Duration d) {
      Objects.requireNonNull(d, "flushInterval");
      if (d.compareTo(Duration.ofMillis(1)) < 0 || d.compareTo(Duration.ofHours(1)) > 0) {
        throw new IllegalArgumentException("flushInterval outside 1ms..1h: " + d);
      }
      this.flushInterval = d;
      return this;
    }

    public Builder syncPolicy(SyncPolicy p) {
      this.syncPolicy = Objects.requireNonNull(p, "syncPolicy");
      return this;
    }

    public Builder minFreeBytesToStart(long n) {
      if (n < 0) {
        throw new IllegalArgumentException("minFreeBytesToStart < 0: " + n);
      }
      this.minFreeBytesToStart = n;
      return this;
    }

    public Builder minFreeBytesToContinue(long n) {
      if (n < 0) {
        throw new IllegalArgumentException("minFreeBytesToContinue < 0: " + n);
      }
      this.minFreeBytesToContinue = n;
      return this;
    }

    public Builder errorBudget(int n) {
      if (n < 1 || n > 1000) {
        throw new IllegalArgumentException("errorBudget outside 1..1000: " + n);
      }
      this.errorBudget = n;
      return this;
    }

    public Builder segmentMaxBytes(long n) {
      if (n < 1024) {
        throw new IllegalArgumentException("segmentMaxBytes < 1024: " + n);
      }
      this.segmentMaxBytes = n;
      return this;
    }

    public Builder maxTickBytes(int n) {
      if (n < 64 || n > (64 << 20)) {
        throw new IllegalArgumentException("maxTickBytes outside 64..67108864: " + n);
      }
      this.maxTickBytes = n;
      return this;
    }

    /**
     * Applies every {@code recorder.*} setting present in {@code source} (e.g. {@code
     * FRAGKIT_RECORDER_FLUSH_EVERY_TICKS=50}); absent settings keep their current value.
     */
    public Builder bind(ConfigSource source) {
      source.getLong("recorder.flushEveryTicks").ifPresent(v -> flushEveryTicks(toInt(source, "recorder.flushEveryTicks", v)));
      source.getLong("recorder.flushEveryBytes").ifPresent(this::flushEveryBytes);
      source.getDuration("recorder.flushInterval").ifPresent(this::flushInterval);
      source.get("recorder.syncPolicy").ifPresent(v -> {
        try {
          syncPolicy(SyncPolicy.valueOf(v.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(source.externalName("recorder.syncPolicy")
              + " is not one of NONE, DATA, DATA_AND_METADATA: " + v, e);
        }
      });
      source.getLong("recorder.minFreeBytesToStart").ifPresent(this::minFreeBytesToStart);
      source.getLong("recorder.minFreeBytesToContinue").ifPresent(this::minFreeBytesToContinue);
      source.getLong("recorder.errorBudget").ifPresent(v -> errorBudget(toInt(source, "recorder.errorBudget", v)));
      source.getLong("recorder.segmentMaxBytes").ifPresent(this::segmentMaxBytes);
      source.getLong("recorder.maxTickBytes").ifPresent(v -> maxTickBytes(toInt(source, "recorder.maxTickBytes", v)));
      return this;
    }

    private static int toInt(ConfigSource source, String setting, long v) {
      if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
        throw new IllegalArgumentException(source.externalName(setting) + " out of int range: " + v);
      }
      return (int) v;
    }

    /**
     * @throws IllegalStateException if minFreeBytesToContinue exceeds minFreeBytesToStart, or a
     *     segment could not hold one maximal tick
     */
    public RecorderConfig build() {
      if (minFreeBytesToContinue > minFreeBytesToStart) {
        throw new IllegalStateException("minFreeBytesToContinue " + minFreeBytesToContinue
            + " exceeds minFreeBytesToStart " + minFreeBytesToStart);
      }
      long need = (long) maxTickBytes + SegmentFormat.FRAME_OVERHEAD + SegmentFormat.HEADER_BYTES;
      if (segmentMaxBytes < need) {
        throw new IllegalStateException("segmentMaxBytes " + segmentMaxBytes
            + " cannot hold one tick of maxTickBytes " + maxTickBytes + " (needs " + need + ")");
      }
      return new RecorderConfig(this);
    }
  }
}
