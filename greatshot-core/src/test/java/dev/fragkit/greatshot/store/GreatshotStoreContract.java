package dev.fragkit.greatshot.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fragkit.greatshot.testing.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The contract every {@link GreatshotStore} passes (in-memory, JDBC on H2, JDBC on PostgreSQL).
 * Subclasses provide a fresh, empty store on the given clock.
 */
@Timeout(60)
public abstract class GreatshotStoreContract {
  protected static final Set<JobKind> ALL = Set.of(JobKind.ANALYSIS, JobKind.RENDER);
  protected static final Duration LEASE = Duration.ofSeconds(30);
  protected MutableClock clock;
  protected GreatshotStore store;
  private int demoCounter;

  /** A fresh, empty store whose time is {@code clock}. */
  protected abstract GreatshotStore newStore(MutableClock clock) throws Exception;

  /** Releases what {@link #newStore} opened. */
  protected void closeStore(GreatshotStore store) throws Exception {}

  @BeforeEach
  void openStore() throws Exception {
    clock = MutableClock.atEpochPlusOneDay();
    store = newStore(clock);
  }

  @AfterEach
  void closeIt() throws Exception {
    closeStore(store);
  }

  protected static String sha(int n) {
    return String.format("%064x", n);
  }

  protected NewDemo demo(int n) {
    return new NewDemo(String.format("d%031x", n), sha(n), "demo" + n + ".dm_84", ".dm_84", 100 + n);
  }

  protected DemoRecord insert(int n, int priority) {
    return store.insertDemo(demo(n), priority).demo();
  }

  protected JobLease claimOne(String owner) {
    return store.claim(owner, ALL, LEASE, 3).orElseThrow(() -> new AssertionError("nothing to claim"));
  }

  // ---------------------------------------------------------------- demos

  @Test
  void insertedDemoIsQueuedWithItsAnalysisJob() {
    InsertResult r = store.insertDemo(demo(1), 0);

    assertThat(r.created()).isTrue();
    assertThat(r.demo().status()).isEqualTo(DemoStatus.QUEUED);
    assertThat(r.demo().createdAt()).isEqualTo(clock.instant());
    assertThat(store.findDemo(demo(1).id())).contains(r.demo());
    assertThat(store.findDemoBySha256(sha(1))).contains(r.demo());
    JobRecord job = store.latestJobFor(JobKind.ANALYSIS, demo(1).id()).orElseThrow();
    assertThat(job.state()).isEqualTo(JobState.QUEUED);
    assertThat(job.claims()).isZero();
    assertThat(store.demoIds()).containsExactly(demo(1).id());
  }

  @Test
  void sameSha256ReturnsTheExistingDemoAndEnqueuesNothing() {
    DemoRecord first = insert(1, 0);
    NewDemo again = new NewDemo("e".repeat(32), sha(1), "other.dm_84", ".dm_84", 5);

    InsertResult r = store.insertDemo(again, 0);

    assertThat(r.created()).isFalse();
    assertThat(r.demo()).isEqualTo(first);
    assertThat(store.findDemo("e".repeat(32))).isEmpty();
    assertThat(store.latestJobFor(JobKind.ANALYSIS, "e".repeat(32))).isEmpty();
    claimOne("w");
    assertThat(store.claim("w", ALL, LEASE, 3)).isEmpty();
  }

