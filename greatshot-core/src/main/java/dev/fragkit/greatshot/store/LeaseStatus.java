package dev.fragkit.greatshot.store;

/** Answer to a lease renewal. */
public enum LeaseStatus {
  /** Still ours, extended. */
  HELD,
  /** Still ours, extended, but someone asked to cancel the job: stop and call {@link JobQueue#finishCancelled}. */
  CANCEL_REQUESTED,
  /** Expired and reclaimed, or finished by someone else: stop and write nothing. */
  LOST
}
