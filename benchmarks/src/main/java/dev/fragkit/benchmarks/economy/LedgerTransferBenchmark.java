package dev.fragkit.benchmarks.economy;

import dev.fragkit.economy.ledger.AccountId;
import dev.fragkit.economy.ledger.InMemoryLedgerStore;
import dev.fragkit.economy.ledger.Ledger;
import dev.fragkit.economy.ledger.LedgerConfig;
import dev.fragkit.economy.ledger.Receipt;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Idempotent transfers per second on the in-memory store (keyed locks, staged commit, journal),
 * between random pairs of {@code accounts} accounts: 10 = hot (contended with several threads),
 * 10,000 = cold. Run with {@code -t 1} and {@code -t 16}. The store is rebuilt every iteration so
 * the journal does not grow without bound.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class LedgerTransferBenchmark {
  @Param({"10", "10000"})
  public int accounts;

  private Ledger ledger;
  private AccountId[] ids;
  private final AtomicLong opIds = new AtomicLong();

  @Setup(Level.Iteration)
  public void setUp() {
    ledger = Ledger.builder(InMemoryLedgerStore.create())
        .config(LedgerConfig.builder().startingBalance(LedgerConfig.MAX_STARTING_BALANCE).build()).build();
    ids = new AccountId[accounts];
    for (int i = 0; i < accounts; i++) {
      ledger.openAccount("open-" + i, "g", "u" + i);
      ids[i] = AccountId.user("g", "u" + i);
    }
  }

  @Benchmark
  public Receipt transfer() {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    int a = r.nextInt(accounts);
    int b = r.nextInt(accounts - 1);
    if (b >= a) {
      b++;
    }
    return ledger.transfer("op" + opIds.incrementAndGet(), ids[a], ids[b], 1);
  }
}
