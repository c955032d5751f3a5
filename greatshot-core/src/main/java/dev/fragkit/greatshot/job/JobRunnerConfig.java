package dev.fragkit.greatshot.job;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of a {@link JobRunner}. Defaults: 2 workers; analysis timeout 60 s, 2 retries 5 s apart;
 * render (clip) timeout 45 s, 1 retry after 10 s; lease 30 s renewed every 10 s; poll every 1 s
 * when idle; a job lost by 3 workers fails; a clip held by another worker is waited for in steps of
 * 1 s; progress stored every 1 s; owner id {@code <host>-<pid>}. Immutable.
 */
public final class JobRunnerConfig {
  private final int workers;
  private final Duration analysisTimeout;
  private final int analysisRetries;
  private final Duration analysisRetryWait;
  private final Duration renderTimeout;
  private final int renderRetries;
  private final Duration renderRetryWait;
  private final Duration leaseDuration;
  private final Duration renewInterval;
  private final Duration pollInterval;
  private final int maxClaims;
  private final Duration clipWait;
  private final String ownerId;
  private final Duration progressInterval;

  private JobRunnerConfig(Builder b) {
    workers = b.workers;
    analysisTimeout = b.analysisTimeout;
    analysisRetries = b.analysisRetries;
    analysisRetryWait = b.analysisRetryWait;
    renderTimeout = b.renderTimeout;
    renderRetries = b.renderRetries;
    renderRetryWait = b.renderRetryWait;
    leaseDuration = b.leaseDuration;
    renewInterval = b.renewInterval;
    pollInterval = b.pollInterval;
    maxClaims = b.maxClaims;
    clipWait = b.clipWait;
    ownerId = b.ownerId;
    progressInterval = b.progressInterval;
  }

  public static JobRunnerConfig defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder().workers(workers).analysisTimeout(analysisTimeout).analysisRetries(analysisRetries)
        .analysisRetryWait(analysisRetryWait).renderTimeout(renderTimeout).renderRetries(renderRetries)
        .renderRetryWait(renderRetryWait).leaseDuration(leaseDuration).renewInterval(renewInterval)
        .pollInterval(pollInterval).maxClaims(maxClaims).clipWait(clipWait).ownerId(ownerId)
        .progressInterval(progressInterval);
  }

  public int workers() { return workers; }
  public Duration analysisTimeout() { return analysisTimeout; }
  public int analysisRetries() { return analysisRetries; }
  public Duration analysisRetryWait() { return analysisRetryWait; }
  public Duration renderTimeout() { return renderTimeout; }
  public int renderRetries() { return renderRetries; }
  public Duration renderRetryWait() { return renderRetryWait; }
  public Duration leaseDuration() { return leaseDuration; }
  public Duration renewInterval() { return renewInterval; }
  public Duration pollInterval() { return pollInterval; }
  public int maxClaims() { return maxClaims; }
  public Duration clipWait() { return clipWait; }
  public String ownerId() { return ownerId; }
  /** How often a running job's progress is written to the store. */
  public Duration progressInterval() { return progressInterval; }

  @Override
  public String toString() {
    return "JobRunnerConfig{workers=" + workers + ", analysisTimeout=" + analysisTimeout + ", analysisRetries="
        + analysisRetries + ", analysisRetryWait=" + analysisRetryWait + ", renderTimeout=" + renderTimeout
        + ", renderRetries=" + renderRetries + ", renderRetryWait=" + renderRetryWait + ", leaseDuration="
        + leaseDuration + ", renewInterval=" + renewInterval + ", pollInterval=" + pollInterval + ", maxClaims="
        + maxClaims + ", clipWait=" + clipWait + ", ownerId=" + ownerId + ", progressInterval=" + progressInterval + "}";
  }

  /** Not thread-safe. */
  public static final class Builder {
    private int workers = 2;
    private Duration analysisTimeout = Duration.ofSeconds(60);
    private int analysisRetries = 2;
    private Duration analysisRetryWait = Duration.ofSeconds(5);
    private Duration renderTimeout = Duration.ofSeconds(45);
    private int renderRetries = 1;
    private Duration renderRetryWait = Duration.ofSeconds(10);
    private Duration leaseDuration = Duration.ofSeconds(30);
    private Duration renewInterval = Duration.ofSeconds(10);
    private Duration pollInterval = Duration.ofSeconds(1);
    private int maxClaims = 3;
    private Duration clipWait = Duration.ofSeconds(1);
    private String ownerId = defaultOwner();
    private Duration progressInterval = Duration.ofSeconds(1);

    private Builder() {}

    private static String defaultOwner() {
      String host = System.getenv().getOrDefault("HOSTNAME", "host");
      return host + "-" + ProcessHandle.current().pid();
    }

    private static Duration positive(String name, Duration d) {
      Objects.requireNonNull(d, name);
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(name + " must be positive: " + d);
      }
      return d;
    }

    private static Duration notNegative(String name, Duration d) {
      Objects.requireNonNull(d, name);
      if (d.isNegative()) {
        throw new IllegalArgumentException(name + " < 0: " + d);
      }
      return d;
    }

    public Builder workers(int v) {
      if (v < 1) {
        throw new IllegalArgumentException("workers < 1: " + v);
      }
      workers = v;
      return this;
    }

    public Builder analysisTimeout(Duration v) { analysisTimeout = positive("analysisTimeout", v); return this; }

    public Builder analysisRetries(int v) {
      if (v < 0) {
        throw new IllegalArgumentException("analysisRetries < 0: " + v);
      }
      analysisRetries = v;
      return this;
    }

    public Builder analysisRetryWait(Duration v) { analysisRetryWait = notNegative("analysisRetryWait", v); return this; }

    public Builder renderTimeout(Duration v) { renderTimeout = positive("renderTimeout", v); return this; }

    public Builder renderRetries(int v) {
      if (v < 0) {
        throw new IllegalArgumentException("renderRetries < 0: " + v);
      }
      renderRetries = v;
      return this;
    }

    public Builder renderRetryWait(Duration v) { renderRetryWait = notNegative("renderRetryWait", v); return this; }
    public Builder leaseDuration(Duration v) { leaseDuration = positive("leaseDuration", v); return this; }
    public Builder renewInterval(Duration v) { renewInterval = positive("renewInterval", v); return this; }
    public Builder pollInterval(Duration v) { pollInterval = positive("pollInterval", v); return this; }
    public Builder progressInterval(Duration v) { progressInterval = positive("progressInterval", v); return this; }
    public Builder clipWait(Duration v) { clipWait = positive("clipWait", v); return this; }

    public Builder maxClaims(int v) {
      if (v < 1) {
        throw new IllegalArgumentException("maxClaims < 1: " + v);
      }
      maxClaims = v;
      return this;
    }

    public Builder ownerId(String v) {
      if (v == null || v.isBlank() || v.length() > 100) {
        throw new IllegalArgumentException("ownerId must be 1..100 non-blank characters: " + v);
      }
      ownerId = v;
      return this;
    }

    public JobRunnerConfig build() {
      if (renewInterval.compareTo(leaseDuration) >= 0) {
        throw new IllegalStateException("renewInterval " + renewInterval + " must be shorter than leaseDuration "
            + leaseDuration + " (JobRunnerConfig.renewInterval)");
      }
      return new JobRunnerConfig(this);
    }
  }
}
