package dev.fragkit.adapters.jdbc.greatshot;

import dev.fragkit.adapters.jdbc.JdbcDatabase;
import dev.fragkit.greatshot.store.AnalysisRecord;
import dev.fragkit.greatshot.store.ClipClaim;
import dev.fragkit.greatshot.store.DemoRecord;
import dev.fragkit.greatshot.store.DemoStatus;
import dev.fragkit.greatshot.store.GreatshotStore;
import dev.fragkit.greatshot.store.HighlightRecord;
import dev.fragkit.greatshot.store.InsertResult;
import dev.fragkit.greatshot.store.JobKind;
import dev.fragkit.greatshot.store.JobLease;
import dev.fragkit.greatshot.store.JobRecord;
import dev.fragkit.greatshot.store.JobState;
import dev.fragkit.greatshot.store.LeaseStatus;
import dev.fragkit.greatshot.store.NewDemo;
import dev.fragkit.greatshot.store.NoSuchDemoException;
import dev.fragkit.greatshot.store.Page;
import dev.fragkit.greatshot.store.PlayerStatsRecord;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jspecify.annotations.Nullable;

/**
 * {@link GreatshotStore} on PostgreSQL or embedded H2 through Jdbi. Schema: Flyway domain
 * {@code greatshot} (migrated by {@link #open}).
 *
 * <p>Job claims: on PostgreSQL {@code SELECT … FOR UPDATE SKIP LOCKED} picks the best eligible row
 * that no other transaction is claiming, so concurrent claimers never wait on each other. On H2 a
 * candidate list is read without locks and each candidate is taken with a conditional
 * {@code UPDATE … WHERE id = ? AND <still eligible>}; the update count (1 or 0) decides who won.
 * Every mutation by a lease holder is conditional on its token and an unexpired lease.
 *
 * <p>Times come from the injected {@link Clock}, stored as epoch milliseconds.
 *
 * <p>Thread-safe and safe across processes sharing the database.
 */
public final class JdbcGreatshotStore implements GreatshotStore {
  private static final String UNIQUE_VIOLATION = "23505";
  private static final String HELD = "state = 'running' AND token = :token AND lease_until_ms >= :now";
  private static final String ELIGIBLE = "((state = 'queued' AND run_after_ms <= :now) OR (state = 'running' AND lease_until_ms < :now))";

  private final Jdbi jdbi;
  private final JdbcDatabase.Dialect dialect;
  private final Clock clock;

  private JdbcGreatshotStore(JdbcDatabase db, Clock clock) {
    this.jdbi = db.jdbi();
    this.dialect = db.dialect();
    this.clock = clock;
  }

  /** Migrates the {@code greatshot} schema of {@code db} and returns a store on it (the caller keeps owning {@code db}). */
  public static JdbcGreatshotStore open(JdbcDatabase db, Clock clock) {
    Objects.requireNonNull(db, "db");
    Objects.requireNonNull(clock, "clock");
    db.migrate("greatshot");
    return new JdbcGreatshotStore(db, clock);
  }

  private long now() {
    return clock.instant().toEpochMilli();
  }

  private static String newId() {
    return UUID.randomUUID().toString().replace("-", "");
  }

