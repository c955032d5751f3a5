package dev.fragkit.greatshot.store;

import java.time.Instant;
import java.util.Objects;

/**
 * Proof that a worker holds a job until {@code leaseUntil}. {@code token} is unique per claim, so a
 * worker whose lease expired and was reclaimed (even by a worker with the same name) can no longer
 * change the job: every mutating call is conditional on the token. Immutable.
 */
public record JobLease(String jobId, JobKind kind, String subjectId, String owner, String token, Instant leaseUntil, int claims) {
  public JobLease {
    Objects.requireNonNull(jobId, "jobId");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(subjectId, "subjectId");
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(token, "token");
    Objects.requireNonNull(leaseUntil, "leaseUntil");
  }

  public JobLease withLeaseUntil(Instant until) {
    return new JobLease(jobId, kind, subjectId, owner, token, until, claims);
  }
}
