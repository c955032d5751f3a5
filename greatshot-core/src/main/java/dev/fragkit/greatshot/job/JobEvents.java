package dev.fragkit.greatshot.job;

import dev.fragkit.greatshot.store.JobLease;
import java.time.Duration;

/**
 * Observes jobs run by a {@link JobRunner}. Called on worker (or watchdog) threads, never while the
 * runner holds a lock; implementations must be fast, non-blocking and thread-safe. All hooks are
 * no-ops by default; {@link #NONE} ignores everything.
 */
public interface JobEvents {
  JobEvents NONE = new JobEvents() {};

  default void onClaimed(JobLease lease) {}

  /** {@code fraction} of the demo's bytes parsed, 0..1; published at most once per percent. */
  default void onProgress(JobLease lease, double fraction) {}

  /** Attempt {@code attempt} failed with a transient error; the next starts after {@code wait}. */
  default void onRetry(JobLease lease, int attempt, Throwable error, Duration wait) {}

  default void onSucceeded(JobLease lease) {}

  default void onFailed(JobLease lease, String error) {}

  default void onCancelled(JobLease lease) {}

  /** The lease expired and the job was (or may be) reclaimed elsewhere; this worker wrote nothing. */
  default void onLeaseLost(JobLease lease) {}
}
