package dev.fragkit.greatshot.store;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * A durable job queue with leases. A claim gives one worker exclusive use of a job until its lease
 * expires; after that any worker (in any process) may reclaim it. Every mutation by a worker is
 * conditional on its {@link JobLease#token()}, so a worker that lost its lease writes nothing.
 *
 * <p>Time comes from the implementation's injected {@code Clock}; processes sharing one store need
 * clocks that agree to well within the lease duration.
 *
 * <p>Implementations are thread-safe; the JDBC one is safe across processes.
 */
public interface JobQueue {
  /** Enqueues a job; higher {@code priority} runs first, then older first. Returns its id. */
  String enqueue(JobKind kind, String subjectId, int priority);

  /**
   * Claims the best eligible job of one of {@code kinds}: queued and due, or running with an expired
   * lease. A job already claimed {@code maxClaims} times is failed ("lost by N workers") instead of
   * being claimed again, so a job that kills its workers cannot loop forever. Claiming an analysis
   * job marks its demo {@link DemoStatus#SCANNING}.
   */
  Optional<JobLease> claim(String owner, Set<JobKind> kinds, Duration lease, int maxClaims);

  /** Extends the lease by {@code lease} from now. */
  LeaseStatus renew(JobLease lease, Duration leaseDuration);

  /** Stores progress (0..1); false when the lease was lost. */
  boolean reportProgress(JobLease lease, double fraction);

  /** Counts one more analyzer/cutter attempt; false when the lease was lost. */
  boolean recordAttempt(JobLease lease);

  /** Marks the job succeeded (render jobs; analysis jobs finish through {@link AnalysisStore#commitAnalysis}). */
  boolean complete(JobLease lease);

  /** Marks the job failed with {@code error}; for an analysis job its demo becomes {@link DemoStatus#FAILED} too. */
  boolean fail(JobLease lease, String error);

  /**
   * Gives the job back without counting the claim: it becomes queued again, claimable from
   * {@code notBefore} on (used when a render job must wait for another worker's clip claim).
   */
  boolean release(JobLease lease, java.time.Instant notBefore);

  /** Marks the job cancelled after a cancel request; an analysis job's demo becomes failed ("cancelled"). */
  boolean finishCancelled(JobLease lease);

  /**
   * Asks to cancel a job: a queued job is cancelled at once, a running one gets a flag its worker sees
   * on the next lease renewal. False when the job is unknown or already final.
   */
  boolean requestCancel(String jobId);

  Optional<JobRecord> findJob(String jobId);

  /** The most recently created job of {@code kind} for {@code subjectId}. */
  Optional<JobRecord> latestJobFor(JobKind kind, String subjectId);
}
