package dev.fragkit.greatshot.job;

import dev.fragkit.greatshot.store.AnalysisRecord;
import dev.fragkit.greatshot.store.ClipClaim;
import dev.fragkit.greatshot.store.DemoFiles;
import dev.fragkit.greatshot.store.DemoRecord;
import dev.fragkit.greatshot.store.GreatshotStore;
import dev.fragkit.greatshot.store.HighlightRecord;
import dev.fragkit.greatshot.store.JobKind;
import dev.fragkit.greatshot.store.JobLease;
import dev.fragkit.greatshot.store.LeaseStatus;
import dev.fragkit.greatshot.store.PlayerStatsRecord;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs analysis and clip jobs from a {@link GreatshotStore}: a pool of worker threads
 * ({@code fragkit-greatshot-worker-N}) claims jobs (highest priority first) under a lease, and a
 * watchdog ({@code fragkit-greatshot-watchdog-N}) renews leases, stores progress and enforces the
 * hard timeout.
 *
 * <p>Failure rules: a transient failure ({@link TransientAnalysisException}, {@link IOException}) is
 * retried with resilience4j-retry per {@link JobRunnerConfig}; a {@link CorruptDemoException}, a
 * timeout, a cancellation or any other exception is never retried. On timeout the watchdog sets the
 * attempt's {@link Cancellation}, interrupts the worker (only while it is inside the analyzer or
 * cutter, never during store calls) and fails the job at once, so the job fails within the timeout
 * even if the analyzer ignores cancellation (its late result is then discarded by the lease check).
 * A job whose worker died is reclaimed by any runner once its lease expires.
 *
 * <p>Thread-safe. Owns its threads: {@link #close()} stops claiming, asks running jobs to stop, gives
 * their jobs back to the queue and joins the workers.
 */
public final class JobRunner implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(JobRunner.class);
  private static final Set<JobKind> KINDS = EnumSet.allOf(JobKind.class);
  private static final AtomicInteger WATCHDOG_THREADS = new AtomicInteger();

  private final JobRunnerConfig config;
  private final GreatshotStore store;
  private final DemoFiles files;
  private final DemoAnalyzer analyzer;
  private final ClipCutter cutter;
  private final JobEvents events;
  private final Clock clock;
  private final ScheduledExecutorService watchdog;
  private final Map<String, Running> running = new ConcurrentHashMap<>();
  private final List<Thread> workers = new ArrayList<>();
  private final Object idle = new Object();
  private final Object lifecycle = new Object();
  private volatile boolean closed;
  private boolean started; // @GuardedBy("lifecycle")

  public JobRunner(JobRunnerConfig config, GreatshotStore store, DemoFiles files, DemoAnalyzer analyzer,
      ClipCutter cutter, JobEvents events, Clock clock) {
    this.config = Objects.requireNonNull(config, "config");
    this.store = Objects.requireNonNull(store, "store");
    this.files = Objects.requireNonNull(files, "files");
    this.analyzer = Objects.requireNonNull(analyzer, "analyzer");
    this.cutter = Objects.requireNonNull(cutter, "cutter");
    this.events = Objects.requireNonNull(events, "events");
    this.clock = Objects.requireNonNull(clock, "clock");
    ScheduledThreadPoolExecutor exec = new ScheduledThreadPoolExecutor(2, r -> {
      Thread t = new Thread(r, "fragkit-greatshot-watchdog-" + WATCHDOG_THREADS.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    exec.setRemoveOnCancelPolicy(true);
    this.watchdog = exec;
  }

  /** Starts the workers. Idempotent; throws {@code IllegalStateException("closed")} after close. */
  public JobRunner start() {
    synchronized (lifecycle) {
      if (closed) {
        throw new IllegalStateException("closed");
      }
      if (started) {
        return this;
      }
      started = true;
      for (int i = 1; i <= config.workers(); i++) {
        String name = "fragkit-greatshot-worker-" + i;
        Thread t = new Thread(() -> workLoop(name), name);
        t.setDaemon(true);
        workers.add(t);
        t.start();
      }
      return this;
    }
  }

  /** Wakes idle workers so a job enqueued in this process starts without waiting for the poll interval. */
  public void wakeUp() {
    synchronized (idle) {
      idle.notifyAll();
    }
  }

  /**
   * Cancels a job: queued jobs at once; a running job stops at its next cancellation check (at once
   * when it runs in this runner, otherwise at its worker's next lease renewal). False when unknown or final.
   */
  public boolean cancel(String jobId) {
    boolean requested = store.requestCancel(jobId);
    Running r = running.get(jobId);
    if (requested && r != null) {
      r.stop(Cancellation.Reason.CANCELLED);
    }
    return requested;
  }

  public int workerCount() {
    return config.workers();
  }

  /** Workers whose thread is alive (for health checks). */
  public int aliveWorkers() {
    synchronized (lifecycle) {
      return (int) workers.stream().filter(Thread::isAlive).count();
    }
  }

  /** Jobs currently being run by this runner. */
  public int busyWorkers() {
    return running.size();
  }

  public JobRunnerConfig config() {
    return config;
  }

  @Override
  public void close() {
    List<Thread> toJoin;
    synchronized (lifecycle) {
      if (closed) {
        return;
      }
      closed = true;
      toJoin = List.copyOf(workers);
    }
    running.values().forEach(r -> r.stop(Cancellation.Reason.SHUTDOWN));
    wakeUp();
    boolean interrupted = false;
    for (Thread t : toJoin) {
      try {
        t.join(Math.max(1000, config.pollInterval().toMillis() * 2));
      } catch (InterruptedException e) {
        interrupted = true;
      }
      if (t.isAlive()) {
        LOG.warn("worker {} did not stop within the join timeout (an analyzer ignoring cancellation?)", t.getName());
      }
    }
    watchdog.shutdownNow();
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  // ---------------------------------------------------------------- worker loop

  private void workLoop(String name) {
    String owner = config.ownerId() + "/" + name;
    while (!closed) {
      Optional<JobLease> lease;
      try {
        lease = store.claim(owner, KINDS, config.leaseDuration(), config.maxClaims());
      } catch (RuntimeException e) {
        LOG.warn("{}: claiming a job failed; retrying after the poll interval", name, e);
        lease = Optional.empty();
      }
      if (lease.isEmpty()) {
        waitIdle();
        continue;
      }
      try {
        runJob(lease.get());
      } catch (RuntimeException e) {
        LOG.error("{}: job {} ended with an unexpected error; its lease will expire", name, lease.get().jobId(), e);
      } finally {
        Thread.interrupted(); // a late cancellation interrupt must not leak into the next job
      }
    }
  }

  private void waitIdle() {
    synchronized (idle) {
      if (closed) {
        return;
      }
      try {
        idle.wait(config.pollInterval().toMillis());
      } catch (InterruptedException e) {
        // Workers are only interrupted to stop an analyzer; outside one it means nothing: re-check `closed`.
        LOG.debug("idle worker interrupted");
      }
    }
  }

  private void runJob(JobLease lease) {
    Running r = new Running(lease, Thread.currentThread());
    running.put(lease.jobId(), r);
    events.onClaimed(lease);
    long renewMs = config.renewInterval().toMillis();
    long progressMs = config.progressInterval().toMillis();
    ScheduledFuture<?> renewal = watchdog.scheduleWithFixedDelay(() -> renew(r), renewMs, renewMs, TimeUnit.MILLISECONDS);
    ScheduledFuture<?> progress = watchdog.scheduleWithFixedDelay(() -> flushProgress(r), progressMs, progressMs,
        TimeUnit.MILLISECONDS);
    try {
      if (lease.kind() == JobKind.ANALYSIS) {
        runAnalysis(r);
      } else {
        runRender(r);
      }
    } finally {
      renewal.cancel(false);
      progress.cancel(false);
      running.remove(lease.jobId());
    }
  }

  private void renew(Running r) {
    try {
      LeaseStatus status = store.renew(r.lease, config.leaseDuration());
      if (status == LeaseStatus.LOST) {
        r.stop(Cancellation.Reason.LEASE_LOST);
      } else if (status == LeaseStatus.CANCEL_REQUESTED) {
        r.stop(Cancellation.Reason.CANCELLED);
      }
    } catch (RuntimeException e) {
      LOG.warn("renewing the lease of job {} failed; will try again", r.lease.jobId(), e);
    }
  }

  private void flushProgress(Running r) {
    double fraction = r.progress;
    if (fraction > r.storedProgress) {
      try {
        if (store.reportProgress(r.lease, fraction)) {
          r.storedProgress = fraction;
        }
      } catch (RuntimeException e) {
        LOG.warn("storing progress of job {} failed", r.lease.jobId(), e);
      }
    }
  }

  // ---------------------------------------------------------------- analysis

  private void runAnalysis(Running r) {
    JobLease lease = r.lease;
    DemoRecord demo = store.findDemo(lease.subjectId()).orElse(null);
    if (demo == null) {
      failJob(r, "demo " + lease.subjectId() + " not found");
      return;
    }
    Path path = files.original(demo.id(), demo.extension());
    Retry retry = retry("greatshot-analysis-" + lease.jobId(), r, config.analysisRetries(), config.analysisRetryWait());
    AnalysisOutcome outcome;
    try {
      outcome = retry.executeCallable(() -> attempt(r, config.analysisTimeout(), "analysis",
          () -> analyzer.analyze(path, r, r.cancel)));
    } catch (Exception e) {
      handleFailure(r, e, "analysis");
      return;
    }
    if (r.cancel.isCancelled()) {
      handleFailure(r, new AnalysisCancelledException(r.cancel.reason().orElseThrow()), "analysis");
      return;
    }
    try {
      files.writeArtifact(demo.id(), "analysis.json", outcome.analysisJson());
      files.writeArtifact(demo.id(), "report.txt", outcome.reportText().getBytes(java.nio.charset.StandardCharsets.UTF_8));
      files.writeArtifact(demo.id(), "report.html", outcome.reportHtml().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    } catch (IOException e) {
      failJob(r, "writing analysis artifacts failed: " + e);
      return;
    }
    if (store.commitAnalysis(lease, toRecord(demo.id(), outcome))) {
      events.onSucceeded(lease);
    } else {
      events.onLeaseLost(lease);
    }
  }

  private static AnalysisRecord toRecord(String demoId, AnalysisOutcome o) {
    List<HighlightRecord> highlights = new ArrayList<>();
    for (AnalysisOutcome.Highlight h : o.highlights()) {
      highlights.add(new HighlightRecord(UUID.randomUUID().toString().replace("-", ""), demoId, h.type(), h.client(),
          h.playerName(), h.startMs(), h.endMs(), h.kills(), h.score(), h.explanation()));
    }
    List<PlayerStatsRecord> players = new ArrayList<>();
    for (AnalysisOutcome.PlayerStats p : o.players()) {
      players.add(new PlayerStatsRecord(p.name(), p.cleanName(), p.kills(), p.deaths(), p.headshots(), p.damageGiven(),
          p.damageReceived(), p.shots(), p.hits(), p.timePlayedMs()));
    }
    return new AnalysisRecord(o.mapName(), o.totalKills(), highlights, players);
  }

  // ---------------------------------------------------------------- render (clip extraction)

  private void runRender(Running r) {
    JobLease lease = r.lease;
    HighlightRecord h = store.findHighlight(lease.subjectId()).orElse(null);
    DemoRecord demo = h == null ? null : store.findDemo(h.demoId()).orElse(null);
    if (h == null || demo == null) {
      failJob(r, "highlight " + lease.subjectId() + " or its demo not found");
      return;
    }
    Retry retry = retry("greatshot-render-" + lease.jobId(), r, config.renderRetries(), config.renderRetryWait());
    boolean done;
    try {
      done = retry.executeCallable(() -> renderAttempt(r, h, demo));
    } catch (Exception e) {
      handleFailure(r, e, "clip extraction");
      return;
    }
    if (!done) {
      return; // released: another worker holds the clip claim
    }
    if (store.complete(lease)) {
      events.onSucceeded(lease);
    } else {
      events.onLeaseLost(lease);
    }
  }

  private boolean renderAttempt(Running r, HighlightRecord h, DemoRecord demo) throws Exception {
    Duration clipLease = config.renderTimeout().plus(config.leaseDuration());
    ClipClaim claim = store.claimClip(h.id(), r.lease.owner() + "#" + r.lease.token(), clipLease);
    if (claim instanceof ClipClaim.Done) {
      return true;
    }
    if (claim instanceof ClipClaim.HeldByOther other) {
      Instant soon = clock.instant().plus(config.clipWait());
      Instant notBefore = other.leaseUntil().isBefore(soon) ? other.leaseUntil() : soon;
      if (!store.release(r.lease, notBefore)) {
        events.onLeaseLost(r.lease);
      }
      return false;
    }
    ClipClaim.Claimed claimed = (ClipClaim.Claimed) claim;
    Path original = files.original(demo.id(), demo.extension());
    try (DemoFiles.StagedFile staged = files.stage()) {
      attempt(r, config.renderTimeout(), "clip extraction", () -> {
        cutter.cut(original, h.startMs(), h.endMs(), staged.stream(), r.cancel);
        return Boolean.TRUE;
      });
      r.cancel.throwIfCancelled();
      Path clip = staged.commitClip(demo.id(), h.id(), demo.extension());
      if (!store.completeClip(claimed, clip.toString())) {
        throw new TransientAnalysisException("clip claim of highlight " + h.id() + " was lost");
      }
      return true;
    } catch (Exception e) {
      store.releaseClip(claimed);
      throw e;
    }
  }

  // ---------------------------------------------------------------- shared

  private Retry retry(String name, Running r, int retries, Duration wait) {
    RetryConfig rc = RetryConfig.custom()
        .maxAttempts(retries + 1)
        .waitDuration(wait)
        .retryOnException(e -> !r.cancel.isCancelled() && isTransient(e))
        .failAfterMaxAttempts(false)
        .build();
    Retry retry = Retry.of(name, rc);
    retry.getEventPublisher().onRetry(ev -> events.onRetry(r.lease, ev.getNumberOfRetryAttempts(),
        Objects.requireNonNull(ev.getLastThrowable()), ev.getWaitInterval()));
    return retry;
  }

  private static boolean isTransient(Throwable e) {
    return e instanceof TransientAnalysisException || e instanceof IOException || e instanceof UncheckedIOException;
  }

  /** One analyzer/cutter run under the hard timeout; interrupts are allowed only inside {@code work}. */
  private <T> T attempt(Running r, Duration timeout, String what, Callable<T> work) throws Exception {
    r.cancel.throwIfCancelled();
    if (!store.recordAttempt(r.lease)) {
      r.stop(Cancellation.Reason.LEASE_LOST);
      r.cancel.throwIfCancelled();
    }
    ScheduledFuture<?> timer = watchdog.schedule(() -> onTimeout(r, timeout, what), timeout.toMillis(),
        TimeUnit.MILLISECONDS);
    r.beginAttempt();
    try {
      return work.call();
    } finally {
      r.endAttempt();
      timer.cancel(false);
      if (r.cancel.isCancelled()) {
        Thread.interrupted();
      }
    }
  }

  private void onTimeout(Running r, Duration timeout, String what) {
    if (!r.stop(Cancellation.Reason.TIMEOUT)) {
      return;
    }
    String message = timeoutMessage(what, timeout);
    LOG.info("job {}: {}", r.lease.jobId(), message);
    failJob(r, message);
  }

  private static String timeoutMessage(String what, Duration timeout) {
    return what + " timed out after " + timeout.toMillis() + " ms";
  }

  private void handleFailure(Running r, Exception e, String what) {
    Optional<Cancellation.Reason> reason = r.cancel.reason();
    if (reason.isPresent()) {
      switch (reason.get()) {
        case TIMEOUT -> failJob(r, timeoutMessage(what, what.equals("analysis") ? config.analysisTimeout() : config.renderTimeout()));
        case CANCELLED -> {
          if (store.finishCancelled(r.lease)) {
            events.onCancelled(r.lease);
          }
        }
        case LEASE_LOST -> events.onLeaseLost(r.lease);
        case SHUTDOWN -> {
          if (!store.release(r.lease, clock.instant())) {
            events.onLeaseLost(r.lease);
          }
        }
      }
      return;
    }
    if (e instanceof CorruptDemoException) {
      failJob(r, e.getMessage());
    } else if (isTransient(e)) {
      failJob(r, what + " failed after " + r.attempts + " attempts: " + e.getMessage());
    } else {
      LOG.warn("job {}: {} failed with an unexpected error", r.lease.jobId(), what, e);
      failJob(r, what + " failed: " + e);
    }
  }

  private void failJob(Running r, String error) {
    String bounded = error.length() > 1200 ? error.substring(0, 1200) : error;
    if (store.fail(r.lease, bounded)) {
      events.onFailed(r.lease, bounded);
    }
  }

  /** One job being run by this runner; also its progress sink. */
  private final class Running implements AnalysisProgress {
    final JobLease lease;
    final Thread thread;
    final Cancellation cancel = new Cancellation();
    private final Object lock = new Object();
    private boolean inAttempt; // @GuardedBy("lock")
    volatile int attempts;
    volatile double progress;
    volatile double storedProgress;
    private int publishedPercent = -1; // analyzing thread only

    Running(JobLease lease, Thread thread) {
      this.lease = lease;
      this.thread = thread;
    }

    /** Sets the reason and interrupts the worker if it is inside the analyzer; false if already stopped. */
    boolean stop(Cancellation.Reason reason) {
      if (!cancel.cancel(reason)) {
        return false;
      }
      synchronized (lock) {
        if (inAttempt) {
          thread.interrupt();
        }
      }
      return true;
    }

    void beginAttempt() {
      attempts++;
      synchronized (lock) {
        inAttempt = true;
      }
      if (cancel.isCancelled()) {
        endAttempt();
        cancel.throwIfCancelled();
      }
    }

    void endAttempt() {
      synchronized (lock) {
        inAttempt = false;
      }
    }

    @Override
    public void bytesParsed(long parsed, long total) {
      double fraction = total <= 0 ? 0 : Math.max(0, Math.min(1, parsed / (double) total));
      progress = fraction;
      int percent = (int) (fraction * 100);
      if (percent > publishedPercent) {
        publishedPercent = percent;
        events.onProgress(lease, fraction);
      }
    }
  }

}
