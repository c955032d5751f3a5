package dev.fragkit.greatshot.job;

import dev.fragkit.greatshot.store.JobLease;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Records job events and lets tests block until some arrive (no sleeping). Thread-safe. */
final class RecordingEvents implements JobEvents {
  final BlockingQueue<String> terminal = new LinkedBlockingQueue<>();
  final BlockingQueue<JobLease> claimed = new LinkedBlockingQueue<>();
  final Map<String, String> outcomeBySubject = new ConcurrentHashMap<>();
  final Map<String, List<Double>> progress = new ConcurrentHashMap<>();
  final List<String> retries = new CopyOnWriteArrayList<>();
  final List<String> claimOrder = new CopyOnWriteArrayList<>();

  @Override
  public void onClaimed(JobLease lease) {
    assertNoLockHeld();
    claimOrder.add(lease.subjectId());
    claimed.add(lease);
  }

  @Override
  public void onProgress(JobLease lease, double fraction) {
    progress.computeIfAbsent(lease.subjectId(), k -> new CopyOnWriteArrayList<>()).add(fraction);
  }

  @Override
  public void onRetry(JobLease lease, int attempt, Throwable error, Duration wait) {
    retries.add(lease.subjectId() + " #" + attempt + ": " + error.getMessage());
  }

  @Override
  public void onSucceeded(JobLease lease) {
    end(lease, "succeeded");
  }

  @Override
  public void onFailed(JobLease lease, String error) {
    end(lease, "failed: " + error);
  }

  @Override
  public void onCancelled(JobLease lease) {
    end(lease, "cancelled");
  }

  @Override
  public void onLeaseLost(JobLease lease) {
    end(lease, "lost");
  }

  private void end(JobLease lease, String outcome) {
    assertNoLockHeld();
    String previous = outcomeBySubject.put(lease.subjectId() + "/" + lease.jobId(), outcome);
    if (previous != null) {
      throw new AssertionError("second terminal event for job " + lease.jobId() + ": " + previous + " then " + outcome);
    }
    terminal.add(lease.subjectId() + " " + outcome);
  }

  private static void assertNoLockHeld() {
    // The runner promises never to call listeners while holding its locks.
    if (Thread.holdsLock(RecordingEvents.class)) {
      throw new AssertionError("listener called under a lock");
    }
  }

  /** Waits for {@code n} terminal events and returns them. */
  List<String> awaitTerminal(int n) throws InterruptedException {
    List<String> out = new java.util.ArrayList<>();
    for (int i = 0; i < n; i++) {
      String e = terminal.poll(60, TimeUnit.SECONDS);
      if (e == null) {
        throw new AssertionError("only " + out.size() + " of " + n + " jobs finished: " + out);
      }
      out.add(e);
    }
    return out;
  }

  JobLease awaitClaim() throws InterruptedException {
    JobLease lease = claimed.poll(60, TimeUnit.SECONDS);
    if (lease == null) {
      throw new AssertionError("no job was claimed");
    }
    return lease;
  }
}
