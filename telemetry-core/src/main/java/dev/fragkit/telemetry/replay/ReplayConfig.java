package dev.fragkit.telemetry.replay;

import dev.fragkit.telemetry.ConfigSource;
import java.time.Duration;
import java.util.Objects;

/**
 * Replay settings: live ring capacity (default 5000, 100..100000 as in the reference), initial
 * speed (1.0, range 0.1..10), the longest pause between two recorded ticks that playback honours
 * (default 5 s; longer gaps are shortened to it) and how long {@code stop()} waits for the engine's
 * thread (default 5 s) and the seek index interval: ticks per block of the file-mode seek index, the
 * most a seek reads (default 256, 1..1048576).
 *
 * <p>Immutable and thread-safe.
 */
public final class ReplayConfig {
  public static final double MIN_SPEED = 0.1;
  public static final double MAX_SPEED = 10.0;

  private final int ringCapacity;
  private final double initialSpeed;
  private final Duration maxGap;
  private final Duration stopTimeout;
  private final int seekIndexInterval;

  private ReplayConfig(Builder b) {
    this.seekIndexInterval = b.seekIndexInterval;
    this.ringCapacity = b.ringCapacity;
    this.initialSpeed = b.initialSpeed;
    this.maxGap = b.maxGap;
    this.stopTimeout = b.stopTimeout;
  }

  public static ReplayConfig defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder().ringCapacity(ringCapacity).initialSpeed(initialSpeed).maxGap(maxGap)
        .stopTimeout(stopTimeout).seekIndexInterval(seekIndexInterval);
  }

  public int ringCapacity() {
    return ringCapacity;
  }

  public double initialSpeed() {
    return initialSpeed;
  }

  public Duration maxGap() {
    return maxGap;
  }

  public Duration stopTimeout() {
    return stopTimeout;
  }

  public int seekIndexInterval() {
    return seekIndexInterval;
  }

  static void checkSpeed(double speed) {
    if (!(speed >= MIN_SPEED && speed <= MAX_SPEED)) {
      throw new IllegalArgumentException("speed outside 0.1..10.0: " + speed);
    }
  }

  @Override
  public String toString() {
    return "ReplayConfig{ringCapacity=" + ringCapacity + ", initialSpeed=" + initialSpeed
        + ", maxGap=" + maxGap + ", stopTimeout=" + stopTimeout + ", seekIndexInterval="
        + seekIndexInterval + "}";
  }

  /** Builds a {@link ReplayConfig}. Not thread-safe. */
  public static final class Builder {
    private int ringCapacity = 5000;
    private double initialSpeed = 1.0;
    private Duration maxGap = Duration.ofSeconds(5);
    private Duration stopTimeout = Duration.ofSeconds(5);
    private int seekIndexInterval = 256;

    private Builder() {}

    /** Ticks per seek-index block: a seek reads at most this many ticks. */
    public Builder seekIndexInterval(int n) {
      if (n < 1 || n > 1 << 20) {
        throw new IllegalArgumentException("seekIndexInterval outside 1..1048576: " + n);
      }
      this.seekIndexInterval = n;
      return this;
    }

    public Builder ringCapacity(int n) {
      if (n < 100 || n > 100_000) {
        throw new IllegalArgumentException("ringCapacity outside 100..100000: " + n);
      }
      this.ringCapacity = n;
      return this;
    }

    public Builder initialSpeed(double s) {
      checkSpeed(s);
      this.initialSpeed = s;
      return this;
    }

    public Builder maxGap(Duration d) {
      Objects.requireNonNull(d, "maxGap");
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException("maxGap <= 0: " + d);
      }
      this.maxGap = d;
      return this;
    }

    public Builder stopTimeout(Duration d) {
      Objects.requireNonNull(d, "stopTimeout");
      if (d.isNegative()) {
        throw new IllegalArgumentException("stopTimeout < 0: " + d);
      }
      this.stopTimeout = d;
      return this;
    }

    /** Applies {@code replay.*} settings from {@code source} (e.g. FRAGKIT_REPLAY_RING_CAPACITY). */
    public Builder bind(ConfigSource source) {
      source.getLong("replay.ringCapacity").ifPresent(v -> ringCapacity((int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, v))));
      source.getDouble("replay.initialSpeed").ifPresent(this::initialSpeed);
      source.getDuration("replay.maxGap").ifPresent(this::maxGap);
      source.getDuration("replay.stopTimeout").ifPresent(this::stopTimeout);
      source.getLong("replay.seekIndexInterval").ifPresent(v -> seekIndexInterval((int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, v))));
      return this;
    }

    public ReplayConfig build() {
      return new ReplayConfig(this);
    }
  }
}