  @Test
  void concurrentInsertsOfTheSameBytesEndWithOneDemo() throws Exception {
    int threads = 8;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<InsertResult>> results = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        String id = String.format("c%031x", t);
        results.add(pool.submit(() -> {
          start.await();
          return store.insertDemo(new NewDemo(id, sha(42), "x.dm_84", ".dm_84", 9), 0);
        }));
      }
      start.countDown();
      Set<String> ids = new HashSet<>();
      int created = 0;
      for (Future<InsertResult> f : results) {
        InsertResult r = f.get(30, TimeUnit.SECONDS);
        ids.add(r.demo().id());
        created += r.created() ? 1 : 0;
      }
      assertThat(created).isEqualTo(1);
      assertThat(ids).hasSize(1);
      assertThat(store.demoIds()).hasSize(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void markDemoFailedRecordsTheError() {
    insert(1, 0);

    assertThat(store.markDemoFailed(demo(1).id(), "original file missing")).isTrue();
    assertThat(store.markDemoFailed("nope", "x")).isFalse();

    DemoRecord d = store.findDemo(demo(1).id()).orElseThrow();
    assertThat(d.status()).isEqualTo(DemoStatus.FAILED);
    assertThat(d.error()).isEqualTo("original file missing");
  }

  // ---------------------------------------------------------------- jobs

  @Test
  void claimTakesHighestPriorityThenOldestAndMarksTheDemoScanning() {
    insert(1, 0);
    clock.advance(Duration.ofMillis(1));
    insert(2, 5);
    clock.advance(Duration.ofMillis(1));
    insert(3, 5);
    clock.advance(Duration.ofMillis(1));
    insert(4, 0);

    List<String> order = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      order.add(claimOne("w").subjectId());
    }

    assertThat(order).containsExactly(demo(2).id(), demo(3).id(), demo(1).id(), demo(4).id());
    assertThat(store.findDemo(demo(2).id()).orElseThrow().status()).isEqualTo(DemoStatus.SCANNING);
    assertThat(store.claim("w", ALL, LEASE, 3)).isEmpty();
  }

  @Test
  void claimOnlyTakesTheRequestedKinds() {
    insert(1, 0);
    String render = store.enqueue(JobKind.RENDER, "h1", 0);

    JobLease lease = store.claim("w", Set.of(JobKind.RENDER), LEASE, 3).orElseThrow();

    assertThat(lease.jobId()).isEqualTo(render);
    assertThat(lease.kind()).isEqualTo(JobKind.RENDER);
    assertThat(store.claim("w", Set.of(JobKind.RENDER), LEASE, 3)).isEmpty();
  }

  @Test
  void aHeldJobIsReclaimedOnlyAfterItsLeaseExpiresAndTheOldHolderIsLockedOut() {
    insert(1, 0);
    JobLease first = claimOne("dead-worker");
    clock.advance(LEASE.minusSeconds(1));
    assertThat(store.claim("other", ALL, LEASE, 3)).isEmpty();

    clock.advance(Duration.ofSeconds(2));
    JobLease second = claimOne("other");

    assertThat(second.jobId()).isEqualTo(first.jobId());
    assertThat(second.claims()).isEqualTo(2);
    assertThat(second.token()).isNotEqualTo(first.token());
    assertThat(store.renew(first, LEASE)).isEqualTo(LeaseStatus.LOST);
    assertThat(store.reportProgress(first, 0.5)).isFalse();
    assertThat(store.recordAttempt(first)).isFalse();
    assertThat(store.fail(first, "late")).isFalse();
    assertThat(store.complete(first)).isFalse();
    assertThat(store.renew(second, LEASE)).isEqualTo(LeaseStatus.HELD);
    JobRecord job = store.findJob(first.jobId()).orElseThrow();
    assertThat(job.owner()).isEqualTo("other");
    assertThat(job.state()).isEqualTo(JobState.RUNNING);
  }

  @Test
  void renewalKeepsTheLeaseAlive() {
    insert(1, 0);
    JobLease lease = claimOne("w");
    for (int i = 0; i < 5; i++) {
      clock.advance(Duration.ofSeconds(20));
      assertThat(store.renew(lease, LEASE)).isEqualTo(LeaseStatus.HELD);
    }
    assertThat(store.claim("other", ALL, LEASE, 3)).isEmpty();
    assertThat(store.findJob(lease.jobId()).orElseThrow().leaseUntil()).isEqualTo(clock.instant().plus(LEASE));
  }

  @Test
  void aJobLostByMaxClaimsWorkersFailsInsteadOfLooping() {
    insert(1, 0);
    claimOne("a");
    clock.advance(LEASE.plusSeconds(1));
    claimOne("b");
    clock.advance(LEASE.plusSeconds(1));

    assertThat(store.claim("c", ALL, LEASE, 2)).isEmpty();

    JobRecord job = store.latestJobFor(JobKind.ANALYSIS, demo(1).id()).orElseThrow();
    assertThat(job.state()).isEqualTo(JobState.FAILED);
    assertThat(job.error()).isEqualTo("lost by 2 workers (maxClaims 2)");
    DemoRecord d = store.findDemo(demo(1).id()).orElseThrow();
    assertThat(d.status()).isEqualTo(DemoStatus.FAILED);
    assertThat(d.error()).isEqualTo("lost by 2 workers (maxClaims 2)");
  }

