package dev.fragkit.benchmarks.pipeline;

import dev.fragkit.adapters.jdbc.JdbcDatabase;
import dev.fragkit.adapters.jdbc.greatshot.JdbcGreatshotStore;
import dev.fragkit.greatshot.store.Page;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.statement.PreparedBatch;
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
 * Latency distribution (use the p0.99 line of SampleTime) of each topshots board over {@code demos}
 * analysed demos (2 players and 2 highlights each), on embedded H2 and real PostgreSQL. The data set
 * is seeded once per engine into {@code target/bench-data} and reused by later forks and runs.
 * Page 1 (limit 10) and a deep page (offset 1000) are measured; the naive baseline the issue fixes
 * (reading every analysis.json) is not reproduced, the reference's target was 100 ms.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 2)
public class TopshotsBenchmark {
  @Param({"H2", "POSTGRESQL"})
  public String engine;

  @Param({"kills", "players", "accuracy", "damage", "multikills"})
  public String board;

  @Param({"100000"})
  public int demos;

  @Param({"0", "1000"})
  public int offset;

  private BenchDatabases databases;
  private JdbcGreatshotStore store;
  private Page page;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    databases = BenchDatabases.open(engine, "topshots-" + demos, 4);
    store = JdbcGreatshotStore.open(databases.db(), Clock.systemUTC());
    seedIfNeeded(databases.db(), demos);
    page = new Page(10, offset);
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    databases.close();
  }

  @Benchmark
  public List<?> query() {
    return switch (board) {
      case "kills" -> store.topKills(page);
      case "players" -> store.topPlayers(page);
      case "accuracy" -> store.topAccuracy(10, page);
      case "damage" -> store.topDamage(page);
      case "multikills" -> store.topMultikills(page);
      default -> throw new IllegalArgumentException("board: " + board);
    };
  }

  /** Inserts {@code demos} analysed demos unless already there (rows written straight with batches). */
  static void seedIfNeeded(JdbcDatabase db, int demos) {
    int existing = db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM greatshot_analyses").mapTo(Integer.class).one());
    if (existing >= demos) {
      return;
    }
    SplittableRandom random = new SplittableRandom(42);
    long now = System.currentTimeMillis();
    int chunk = 5000;
    for (int from = 0; from < demos; from += chunk) {
      int start = from;
      int end = Math.min(demos, from + chunk);
      db.jdbi().useTransaction(h -> {
        PreparedBatch d = h.prepareBatch("INSERT INTO greatshot_demos (id, sha256, original_filename, extension, size_bytes, "
            + "status, created_ms, updated_ms) VALUES (:id, :sha, :name, '.dm_84', 100000, 'analyzed', :t, :t)");
        PreparedBatch a = h.prepareBatch("INSERT INTO greatshot_analyses (demo_id, map_name, total_kills, player_count, "
            + "created_ms) VALUES (:id, :map, :kills, 2, :t)");
        PreparedBatch p = h.prepareBatch("INSERT INTO greatshot_player_stats (demo_id, slot, player, raw_name, kills, deaths, "
            + "headshots, damage_given, damage_received, shots, hits, time_played_ms, accuracy) VALUES (:id, :slot, :player, "
            + ":player, :kills, :deaths, :hs, :dg, :dr, :shots, :hits, 600000, :acc)");
        PreparedBatch hl = h.prepareBatch("INSERT INTO greatshot_highlights (id, demo_id, type, client_num, player, start_ms, "
            + "end_ms, kills, score, explanation, multikill, ordinal) VALUES (:hid, :id, 'multi_kill', 0, :player, 0, 1000, "
            + ":kills, :score, 'seeded', :multi, :ord)");
        for (int i = start; i < end; i++) {
          String id = String.format("%032x", i);
          int total = 0;
          for (int slot = 0; slot < 2; slot++) {
            int kills = random.nextInt(60);
            int shots = random.nextInt(4) == 0 ? 0 : 50 + random.nextInt(400);
            int hits = shots == 0 ? 0 : random.nextInt(shots + 1);
            total += kills;
            p.bind("id", id).bind("slot", slot).bind("player", "player" + random.nextInt(5000)).bind("kills", kills)
                .bind("deaths", random.nextInt(60)).bind("hs", random.nextInt(20)).bind("dg", (long) random.nextInt(20000))
                .bind("dr", (long) random.nextInt(20000)).bind("shots", shots).bind("hits", hits)
                .bind("acc", shots == 0 ? -1.0 : hits * 100.0 / shots).add();
            int hk = 1 + random.nextInt(5);
            hl.bind("hid", id + "h" + slot).bind("id", id).bind("player", "player" + slot).bind("kills", hk)
                .bind("score", random.nextDouble() * 100).bind("multi", hk >= 2).bind("ord", slot).add();
          }
          d.bind("id", id).bind("sha", String.format("%064x", i)).bind("name", "demo" + i + ".dm_84").bind("t", now).add();
          a.bind("id", id).bind("map", "map" + i % 20).bind("kills", total).bind("t", now).add();
        }
        d.execute();
        a.execute();
        p.execute();
        hl.execute();
      });
    }
    // Fresh planner statistics on both engines; on PostgreSQL also set the visibility map and hint
    // bits, as a long-running database would have them (otherwise the first reads write).
    db.jdbi().useHandle(h -> h.execute(db.dialect() == JdbcDatabase.Dialect.POSTGRESQL ? "VACUUM ANALYZE" : "ANALYZE"));
  }
}
