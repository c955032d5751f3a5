package dev.fragkit.greatshot.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The reference {@link GreatshotStore}: plain maps under one lock, for embedding, single-process
 * use and tests. Thread-safe (every method holds one monitor; no callbacks are made).
 */
public final class InMemoryGreatshotStore implements GreatshotStore {
  private final Object lock = new Object();
  private final Clock clock;
  // @GuardedBy("lock") for all maps and counters below
  private final Map<String, DemoRecord> demos = new HashMap<>();
  private final Map<String, String> demoBySha = new HashMap<>();
  private final Map<String, Job> jobs = new HashMap<>();
  private final Map<String, AnalysisRecord> analyses = new HashMap<>();
  private final Map<String, HighlightRecord> highlights = new HashMap<>();
  private final Map<String, Clip> clips = new HashMap<>();
  private long sequence;

  public InMemoryGreatshotStore(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  private static final class Job {
    final String id;
    final JobKind kind;
    final String subject;
    final int priority;
    final long seq;
    final Instant createdAt;
    JobState state = JobState.QUEUED;
    int claims;
    int attempts;
    double progress;
    @Nullable String owner;
    @Nullable String token;
    @Nullable Instant leaseUntil;
    Instant runAfter = Instant.MIN;
    boolean cancelRequested;
    @Nullable String error;

    Job(String id, JobKind kind, String subject, int priority, long seq, Instant createdAt) {
      this.id = id;
      this.kind = kind;
      this.subject = subject;
      this.priority = priority;
      this.seq = seq;
      this.createdAt = createdAt;
    }

    JobRecord record() {
      return new JobRecord(id, kind, subject, priority, state, claims, attempts, progress, owner, leaseUntil,
          cancelRequested, error, createdAt);
    }
  }

  private static final class Clip {
    @Nullable String owner;
    @Nullable String token;
    @Nullable Instant leaseUntil;
    @Nullable String path;
  }

  // ---- demos

  @Override
  public InsertResult insertDemo(NewDemo demo, int analysisPriority) {
    synchronized (lock) {
      String existing = demoBySha.get(demo.sha256());
      if (existing != null) {
        return new InsertResult(demos.get(existing), false);
      }
      if (demos.containsKey(demo.id())) {
        throw new IllegalArgumentException("demo id already used: " + demo.id());
      }
      DemoRecord record = new DemoRecord(demo.id(), demo.sha256(), demo.originalFilename(), demo.extension(),
          demo.sizeBytes(), DemoStatus.QUEUED, null, clock.instant());
      demos.put(demo.id(), record);
      demoBySha.put(demo.sha256(), demo.id());
      enqueueLocked(JobKind.ANALYSIS, demo.id(), analysisPriority);
      return new InsertResult(record, true);
    }
  }

  @Override
  public Optional<DemoRecord> findDemo(String id) {
    synchronized (lock) {
      return Optional.ofNullable(demos.get(id));
    }
  }

  @Override
  public Optional<DemoRecord> findDemoBySha256(String sha256) {
    synchronized (lock) {
      return Optional.ofNullable(demoBySha.get(sha256)).map(demos::get);
    }
  }

  @Override
  public List<String> demoIds() {
    synchronized (lock) {
      return List.copyOf(demos.keySet());
    }
  }

  @Override
  public boolean markDemoFailed(String id, String error) {
    synchronized (lock) {
      return setDemoStatus(id, DemoStatus.FAILED, error);
    }
  }

  private boolean setDemoStatus(String id, DemoStatus status, @Nullable String error) {
    DemoRecord d = demos.get(id);
    if (d == null) {
      return false;
    }
    demos.put(id, new DemoRecord(d.id(), d.sha256(), d.originalFilename(), d.extension(), d.sizeBytes(), status,
        error, d.createdAt()));
    return true;
  }

  // ---- jobs

  @Override
  public String enqueue(JobKind kind, String subjectId, int priority) {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(subjectId, "subjectId");
    synchronized (lock) {
      return enqueueLocked(kind, subjectId, priority);
    }
  }

  private String enqueueLocked(JobKind kind, String subjectId, int priority) {
    String id = UUID.randomUUID().toString().replace("-", "");
    jobs.put(id, new Job(id, kind, subjectId, priority, ++sequence, clock.instant()));
    return id;
  }

  @Override
  public Optional<JobLease> claim(String owner, Set<JobKind> kinds, Duration lease, int maxClaims) {
    synchronized (lock) {
      Instant now = clock.instant();
      Predicate<Job> eligible = j -> kinds.contains(j.kind)
          && ((j.state == JobState.QUEUED && !j.runAfter.isAfter(now)) || (j.state == JobState.RUNNING && j.leaseUntil != null && j.leaseUntil.isBefore(now)));
      List<Job> candidates = jobs.values().stream().filter(eligible)
          .sorted(Comparator.comparingInt((Job j) -> -j.priority).thenComparingLong(j -> j.seq))
          .toList();
      for (Job j : candidates) {
        if (j.claims >= maxClaims) {
          j.state = JobState.FAILED;
          j.error = "lost by " + j.claims + " workers (maxClaims " + maxClaims + ")";
          j.owner = null;
          j.token = null;
          if (j.kind == JobKind.ANALYSIS) {
            setDemoStatus(j.subject, DemoStatus.FAILED, j.error);
          }
          continue;
        }
        j.state = JobState.RUNNING;
        j.claims++;
        j.owner = owner;
        j.token = UUID.randomUUID().toString();
        j.leaseUntil = now.plus(lease);
        if (j.kind == JobKind.ANALYSIS) {
          setDemoStatus(j.subject, DemoStatus.SCANNING, null);
        }
        return Optional.of(new JobLease(j.id, j.kind, j.subject, owner, j.token, j.leaseUntil, j.claims));
      }
      return Optional.empty();
    }
  }

  /** The job if {@code lease} still holds it (running, same token, not expired). */
  private @Nullable Job held(JobLease lease) {
    Job j = jobs.get(lease.jobId());
    if (j == null || j.state != JobState.RUNNING || !lease.token().equals(j.token)
        || j.leaseUntil == null || j.leaseUntil.isBefore(clock.instant())) {
      return null;
    }
    return j;
  }

  @Override
  public LeaseStatus renew(JobLease lease, Duration leaseDuration) {
    synchronized (lock) {
      Job j = held(lease);
      if (j == null) {
        return LeaseStatus.LOST;
      }
      j.leaseUntil = clock.instant().plus(leaseDuration);
      return j.cancelRequested ? LeaseStatus.CANCEL_REQUESTED : LeaseStatus.HELD;
    }
  }

  @Override
  public boolean reportProgress(JobLease lease, double fraction) {
    synchronized (lock) {
      Job j = held(lease);
      if (j == null) {
        return false;
      }
      j.progress = Math.max(0, Math.min(1, fraction));
      return true;
    }
  }

  @Override
  public boolean recordAttempt(JobLease lease) {
    synchronized (lock) {
      Job j = held(lease);
      if (j == null) {
        return false;
      }
      j.attempts++;
      return true;
    }
  }

  @Override
  public boolean complete(JobLease lease) {
    synchronized (lock) {
      return finish(lease, JobState.SUCCEEDED, null);
    }
  }

  @Override
  public boolean fail(JobLease lease, String error) {
    synchronized (lock) {
      return finish(lease, JobState.FAILED, error);
    }
  }

  @Override
  public boolean release(JobLease lease, Instant notBefore) {
    synchronized (lock) {
      Job j = held(lease);
      if (j == null) {
        return false;
      }
      j.state = JobState.QUEUED;
      j.claims--;
      j.owner = null;
      j.token = null;
      j.leaseUntil = null;
      j.runAfter = notBefore;
      return true;
    }
  }

  @Override
  public boolean finishCancelled(JobLease lease) {
    synchronized (lock) {
      return finish(lease, JobState.CANCELLED, "cancelled");
    }
  }

  private boolean finish(JobLease lease, JobState state, @Nullable String error) {
    Job j = held(lease);
    if (j == null) {
      return false;
    }
    j.state = state;
    j.error = error;
    j.owner = null;
    j.token = null;
    j.leaseUntil = null;
    if (state == JobState.SUCCEEDED) {
      j.progress = 1;
    }
    if (j.kind == JobKind.ANALYSIS && state != JobState.SUCCEEDED) {
      setDemoStatus(j.subject, DemoStatus.FAILED, error);
    }
    return true;
  }

  @Override
  public boolean requestCancel(String jobId) {
    synchronized (lock) {
      Job j = jobs.get(jobId);
      if (j == null || j.state.isFinal()) {
        return false;
      }
      if (j.state == JobState.QUEUED) {
        j.state = JobState.CANCELLED;
        j.error = "cancelled";
        if (j.kind == JobKind.ANALYSIS) {
          setDemoStatus(j.subject, DemoStatus.FAILED, "cancelled");
        }
      } else {
        j.cancelRequested = true;
      }
      return true;
    }
  }

  @Override
  public Optional<JobRecord> findJob(String jobId) {
    synchronized (lock) {
      return Optional.ofNullable(jobs.get(jobId)).map(Job::record);
    }
  }

  @Override
  public Optional<JobRecord> latestJobFor(JobKind kind, String subjectId) {
    synchronized (lock) {
      return jobs.values().stream().filter(j -> j.kind == kind && j.subject.equals(subjectId))
          .max(Comparator.comparingLong(j -> j.seq)).map(Job::record);
    }
  }

  // ---- analyses

  @Override
  public boolean commitAnalysis(JobLease lease, AnalysisRecord analysis) {
    if (lease.kind() != JobKind.ANALYSIS) {
      throw new IllegalArgumentException("not an analysis job lease: " + lease.kind());
    }
    synchronized (lock) {
      Job j = held(lease);
      if (j == null) {
        return false;
      }
      String demoId = j.subject;
      if (!demos.containsKey(demoId)) {
        throw new NoSuchDemoException(demoId);
      }
      for (HighlightRecord h : analysis.highlights()) {
        if (!h.demoId().equals(demoId)) {
          throw new IllegalArgumentException("highlight " + h.id() + " belongs to demo " + h.demoId() + ", not " + demoId);
        }
      }
      finish(lease, JobState.SUCCEEDED, null);
      highlights.values().removeIf(h -> h.demoId().equals(demoId));
      analysis.highlights().forEach(h -> highlights.put(h.id(), h));
      analyses.put(demoId, analysis);
      setDemoStatus(demoId, DemoStatus.ANALYZED, null);
      return true;
    }
  }

  @Override
  public Optional<AnalysisRecord> findAnalysis(String demoId) {
    synchronized (lock) {
      return Optional.ofNullable(analyses.get(demoId));
    }
  }

  @Override
  public List<HighlightRecord> highlights(String demoId) {
    synchronized (lock) {
      return highlights.values().stream().filter(h -> h.demoId().equals(demoId))
          .sorted(Comparator.comparingDouble(HighlightRecord::score).reversed().thenComparingLong(HighlightRecord::startMs))
          .toList();
    }
  }

  @Override
  public Optional<HighlightRecord> findHighlight(String highlightId) {
    synchronized (lock) {
      return Optional.ofNullable(highlights.get(highlightId));
    }
  }

  // ---- clip claims

  @Override
  public ClipClaim claimClip(String highlightId, String owner, Duration lease) {
    synchronized (lock) {
      Instant now = clock.instant();
      Clip c = clips.computeIfAbsent(highlightId, k -> new Clip());
      if (c.path != null) {
        return new ClipClaim.Done(highlightId, c.path);
      }
      if (c.token != null && c.leaseUntil != null && !c.leaseUntil.isBefore(now)) {
        return new ClipClaim.HeldByOther(highlightId, Objects.requireNonNull(c.owner), c.leaseUntil);
      }
      c.owner = owner;
      c.token = UUID.randomUUID().toString();
      c.leaseUntil = now.plus(lease);
      return new ClipClaim.Claimed(highlightId, owner, c.token, c.leaseUntil);
    }
  }

  @Override
  public boolean completeClip(ClipClaim.Claimed claim, String clipPath) {
    synchronized (lock) {
      Clip c = clips.get(claim.highlightId());
      if (c == null || c.path != null || !claim.token().equals(c.token)
          || c.leaseUntil == null || c.leaseUntil.isBefore(clock.instant())) {
        return false;
      }
      c.path = clipPath;
      c.token = null;
      c.leaseUntil = null;
      return true;
    }
  }

  @Override
  public boolean releaseClip(ClipClaim.Claimed claim) {
    synchronized (lock) {
      Clip c = clips.get(claim.highlightId());
      if (c == null || c.path != null || !claim.token().equals(c.token)) {
        return false;
      }
      c.token = null;
      c.owner = null;
      c.leaseUntil = null;
      return true;
    }
  }

  // ---- topshots

  @Override
  public List<DemoKills> topKills(Page page) {
    synchronized (lock) {
      return analyses.entrySet().stream().filter(e -> e.getValue().totalKills() > 0)
          .map(e -> {
            DemoRecord d = demos.get(e.getKey());
            AnalysisRecord a = e.getValue();
            return new DemoKills(d.id(), d.originalFilename(), a.mapName(), a.totalKills(), a.players().size(), d.createdAt());
          })
          .sorted(Comparator.comparingInt(DemoKills::totalKills).reversed().thenComparing(DemoKills::demoId))
          .skip(page.offset()).limit(page.limit()).toList();
    }
  }

  private Stream<PlayerRow> playerRows() {
    return analyses.entrySet().stream().flatMap(e -> {
      DemoRecord d = demos.get(e.getKey());
      AnalysisRecord a = e.getValue();
      return a.players().stream().map(p -> new PlayerRow(d.id(), d.originalFilename(), a.mapName(), p.cleanName(),
          p.kills(), p.deaths(), p.headshots(), p.damageGiven(), p.accuracy().orElse(-1), d.createdAt()));
    });
  }

  private static final Comparator<PlayerRow> TIE = Comparator.comparing(PlayerRow::demoId).thenComparing(PlayerRow::player);

  @Override
  public List<PlayerRow> topPlayers(Page page) {
    synchronized (lock) {
      return playerRows().sorted(Comparator.comparingInt(PlayerRow::kills).reversed().thenComparing(TIE))
          .skip(page.offset()).limit(page.limit()).toList();
    }
  }

  @Override
  public List<PlayerRow> topAccuracy(int minKills, Page page) {
    synchronized (lock) {
      return playerRows().filter(r -> r.kills() >= minKills && r.accuracy() >= 0)
          .sorted(Comparator.comparingDouble(PlayerRow::accuracy).reversed().thenComparing(TIE))
          .skip(page.offset()).limit(page.limit()).toList();
    }
  }

  @Override
  public List<PlayerRow> topDamage(Page page) {
    synchronized (lock) {
      return playerRows().sorted(Comparator.comparingLong(PlayerRow::damageGiven).reversed().thenComparing(TIE))
          .skip(page.offset()).limit(page.limit()).toList();
    }
  }

  @Override
  public List<Multikill> topMultikills(Page page) {
    synchronized (lock) {
      List<Multikill> rows = new ArrayList<>();
      for (HighlightRecord h : highlights.values()) {
        if (h.kills() >= 2) {
          DemoRecord d = demos.get(h.demoId());
          AnalysisRecord a = analyses.get(h.demoId());
          rows.add(new Multikill(h.id(), h.demoId(), h.type(), h.player(), h.kills(), h.score(), d.originalFilename(),
              a == null ? "" : a.mapName(), d.createdAt()));
        }
      }
      return rows.stream()
          .sorted(Comparator.comparingDouble(Multikill::score).reversed().thenComparing(Multikill::highlightId))
          .skip(page.offset()).limit(page.limit()).toList();
    }
  }
}