  @Test
  void progressAndAttemptsAreStored() {
    insert(1, 0);
    JobLease lease = claimOne("w");

    assertThat(store.reportProgress(lease, 0.25)).isTrue();
    assertThat(store.recordAttempt(lease)).isTrue();
    assertThat(store.recordAttempt(lease)).isTrue();

    JobRecord job = store.findJob(lease.jobId()).orElseThrow();
    assertThat(job.progress()).isEqualTo(0.25);
    assertThat(job.attempts()).isEqualTo(2);
    assertThat(job.claims()).isEqualTo(1);
  }

  @Test
  void failingAnAnalysisJobFailsItsDemo() {
    insert(1, 0);
    JobLease lease = claimOne("w");

    assertThat(store.fail(lease, "corrupt demo at offset 4: bad")).isTrue();
    assertThat(store.fail(lease, "again")).isFalse();

    JobRecord job = store.findJob(lease.jobId()).orElseThrow();
    assertThat(job.state()).isEqualTo(JobState.FAILED);
    assertThat(job.error()).isEqualTo("corrupt demo at offset 4: bad");
    DemoRecord d = store.findDemo(demo(1).id()).orElseThrow();
    assertThat(d.status()).isEqualTo(DemoStatus.FAILED);
    assertThat(d.error()).isEqualTo("corrupt demo at offset 4: bad");
  }

  @Test
  void cancellingAQueuedJobIsImmediate() {
    insert(1, 0);
    String jobId = store.latestJobFor(JobKind.ANALYSIS, demo(1).id()).orElseThrow().id();

    assertThat(store.requestCancel(jobId)).isTrue();

    assertThat(store.findJob(jobId).orElseThrow().state()).isEqualTo(JobState.CANCELLED);
    assertThat(store.findDemo(demo(1).id()).orElseThrow().status()).isEqualTo(DemoStatus.FAILED);
    assertThat(store.claim("w", ALL, LEASE, 3)).isEmpty();
    assertThat(store.requestCancel(jobId)).isFalse();
    assertThat(store.requestCancel("unknown")).isFalse();
  }

  @Test
  void cancellingARunningJobIsSeenOnRenewal() {
    insert(1, 0);
    JobLease lease = claimOne("w");

    assertThat(store.requestCancel(lease.jobId())).isTrue();

    assertThat(store.renew(lease, LEASE)).isEqualTo(LeaseStatus.CANCEL_REQUESTED);
    assertThat(store.finishCancelled(lease)).isTrue();
    JobRecord job = store.findJob(lease.jobId()).orElseThrow();
    assertThat(job.state()).isEqualTo(JobState.CANCELLED);
    assertThat(job.cancelRequested()).isTrue();
    assertThat(store.findDemo(demo(1).id()).orElseThrow().error()).isEqualTo("cancelled");
  }

  @Test
  void releaseRequeuesWithoutCountingTheClaim() {
    String jobId = store.enqueue(JobKind.RENDER, "h1", 0);
    JobLease lease = claimOne("w");

    assertThat(store.release(lease, clock.instant().plusSeconds(5))).isTrue();

    assertThat(store.claim("w", ALL, LEASE, 1)).isEmpty();
    clock.advance(Duration.ofSeconds(5));
    JobLease again = claimOne("w2");
    assertThat(again.jobId()).isEqualTo(jobId);
    assertThat(again.claims()).isEqualTo(1);
    assertThat(store.complete(again)).isTrue();
    assertThat(store.findJob(jobId).orElseThrow().state()).isEqualTo(JobState.SUCCEEDED);
  }