  static boolean isUniqueViolation(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
        return true;
      }
    }
    return false;
  }

  private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
    long v = rs.getLong(column);
    return rs.wasNull() ? null : Instant.ofEpochMilli(v);
  }

  // ---------------------------------------------------------------- demos

  private static final String DEMO_COLUMNS = "id, sha256, original_filename, extension, size_bytes, status, error, created_ms";

  private static DemoRecord demo(ResultSet rs) throws SQLException {
    return new DemoRecord(rs.getString("id"), rs.getString("sha256"), rs.getString("original_filename"),
        rs.getString("extension"), rs.getLong("size_bytes"), DemoStatus.fromWire(rs.getString("status")),
        rs.getString("error"), Instant.ofEpochMilli(rs.getLong("created_ms")));
  }

  @Override
  public InsertResult insertDemo(NewDemo demo, int analysisPriority) {
    long now = now();
    try {
      DemoRecord inserted = jdbi.inTransaction(h -> {
        h.createUpdate("INSERT INTO greatshot_demos (id, sha256, original_filename, extension, size_bytes, status, "
                + "created_ms, updated_ms) VALUES (:id, :sha, :name, :ext, :size, 'queued', :now, :now)")
            .bind("id", demo.id()).bind("sha", demo.sha256()).bind("name", demo.originalFilename())
            .bind("ext", demo.extension()).bind("size", demo.sizeBytes()).bind("now", now)
            .execute();
        enqueue(h, JobKind.ANALYSIS, demo.id(), analysisPriority, now);
        return new DemoRecord(demo.id(), demo.sha256(), demo.originalFilename(), demo.extension(), demo.sizeBytes(),
            DemoStatus.QUEUED, null, Instant.ofEpochMilli(now));
      });
      return new InsertResult(inserted, true);
    } catch (RuntimeException e) {
      if (isUniqueViolation(e)) {
        Optional<DemoRecord> existing = findDemoBySha256(demo.sha256());
        if (existing.isPresent()) {
          return new InsertResult(existing.get(), false);
        }
        throw new IllegalArgumentException("demo id already used: " + demo.id(), e);
      }
      throw e;
    }
  }

  @Override
  public Optional<DemoRecord> findDemo(String id) {
    return jdbi.withHandle(h -> h.createQuery("SELECT " + DEMO_COLUMNS + " FROM greatshot_demos WHERE id = :id")
        .bind("id", id).map((rs, ctx) -> demo(rs)).findOne());
  }

  @Override
  public Optional<DemoRecord> findDemoBySha256(String sha256) {
    return jdbi.withHandle(h -> h.createQuery("SELECT " + DEMO_COLUMNS + " FROM greatshot_demos WHERE sha256 = :sha")
        .bind("sha", sha256).map((rs, ctx) -> demo(rs)).findOne());
  }

  @Override
  public List<String> demoIds() {
    return jdbi.withHandle(h -> h.createQuery("SELECT id FROM greatshot_demos").mapTo(String.class).list());
  }

  @Override
  public boolean markDemoFailed(String id, String error) {
    return jdbi.withHandle(h -> setDemoStatus(h, id, DemoStatus.FAILED, error, now())) == 1;
  }

  private static int setDemoStatus(Handle h, String id, DemoStatus status, @Nullable String error, long now) {
    return h.createUpdate("UPDATE greatshot_demos SET status = :status, error = :error, updated_ms = :now WHERE id = :id")
        .bind("status", status.wireName()).bind("error", error).bind("now", now).bind("id", id).execute();
  }

  // ---------------------------------------------------------------- jobs

  private static String enqueue(Handle h, JobKind kind, String subjectId, int priority, long now) {
    String id = newId();
    h.createUpdate("INSERT INTO greatshot_jobs (id, kind, subject_id, priority, state, claims, attempts, progress, "
            + "run_after_ms, cancel_requested, created_ms, updated_ms) "
            + "VALUES (:id, :kind, :subject, :priority, 'queued', 0, 0, 0, :now, FALSE, :now, :now)")
        .bind("id", id).bind("kind", kind.wireName()).bind("subject", subjectId).bind("priority", priority)
        .bind("now", now).execute();
    return id;
  }

  @Override
  public String enqueue(JobKind kind, String subjectId, int priority) {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(subjectId, "subjectId");
    long now = now();
    return jdbi.withHandle(h -> enqueue(h, kind, subjectId, priority, now));
  }

  private record Candidate(String id, JobKind kind, String subject, int claims) {}

  private static Candidate candidate(ResultSet rs) throws SQLException {
    return new Candidate(rs.getString("id"), JobKind.fromWire(rs.getString("kind")), rs.getString("subject_id"),
        rs.getInt("claims"));
  }

  @Override
  public Optional<JobLease> claim(String owner, Set<JobKind> kinds, Duration lease, int maxClaims) {
    if (kinds.isEmpty()) {
      return Optional.empty();
    }
    List<String> kindNames = kinds.stream().map(JobKind::wireName).sorted().toList();
    return dialect == JdbcDatabase.Dialect.POSTGRESQL
        ? claimSkipLocked(owner, kindNames, lease, maxClaims)
        : claimConditional(owner, kindNames, lease, maxClaims);
  }

  private Optional<JobLease> claimSkipLocked(String owner, List<String> kinds, Duration lease, int maxClaims) {
    while (true) {
      long now = now();
      // One transaction per candidate: a job failed for maxClaims is committed before looking further.
      ClaimStep step = jdbi.inTransaction(h -> {
        Optional<Candidate> c = h.createQuery("SELECT id, kind, subject_id, claims FROM greatshot_jobs "
                + "WHERE kind IN (<kinds>) AND " + ELIGIBLE + " ORDER BY priority DESC, seq LIMIT 1 FOR UPDATE SKIP LOCKED")
            .bindList("kinds", kinds).bind("now", now).map((rs, ctx) -> candidate(rs)).findOne();
        if (c.isEmpty()) {
          return ClaimStep.NONE;
        }
        return take(h, c.get(), owner, lease, maxClaims, now, "");
      });
      if (step != ClaimStep.RETRY) {
        return step.lease();
      }
    }
  }

  private Optional<JobLease> claimConditional(String owner, List<String> kinds, Duration lease, int maxClaims) {
    while (true) {
      long now = now();
      List<Candidate> candidates = jdbi.withHandle(h -> h.createQuery("SELECT id, kind, subject_id, claims FROM greatshot_jobs "
              + "WHERE kind IN (<kinds>) AND " + ELIGIBLE + " ORDER BY priority DESC, seq LIMIT 8")
          .bindList("kinds", kinds).bind("now", now).map((rs, ctx) -> candidate(rs)).list());
      if (candidates.isEmpty()) {
        return Optional.empty();
      }
      for (Candidate c : candidates) {
        // The update re-checks eligibility: of several claimers racing for c, exactly one sees count 1.
        ClaimStep step = jdbi.inTransaction(h -> take(h, c, owner, lease, maxClaims, now, " AND " + ELIGIBLE));
        if (step.lease().isPresent()) {
          return step.lease();
        }
      }
      // All candidates were taken by others (or failed for maxClaims): read the queue again.
    }
  }

  /** Outcome of trying one candidate. */
  private static final class ClaimStep {
    static final ClaimStep NONE = new ClaimStep(null);
    static final ClaimStep RETRY = new ClaimStep(null);
    private final @Nullable JobLease lease;

    ClaimStep(@Nullable JobLease lease) {
      this.lease = lease;
    }

    Optional<JobLease> lease() {
      return Optional.ofNullable(lease);
    }
  }

  /**
   * Claims (or, past maxClaims, fails) candidate {@code c}. {@code guard} is empty under
   * {@code FOR UPDATE} (the row is locked) and the eligibility condition otherwise.
   */
  private ClaimStep take(Handle h, Candidate c, String owner, Duration lease, int maxClaims, long now, String guard) {
    if (c.claims() >= maxClaims) {
      String error = "lost by " + c.claims() + " workers (maxClaims " + maxClaims + ")";
      int n = h.createUpdate("UPDATE greatshot_jobs SET state = 'failed', error = :error, owner = NULL, token = NULL, "
              + "lease_until_ms = NULL, updated_ms = :now WHERE id = :id" + guard)
          .bind("error", error).bind("now", now).bind("id", c.id()).execute();
      if (n == 1 && c.kind() == JobKind.ANALYSIS) {
        setDemoStatus(h, c.subject(), DemoStatus.FAILED, error, now);
      }
      return ClaimStep.RETRY;
    }
    String token = UUID.randomUUID().toString();
    long until = now + lease.toMillis();
    int n = h.createUpdate("UPDATE greatshot_jobs SET state = 'running', claims = claims + 1, owner = :owner, "
            + "token = :token, lease_until_ms = :until, updated_ms = :now WHERE id = :id" + guard)
        .bind("owner", owner).bind("token", token).bind("until", until).bind("now", now).bind("id", c.id()).execute();
    if (n != 1) {
      return ClaimStep.NONE;
    }
    if (c.kind() == JobKind.ANALYSIS) {
      setDemoStatus(h, c.subject(), DemoStatus.SCANNING, null, now);
    }
    return new ClaimStep(new JobLease(c.id(), c.kind(), c.subject(), owner, token, Instant.ofEpochMilli(until), c.claims() + 1));
  }

  private int updateHeld(Handle h, JobLease lease, String set, long now) {
    return h.createUpdate("UPDATE greatshot_jobs SET " + set + ", updated_ms = :now WHERE id = :id AND " + HELD)
        .bind("id", lease.jobId()).bind("token", lease.token()).bind("now", now).execute();
  }

  @Override
  public LeaseStatus renew(JobLease lease, Duration leaseDuration) {
    long now = now();
    return jdbi.withHandle(h -> {
      int n = h.createUpdate("UPDATE greatshot_jobs SET lease_until_ms = :until, updated_ms = :now WHERE id = :id AND " + HELD)
          .bind("until", now + leaseDuration.toMillis()).bind("id", lease.jobId()).bind("token", lease.token())
          .bind("now", now).execute();
      if (n != 1) {
        return LeaseStatus.LOST;
      }
      boolean cancel = h.createQuery("SELECT cancel_requested FROM greatshot_jobs WHERE id = :id")
          .bind("id", lease.jobId()).mapTo(Boolean.class).one();
      return cancel ? LeaseStatus.CANCEL_REQUESTED : LeaseStatus.HELD;
    });
  }

  @Override
  public boolean reportProgress(JobLease lease, double fraction) {
    double f = Math.max(0, Math.min(1, fraction));
    long now = now();
    return jdbi.withHandle(h -> h.createUpdate("UPDATE greatshot_jobs SET progress = :p, updated_ms = :now WHERE id = :id AND " + HELD)
        .bind("p", f).bind("id", lease.jobId()).bind("token", lease.token()).bind("now", now).execute()) == 1;
  }

  @Override
  public boolean recordAttempt(JobLease lease) {
    long now = now();
    return jdbi.withHandle(h -> updateHeld(h, lease, "attempts = attempts + 1", now)) == 1;
  }

  @Override
  public boolean complete(JobLease lease) {
    long now = now();
    return jdbi.inTransaction(h -> finish(h, lease, JobState.SUCCEEDED, null, now));
  }

  @Override
  public boolean fail(JobLease lease, String error) {
    long now = now();
    return jdbi.inTransaction(h -> finish(h, lease, JobState.FAILED, error, now));
  }

  @Override
  public boolean finishCancelled(JobLease lease) {
    long now = now();
    return jdbi.inTransaction(h -> finish(h, lease, JobState.CANCELLED, "cancelled", now));
  }

  private boolean finish(Handle h, JobLease lease, JobState state, @Nullable String error, long now) {
    int n = h.createUpdate("UPDATE greatshot_jobs SET state = :state, error = :error, owner = NULL, token = NULL, "
            + "lease_until_ms = NULL, progress = " + (state == JobState.SUCCEEDED ? "1" : "progress") + ", "
            + "updated_ms = :now WHERE id = :id AND " + HELD)
        .bind("state", state.wireName()).bind("error", error).bind("id", lease.jobId()).bind("token", lease.token())
        .bind("now", now).execute();
    if (n != 1) {
      return false;
    }
    if (lease.kind() == JobKind.ANALYSIS && state != JobState.SUCCEEDED) {
      setDemoStatus(h, lease.subjectId(), DemoStatus.FAILED, error, now);
    }
    return true;
  }

  @Override
  public boolean release(JobLease lease, Instant notBefore) {
    long now = now();
    return jdbi.withHandle(h -> h.createUpdate("UPDATE greatshot_jobs SET state = 'queued', claims = claims - 1, "
            + "owner = NULL, token = NULL, lease_until_ms = NULL, run_after_ms = :after, updated_ms = :now "
            + "WHERE id = :id AND " + HELD)
        .bind("after", notBefore.toEpochMilli()).bind("id", lease.jobId()).bind("token", lease.token())
        .bind("now", now).execute()) == 1;
  }

  @Override
  public boolean requestCancel(String jobId) {
    long now = now();
    return jdbi.inTransaction(h -> {
      Optional<Candidate> job = h.createQuery("SELECT id, kind, subject_id, claims FROM greatshot_jobs WHERE id = :id")
          .bind("id", jobId).map((rs, ctx) -> candidate(rs)).findOne();
      if (job.isEmpty()) {
        return false;
      }
      int n = h.createUpdate("UPDATE greatshot_jobs SET state = 'cancelled', error = 'cancelled', updated_ms = :now "
              + "WHERE id = :id AND state = 'queued'")
          .bind("id", jobId).bind("now", now).execute();
      if (n == 1) {
        if (job.get().kind() == JobKind.ANALYSIS) {
          setDemoStatus(h, job.get().subject(), DemoStatus.FAILED, "cancelled", now);
        }
        return true;
      }
      return h.createUpdate("UPDATE greatshot_jobs SET cancel_requested = TRUE, updated_ms = :now "
              + "WHERE id = :id AND state = 'running'")
          .bind("id", jobId).bind("now", now).execute() == 1;
    });
  }

  private static final String JOB_COLUMNS = "id, kind, subject_id, priority, state, claims, attempts, progress, owner, "
      + "lease_until_ms, cancel_requested, error, created_ms";

  private static JobRecord job(ResultSet rs) throws SQLException {
    return new JobRecord(rs.getString("id"), JobKind.fromWire(rs.getString("kind")), rs.getString("subject_id"),
        rs.getInt("priority"), JobState.fromWire(rs.getString("state")), rs.getInt("claims"), rs.getInt("attempts"),
        rs.getDouble("progress"), rs.getString("owner"), instant(rs, "lease_until_ms"),
        rs.getBoolean("cancel_requested"), rs.getString("error"), Instant.ofEpochMilli(rs.getLong("created_ms")));
  }

  @Override
  public Optional<JobRecord> findJob(String jobId) {
    return jdbi.withHandle(h -> h.createQuery("SELECT " + JOB_COLUMNS + " FROM greatshot_jobs WHERE id = :id")
        .bind("id", jobId).map((rs, ctx) -> job(rs)).findOne());
  }

  @Override
  public Optional<JobRecord> latestJobFor(JobKind kind, String subjectId) {
    return jdbi.withHandle(h -> h.createQuery("SELECT " + JOB_COLUMNS + " FROM greatshot_jobs "
            + "WHERE kind = :kind AND subject_id = :subject ORDER BY seq DESC LIMIT 1")
        .bind("kind", kind.wireName()).bind("subject", subjectId).map((rs, ctx) -> job(rs)).findOne());
  }

  // ---------------------------------------------------------------- analyses

  @Override
  public boolean commitAnalysis(JobLease lease, AnalysisRecord analysis) {
    if (lease.kind() != JobKind.ANALYSIS) {
      throw new IllegalArgumentException("not an analysis job lease: " + lease.kind());
    }
    String demoId = lease.subjectId();
    for (HighlightRecord hl : analysis.highlights()) {
      if (!hl.demoId().equals(demoId)) {
        throw new IllegalArgumentException("highlight " + hl.id() + " belongs to demo " + hl.demoId() + ", not " + demoId);
      }
    }
    long now = now();
    return jdbi.inTransaction(h -> {
      if (!finish(h, lease, JobState.SUCCEEDED, null, now)) {
        return false;
      }
      if (setDemoStatus(h, demoId, DemoStatus.ANALYZED, null, now) != 1) {
        throw new NoSuchDemoException(demoId);
      }
      for (String table : List.of("greatshot_highlights", "greatshot_player_stats", "greatshot_analyses")) {
        h.createUpdate("DELETE FROM " + table + " WHERE demo_id = :id").bind("id", demoId).execute();
      }
      h.createUpdate("INSERT INTO greatshot_analyses (demo_id, map_name, total_kills, player_count, created_ms) "
              + "VALUES (:id, :map, :kills, :players, :now)")
          .bind("id", demoId).bind("map", analysis.mapName()).bind("kills", analysis.totalKills())
          .bind("players", analysis.players().size()).bind("now", now).execute();
      if (!analysis.highlights().isEmpty()) {
        PreparedBatch batch = h.prepareBatch("INSERT INTO greatshot_highlights (id, demo_id, type, client_num, player, "
            + "start_ms, end_ms, kills, score, explanation, multikill, ordinal) VALUES (:id, :demo, :type, :client, "
            + ":player, :start, :end, :kills, :score, :explanation, :multi, :ordinal)");
        int ordinal = 0;
        for (HighlightRecord hl : analysis.highlights()) {
          batch.bind("ordinal", ordinal++).bind("id", hl.id()).bind("demo", demoId).bind("type", hl.type()).bind("client", hl.client())
              .bind("player", hl.player()).bind("start", hl.startMs()).bind("end", hl.endMs()).bind("kills", hl.kills())
              .bind("score", hl.score()).bind("explanation", hl.explanation()).bind("multi", hl.kills() >= 2).add();
        }
        batch.execute();
      }
      if (!analysis.players().isEmpty()) {
        PreparedBatch batch = h.prepareBatch("INSERT INTO greatshot_player_stats (demo_id, slot, player, raw_name, kills, "
            + "deaths, headshots, damage_given, damage_received, shots, hits, time_played_ms, accuracy) VALUES (:demo, "
            + ":slot, :player, :raw, :kills, :deaths, :hs, :dg, :dr, :shots, :hits, :time, :acc)");
        int slot = 0;
        for (PlayerStatsRecord p : analysis.players()) {
          batch.bind("demo", demoId).bind("slot", slot++).bind("player", p.cleanName()).bind("raw", p.name())
              .bind("kills", p.kills()).bind("deaths", p.deaths()).bind("hs", p.headshots())
              .bind("dg", p.damageGiven()).bind("dr", p.damageReceived()).bind("shots", p.shots()).bind("hits", p.hits())
              .bind("time", p.timePlayedMs()).bind("acc", p.accuracy().orElse(-1)).add();
        }
        batch.execute();
      }
      return true;
    });
  }

  private static HighlightRecord highlight(ResultSet rs) throws SQLException {
    return new HighlightRecord(rs.getString("id"), rs.getString("demo_id"), rs.getString("type"), rs.getInt("client_num"),
        rs.getString("player"), rs.getLong("start_ms"), rs.getLong("end_ms"), rs.getInt("kills"), rs.getDouble("score"),
        rs.getString("explanation"));
  }

  private static final String HIGHLIGHT_COLUMNS = "id, demo_id, type, client_num, player, start_ms, end_ms, kills, score, explanation";

  @Override
  public Optional<AnalysisRecord> findAnalysis(String demoId) {
    return jdbi.withHandle(h -> {
      Optional<Object[]> head = h.createQuery("SELECT map_name, total_kills FROM greatshot_analyses WHERE demo_id = :id")
          .bind("id", demoId).map((rs, ctx) -> new Object[] {rs.getString(1), rs.getInt(2)}).findOne();
      if (head.isEmpty()) {
        return Optional.empty();
      }
      List<HighlightRecord> highlights = h.createQuery("SELECT " + HIGHLIGHT_COLUMNS
              + " FROM greatshot_highlights WHERE demo_id = :id ORDER BY ordinal")
          .bind("id", demoId).map((rs, ctx) -> highlight(rs)).list();
      List<PlayerStatsRecord> players = h.createQuery("SELECT * FROM greatshot_player_stats WHERE demo_id = :id ORDER BY slot")
          .bind("id", demoId).map((rs, ctx) -> new PlayerStatsRecord(rs.getString("raw_name"), rs.getString("player"),
              rs.getInt("kills"), rs.getInt("deaths"), rs.getInt("headshots"), rs.getLong("damage_given"),
              rs.getLong("damage_received"), rs.getInt("shots"), rs.getInt("hits"), rs.getLong("time_played_ms"))).list();
      return Optional.of(new AnalysisRecord((String) head.get()[0], (Integer) head.get()[1], highlights, players));
    });
  }

  @Override
  public List<HighlightRecord> highlights(String demoId) {
    return jdbi.withHandle(h -> h.createQuery("SELECT " + HIGHLIGHT_COLUMNS
            + " FROM greatshot_highlights WHERE demo_id = :id ORDER BY score DESC, start_ms, id")
        .bind("id", demoId).map((rs, ctx) -> highlight(rs)).list());
  }

  @Override
  public Optional<HighlightRecord> findHighlight(String highlightId) {
    return jdbi.withHandle(h -> h.createQuery("SELECT " + HIGHLIGHT_COLUMNS + " FROM greatshot_highlights WHERE id = :id")
        .bind("id", highlightId).map((rs, ctx) -> highlight(rs)).findOne());
  }

  // ---------------------------------------------------------------- clip claims

  @Override
  public ClipClaim claimClip(String highlightId, String owner, Duration lease) {
    for (int round = 0; round < 10; round++) {
      long now = now();
      long until = now + lease.toMillis();
      String token = UUID.randomUUID().toString();
      try {
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO greatshot_clip_claims (highlight_id, owner, token, lease_until_ms, "
                + "updated_ms) VALUES (:h, :owner, :token, :until, :now)")
            .bind("h", highlightId).bind("owner", owner).bind("token", token).bind("until", until).bind("now", now)
            .execute());
        return new ClipClaim.Claimed(highlightId, owner, token, Instant.ofEpochMilli(until));
      } catch (RuntimeException e) {
        if (!isUniqueViolation(e)) {
          throw e;
        }
      }
      int taken = jdbi.withHandle(h -> h.createUpdate("UPDATE greatshot_clip_claims SET owner = :owner, token = :token, "
              + "lease_until_ms = :until, updated_ms = :now WHERE highlight_id = :h AND clip_path IS NULL "
              + "AND (token IS NULL OR lease_until_ms < :now)")
          .bind("owner", owner).bind("token", token).bind("until", until).bind("now", now).bind("h", highlightId)
          .execute());
      if (taken == 1) {
        return new ClipClaim.Claimed(highlightId, owner, token, Instant.ofEpochMilli(until));
      }
      Optional<ClipClaim> current = jdbi.withHandle(h -> h.createQuery("SELECT owner, token, lease_until_ms, clip_path "
              + "FROM greatshot_clip_claims WHERE highlight_id = :h")
          .bind("h", highlightId).map((rs, ctx) -> {
            String path = rs.getString("clip_path");
            if (path != null) {
              return (ClipClaim) new ClipClaim.Done(highlightId, path);
            }
            Instant leaseUntil = instant(rs, "lease_until_ms");
            String holder = rs.getString("owner");
            if (rs.getString("token") == null || leaseUntil == null || holder == null) {
              return null; // released in between: try again
            }
            return new ClipClaim.HeldByOther(highlightId, holder, leaseUntil);
          }).findOne());
      if (current.isPresent()) {
        return current.get();
      }
    }
    throw new IllegalStateException("clip claim of highlight " + highlightId + " kept changing under contention");
  }

  @Override
  public boolean completeClip(ClipClaim.Claimed claim, String clipPath) {
    long now = now();
    return jdbi.withHandle(h -> h.createUpdate("UPDATE greatshot_clip_claims SET clip_path = :path, token = NULL, "
            + "lease_until_ms = NULL, updated_ms = :now WHERE highlight_id = :h AND token = :token AND clip_path IS NULL "
            + "AND lease_until_ms >= :now")
        .bind("path", clipPath).bind("now", now).bind("h", claim.highlightId()).bind("token", claim.token())
        .execute()) == 1;
  }

  @Override
  public boolean releaseClip(ClipClaim.Claimed claim) {
    long now = now();
    return jdbi.withHandle(h -> h.createUpdate("UPDATE greatshot_clip_claims SET owner = NULL, token = NULL, "
            + "lease_until_ms = NULL, updated_ms = :now WHERE highlight_id = :h AND token = :token AND clip_path IS NULL")
        .bind("now", now).bind("h", claim.highlightId()).bind("token", claim.token()).execute()) == 1;
  }

  // ---------------------------------------------------------------- topshots (one indexed query each)
  //
  // Each board is one query with a deferred join: the derived table "k" pages through the board's
  // index alone (only indexed columns, so an index-only scan; OFFSET skips index entries, not
  // joined rows), and only the page's rows are joined to the demo and analysis tables.
  //
  // LIMIT, OFFSET and the accuracy board's minimum kills are written into the SQL (ints, never
  // text): a statement without parameters keeps one cached plan on PostgreSQL, whereas
  // "LIMIT ? OFFSET ?" is re-planned on every execution (its generic plan must assume an unknown
  // page size), and planning costs more than running the query.

  private static String page(Page page) {
    return " LIMIT " + page.limit() + " OFFSET " + page.offset();
  }

  @Override
  public List<DemoKills> topKills(Page page) {
    return jdbi.withHandle(h -> h.createQuery("SELECT a.demo_id, d.original_filename, a.map_name, a.total_kills, "
            + "a.player_count, d.created_ms FROM (SELECT demo_id, total_kills FROM greatshot_analyses "
            + "WHERE total_kills > 0 ORDER BY total_kills DESC, demo_id" + page(page) + ") k "
            + "JOIN greatshot_analyses a ON a.demo_id = k.demo_id JOIN greatshot_demos d ON d.id = k.demo_id "
            + "ORDER BY k.total_kills DESC, k.demo_id")
        .map((rs, ctx) -> new DemoKills(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getInt(5),
            Instant.ofEpochMilli(rs.getLong(6))))
        .list());
  }

  private static PlayerRow playerRow(ResultSet rs) throws SQLException {
    return new PlayerRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5), rs.getInt(6),
        rs.getInt(7), rs.getLong(8), rs.getDouble(9), Instant.ofEpochMilli(rs.getLong(10)));
  }

  /**
   * One player board in its index's order ({@code sortColumn} descending, then demo_id, player,
   * slot); {@code where} is an optional filter on indexed columns.
   */
  private List<PlayerRow> players(String sortColumn, String where, Page page) {
    String order = sortColumn + " DESC, demo_id, player, slot";
    String sql = "SELECT p.demo_id, d.original_filename, a.map_name, p.player, p.kills, p.deaths, p.headshots, "
        + "p.damage_given, p.accuracy, d.created_ms FROM (SELECT demo_id, slot, player, " + sortColumn
        + " FROM greatshot_player_stats " + where + "ORDER BY " + order + page(page) + ") k "
        + "JOIN greatshot_player_stats p ON p.demo_id = k.demo_id AND p.slot = k.slot "
        + "JOIN greatshot_demos d ON d.id = k.demo_id JOIN greatshot_analyses a ON a.demo_id = k.demo_id "
        + "ORDER BY k." + sortColumn + " DESC, k.demo_id, k.player, k.slot";
    return jdbi.withHandle(h -> h.createQuery(sql).map((rs, ctx) -> playerRow(rs)).list());
  }

  @Override
  public List<PlayerRow> topPlayers(Page page) {
    return players("kills", "", page);
  }

  @Override
  public List<PlayerRow> topAccuracy(int minKills, Page page) {
    return players("accuracy", "WHERE accuracy >= 0 AND kills >= " + minKills + " ", page);
  }

  @Override
  public List<PlayerRow> topDamage(Page page) {
    return players("damage_given", "", page);
  }

  @Override
  public List<Multikill> topMultikills(Page page) {
    return jdbi.withHandle(h -> h.createQuery("SELECT h.id, h.demo_id, h.type, h.player, h.kills, h.score, "
            + "d.original_filename, a.map_name, d.created_ms FROM (SELECT id, score FROM greatshot_highlights "
            + "WHERE multikill = TRUE ORDER BY score DESC, id" + page(page) + ") k "
            + "JOIN greatshot_highlights h ON h.id = k.id "
            + "JOIN greatshot_demos d ON d.id = h.demo_id JOIN greatshot_analyses a ON a.demo_id = h.demo_id "
            + "ORDER BY k.score DESC, k.id")
        .map((rs, ctx) -> new Multikill(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5),
            rs.getDouble(6), rs.getString(7), rs.getString(8), Instant.ofEpochMilli(rs.getLong(9))))
        .list());
  }
}
