package dev.fragkit.benchmarks.pipeline;

import dev.fragkit.adapters.jdbc.greatshot.JdbcGreatshotStore;
import dev.fragkit.greatshot.store.JobKind;
import dev.fragkit.greatshot.store.JobLease;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Throughput of the job life cycle on a shared queue of {@code queued} jobs with 4 contending
 * threads: claim (FOR UPDATE SKIP LOCKED on PostgreSQL, conditional update on H2), complete, and
 * enqueue a replacement so the queue length stays constant.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Threads(4)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
public class JobClaimBenchmark {
  private static final Set<JobKind> KINDS = Set.of(JobKind.RENDER);

  @Param({"POSTGRESQL", "H2"})
  public String engine;

  @Param({"1000"})
  public int queued;

  private BenchDatabases databases;
  private JdbcGreatshotStore store;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    databases = BenchDatabases.open(engine, "claims", 8);
    store = JdbcGreatshotStore.open(databases.db(), Clock.systemUTC());
    databases.db().jdbi().useHandle(h -> h.execute("DELETE FROM greatshot_jobs"));
    for (int i = 0; i < queued; i++) {
      store.enqueue(JobKind.RENDER, "h" + i, i % 3);
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    databases.close();
  }

  @Benchmark
  public boolean claimCompleteEnqueue() {
    JobLease lease = store.claim(Thread.currentThread().getName(), KINDS, Duration.ofSeconds(30), 3)
        .orElseThrow(() -> new IllegalStateException("queue ran dry"));
    boolean done = store.complete(lease);
    store.enqueue(JobKind.RENDER, lease.subjectId(), 0);
    return done;
  }
}