  @Test
  void concurrentWorkersClaimEachJobExactlyOnce() throws Exception {
    int jobs = 120;
    for (int i = 0; i < jobs; i++) {
      store.enqueue(JobKind.RENDER, "h" + i, i % 3);
    }
    int threads = 8;
    Map<String, AtomicInteger> claims = new ConcurrentHashMap<>();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        String owner = "worker-" + t;
        futures.add(pool.submit(() -> {
          start.await();
          Optional<JobLease> lease;
          while ((lease = store.claim(owner, ALL, LEASE, 3)).isPresent()) {
            claims.computeIfAbsent(lease.get().jobId(), k -> new AtomicInteger()).incrementAndGet();
            assertThat(store.complete(lease.get())).isTrue();
          }
          return null;
        }));
      }
      start.countDown();
      for (Future<?> f : futures) {
        f.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(claims).hasSize(jobs);
    assertThat(claims.values()).allSatisfy(n -> assertThat(n.get()).isEqualTo(1));
  }

  // ---------------------------------------------------------------- analyses

  protected AnalysisRecord analysis(String demoId, int kills, int highlights) {
    List<HighlightRecord> hs = new ArrayList<>();
    for (int i = 0; i < highlights; i++) {
      hs.add(new HighlightRecord(demoId + "-h" + i, demoId, i == 0 ? "multi_kill" : "spree", i, "p" + i, 1000L * i,
          1000L * i + 500, i + 1, 10.0 + i, "because " + i));
    }
    List<PlayerStatsRecord> players = List.of(
        new PlayerStatsRecord("^1alpha", "alpha", kills, 3, 2, 1500, 900, 100, 40, 60_000),
        new PlayerStatsRecord("bravo", "bravo", kills / 2, 7, 0, 700, 1100, 0, 0, 30_000));
    return new AnalysisRecord("oasis", kills + kills / 2, hs, players);
  }

  protected void analysed(int n, int kills, int highlights) {
    insert(n, 0);
    JobLease lease = claimOne("w");
    assertThat(lease.subjectId()).isEqualTo(demo(n).id());
    assertThat(store.commitAnalysis(lease, analysis(demo(n).id(), kills, highlights))).isTrue();
  }

  @Test
  void committingAnAnalysisStoresItAndFinishesJobAndDemo() {
    insert(1, 0);
    JobLease lease = claimOne("w");
    AnalysisRecord a = analysis(demo(1).id(), 12, 3);

    assertThat(store.commitAnalysis(lease, a)).isTrue();

    assertThat(store.findAnalysis(demo(1).id())).contains(a);
    assertThat(store.highlights(demo(1).id())).extracting(HighlightRecord::id)
        .containsExactly(demo(1).id() + "-h2", demo(1).id() + "-h1", demo(1).id() + "-h0");
    assertThat(store.findHighlight(demo(1).id() + "-h1")).contains(a.highlights().get(1));
    DemoRecord d = store.findDemo(demo(1).id()).orElseThrow();
    assertThat(d.status()).isEqualTo(DemoStatus.ANALYZED);
    assertThat(d.error()).isNull();
    JobRecord job = store.findJob(lease.jobId()).orElseThrow();
    assertThat(job.state()).isEqualTo(JobState.SUCCEEDED);
    assertThat(job.progress()).isEqualTo(1.0);
  }

  @Test
  void anAnalysisCommittedWithALostLeaseWritesNothing() {
    insert(1, 0);
    JobLease slow = claimOne("slow");
    clock.advance(LEASE.plusSeconds(1));
    JobLease fresh = claimOne("fresh");

    assertThat(store.commitAnalysis(slow, analysis(demo(1).id(), 5, 2))).isFalse();

    assertThat(store.findAnalysis(demo(1).id())).isEmpty();
    assertThat(store.highlights(demo(1).id())).isEmpty();
    assertThat(store.findDemo(demo(1).id()).orElseThrow().status()).isEqualTo(DemoStatus.SCANNING);
    assertThat(store.commitAnalysis(fresh, analysis(demo(1).id(), 5, 2))).isTrue();
    assertThat(store.commitAnalysis(fresh, analysis(demo(1).id(), 5, 2))).isFalse();
  }

