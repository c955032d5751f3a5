package dev.fragkit.benchmarks.economy;

import dev.fragkit.adapters.jdbc.economy.JdbcLedgerStore;
import dev.fragkit.benchmarks.pipeline.BenchDatabases;
import dev.fragkit.economy.ledger.AccountId;
import dev.fragkit.economy.ledger.Ledger;
import dev.fragkit.economy.ledger.LedgerConfig;
import dev.fragkit.economy.ledger.Receipt;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Idempotent {@link Ledger#transfer} calls per second on the JDBC store ({@link JdbcLedgerStore}:
 * transaction-scoped advisory locks on PostgreSQL, {@code FOR UPDATE} lock rows on H2), between
 * random pairs of {@code accounts} accounts: 10 = hot (every thread fights over the same rows),
 * 10,000 = cold. Run with {@code -t 1} and {@code -t 16}; the pool has 17 connections. The economy
 * tables are emptied and the accounts opened (through the ledger) once per trial.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class JdbcTransferBenchmark {
  @Param({"POSTGRESQL", "H2"})
  public String engine;

  @Param({"10", "10000"})
  public int accounts;

  /** PostgreSQL: concurrent transfers share database transactions (group commit); {@code -p batching=false} to compare. */
  @Param({"true"})
  public boolean batching;

  private BenchDatabases databases;
  private Ledger ledger;
  private AccountId[] ids;
  private String run;
  private final AtomicLong opIds = new AtomicLong();

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    databases = BenchDatabases.open(engine, "economy-transfers", 17);
    JdbcLedgerStore store = JdbcLedgerStore.open(databases.db(), Duration.ofSeconds(10), batching);
    databases.db().jdbi().useHandle(h -> {
      for (String table : List.of("economy_transfer", "economy_operation", "economy_account", "economy_marker",
          "economy_inventory", "economy_item", "economy_hold", "economy_lock")) {
        h.execute("DELETE FROM " + table);
      }
    });
    ledger = Ledger.builder(store)
        .config(LedgerConfig.builder().startingBalance(LedgerConfig.MAX_STARTING_BALANCE).build()).build();
    ids = new AccountId[accounts];
    run = Long.toHexString(System.nanoTime());
    ExecutorService pool = Executors.newFixedThreadPool(16);
    try {
      List<Future<?>> opened = new ArrayList<>();
      for (int i = 0; i < accounts; i++) {
        int n = i;
        ids[n] = AccountId.user("g", "u" + n);
        opened.add(pool.submit(() -> ledger.openAccount("open-" + n, "g", "u" + n)));
      }
      for (Future<?> f : opened) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    if (STATEMENT_STATS && engine.equals("POSTGRESQL")) {
      databases.db().jdbi().useHandle(h -> {
        h.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
        h.execute("SELECT pg_stat_statements_reset()");
      });
    }
  }

  /**
   * {@code -Dfragkit.bench.statementStats=true} (with {@code -Dfragkit.bench.pg=shared_preload_libraries=pg_stat_statements})
   * prints PostgreSQL's per-statement server time for the measured transfers at the end of the trial.
   */
  private static final boolean STATEMENT_STATS = Boolean.getBoolean("fragkit.bench.statementStats");

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    if (STATEMENT_STATS && engine.equals("POSTGRESQL")) {
      databases.db().jdbi().useHandle(h -> h.createQuery("SELECT calls, round(total_exec_time::numeric, 1),"
              + " round(mean_exec_time::numeric * 1000, 1), round(total_plan_time::numeric, 1), plans, rows,"
              + " left(regexp_replace(query, '\\s+', ' ', 'g'), 160)"
              + " FROM pg_stat_statements ORDER BY total_exec_time + total_plan_time DESC LIMIT 15")
          .map((rs, ctx) -> String.format("%9d calls %9s ms exec %7s us/call %8s ms plan %8d plans %9d rows  %s",
              rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5), rs.getLong(6),
              rs.getString(7)))
          .list().forEach(System.out::println));
    }
    databases.close();
  }

  @Benchmark
  public Receipt transfer() {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    int a = r.nextInt(accounts);
    int b = r.nextInt(accounts - 1);
    if (b >= a) {
      b++;
    }
    return ledger.transfer(run + "-" + opIds.incrementAndGet(), ids[a], ids[b], 1);
  }
}