  @Test
  void reanalysisReplacesHighlightsAndStats() {
    analysed(1, 10, 3);
    String render = store.enqueue(JobKind.ANALYSIS, demo(1).id(), 0);
    JobLease again = claimOne("w");
    assertThat(again.jobId()).isEqualTo(render);
    List<HighlightRecord> one = List.of(new HighlightRecord("new-h", demo(1).id(), "spree", 1, "p", 0, 1, 1, 1, ""));

    assertThat(store.commitAnalysis(again, new AnalysisRecord("goldrush", 1, one, List.of()))).isTrue();

    assertThat(store.highlights(demo(1).id())).containsExactlyElementsOf(one);
    assertThat(store.findAnalysis(demo(1).id()).orElseThrow().mapName()).isEqualTo("goldrush");
    assertThat(store.topPlayers(new Page(10, 0))).isEmpty();
  }

  // ---------------------------------------------------------------- clip claims

  @Test
  void aClipIsClaimedByOneWorkerUntilDoneOrExpired() {
    ClipClaim a = store.claimClip("h1", "a", LEASE);
    assertThat(a).isInstanceOf(ClipClaim.Claimed.class);
    ClipClaim b = store.claimClip("h1", "b", LEASE);
    assertThat(b).isInstanceOf(ClipClaim.HeldByOther.class);
    assertThat(((ClipClaim.HeldByOther) b).owner()).isEqualTo("a");

    clock.advance(LEASE.plusSeconds(1));
    ClipClaim c = store.claimClip("h1", "c", LEASE);
    assertThat(c).isInstanceOf(ClipClaim.Claimed.class);
    assertThat(store.completeClip((ClipClaim.Claimed) a, "/late")).isFalse();
    assertThat(store.completeClip((ClipClaim.Claimed) c, "/clips/h1.dm_84")).isTrue();

    assertThat(store.claimClip("h1", "d", LEASE)).isEqualTo(new ClipClaim.Done("h1", "/clips/h1.dm_84"));
  }

  @Test
  void aReleasedClipClaimIsFreeAtOnce() {
    ClipClaim.Claimed a = (ClipClaim.Claimed) store.claimClip("h1", "a", LEASE);

    assertThat(store.releaseClip(a)).isTrue();

    assertThat(store.claimClip("h1", "b", LEASE)).isInstanceOf(ClipClaim.Claimed.class);
    assertThat(store.releaseClip(a)).isFalse();
  }

  @Test
  void concurrentClipClaimsHaveExactlyOneWinnerPerHighlight() throws Exception {
    int highlights = 25;
    int threads = 8;
    Map<String, AtomicInteger> wins = new ConcurrentHashMap<>();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        String owner = "w" + t;
        futures.add(pool.submit(() -> {
          start.await();
          for (int h = 0; h < highlights; h++) {
            if (store.claimClip("h" + h, owner, LEASE) instanceof ClipClaim.Claimed) {
              wins.computeIfAbsent("h" + h, k -> new AtomicInteger()).incrementAndGet();
            }
          }
          return null;
        }));
      }
      start.countDown();
      for (Future<?> f : futures) {
        f.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(wins).hasSize(highlights);
    assertThat(wins.values()).allSatisfy(n -> assertThat(n.get()).isEqualTo(1));
  }

  // ---------------------------------------------------------------- topshots

  @Test
  void topKillsRanksDemosAndPaginates() {
    analysed(1, 10, 1);
    analysed(2, 30, 1);
    analysed(3, 20, 1);
    analysed(4, 0, 1);

    List<Topshots.DemoKills> all = store.topKills(new Page(10, 0));
    assertThat(all).extracting(Topshots.DemoKills::demoId).containsExactly(demo(2).id(), demo(3).id(), demo(1).id());
    assertThat(all.get(0).totalKills()).isEqualTo(45);
    assertThat(all.get(0).filename()).isEqualTo("demo2.dm_84");
    assertThat(all.get(0).map()).isEqualTo("oasis");
    assertThat(all.get(0).playerCount()).isEqualTo(2);
    assertThat(store.topKills(new Page(1, 1))).extracting(Topshots.DemoKills::demoId).containsExactly(demo(3).id());
    assertThat(store.topKills(new Page(5, 3))).isEmpty();
  }

  @Test
  void playerBoardsRankByKillsDamageAndAccuracyWithMinimumKills() {
    analysed(1, 8, 1);
    analysed(2, 30, 1);

    assertThat(store.topPlayers(new Page(3, 0))).extracting(r -> r.player() + ":" + r.kills())
        .containsExactly("alpha:30", "bravo:15", "alpha:8");
    Topshots.PlayerRow top = store.topPlayers(new Page(1, 0)).get(0);
    assertThat(top.deaths()).isEqualTo(3);
    assertThat(top.headshots()).isEqualTo(2);
    assertThat(top.accuracy()).isEqualTo(40.0);
    assertThat(top.filename()).isEqualTo("demo2.dm_84");
    assertThat(store.topDamage(new Page(2, 1))).extracting(r -> r.player() + ":" + r.damageGiven())
        .containsExactly("alpha:1500", "bravo:700");
    // bravo has no shots (unknown accuracy); alpha in demo 1 has fewer than 10 kills.
    assertThat(store.topAccuracy(10, new Page(10, 0))).extracting(Topshots.PlayerRow::demoId)
        .containsExactly(demo(2).id());
  }

  @Test
  void playersTiedOnEveryRankedFieldKeepTheirOrderInTheAnalysisOnEveryPage() {
    insert(1, 0);
    JobLease lease = claimOne("w");
    // the same clean name, kills, damage and accuracy; only deaths tell the rows apart
    List<PlayerStatsRecord> twins = List.of(
        new PlayerStatsRecord("^1twin", "twin", 12, 1, 0, 800, 0, 100, 50, 60_000),
        new PlayerStatsRecord("^2twin", "twin", 12, 2, 0, 800, 0, 100, 50, 60_000),
        new PlayerStatsRecord("^3twin", "twin", 12, 3, 0, 800, 0, 100, 50, 60_000));
    assertThat(store.commitAnalysis(lease, new AnalysisRecord("oasis", 36, List.of(), twins))).isTrue();

    for (java.util.function.Function<Page, List<Topshots.PlayerRow>> board : List.<java.util.function.Function<Page,
        List<Topshots.PlayerRow>>>of(store::topPlayers, store::topDamage, p -> store.topAccuracy(10, p))) {
      List<Integer> paged = new ArrayList<>();
      for (int offset = 0; offset < 3; offset++) {
        paged.add(board.apply(new Page(1, offset)).get(0).deaths());
      }
      assertThat(paged).containsExactly(1, 2, 3);
      assertThat(board.apply(new Page(10, 0))).extracting(Topshots.PlayerRow::deaths).containsExactly(1, 2, 3);
    }
  }

  @Test
  void multikillsAreHighlightsWithTwoOrMoreKillsByScore() {
    analysed(1, 8, 3);
    analysed(2, 30, 2);

    List<Topshots.Multikill> rows = store.topMultikills(new Page(10, 0));

    assertThat(rows).extracting(Topshots.Multikill::highlightId)
        .containsExactly(demo(1).id() + "-h2", demo(1).id() + "-h1", demo(2).id() + "-h1");
    assertThat(rows.get(0).kills()).isEqualTo(3);
    assertThat(rows.get(0).map()).isEqualTo("oasis");
    assertThat(store.topMultikills(new Page(1, 2))).extracting(Topshots.Multikill::highlightId)
        .containsExactly(demo(2).id() + "-h1");
  }

  @Test
  void pageRejectsOutOfRangeLimitsAndOffsets() {
    assertThatThrownBy(() -> new Page(0, 0)).isInstanceOf(IllegalArgumentException.class).hasMessage("limit not in 1..100: 0");
    assertThatThrownBy(() -> new Page(101, 0)).isInstanceOf(IllegalArgumentException.class).hasMessage("limit not in 1..100: 101");
    assertThatThrownBy(() -> new Page(1, -1)).isInstanceOf(IllegalArgumentException.class).hasMessage("offset < 0: -1");
  }

  @Test
  void unknownIdsAreAbsent() {
    assertThat(store.findDemo("none")).isEmpty();
    assertThat(store.findJob("none")).isEmpty();
    assertThat(store.findHighlight("none")).isEmpty();
    assertThat(store.findAnalysis("none")).isEmpty();
    assertThat(store.highlights("none")).isEmpty();
  }
}
