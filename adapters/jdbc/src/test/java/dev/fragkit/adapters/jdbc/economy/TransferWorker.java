package dev.fragkit.adapters.jdbc.economy;

import dev.fragkit.adapters.jdbc.JdbcDatabase;
import dev.fragkit.economy.LedgerException;
import dev.fragkit.economy.ledger.AccountId;
import dev.fragkit.economy.ledger.Ledger;
import dev.fragkit.economy.ledger.LedgerConfig;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Child JVM for {@link TwoJvmTransferTest}: runs random transfers among hot accounts on one
 * database with several threads, then prints {@code applied=N rejected=M}.
 * Args: url user password workerName hotAccounts operations threads.
 */
public final class TransferWorker {
  private TransferWorker() {}

  public static void main(String[] args) throws Exception {
    String url = args[0];
    String worker = args[3];
    int hot = Integer.parseInt(args[4]);
    int ops = Integer.parseInt(args[5]);
    int threads = Integer.parseInt(args[6]);
    try (JdbcDatabase db = JdbcDatabase.open(url, args[1], args[2], threads)) {
      Ledger ledger = Ledger.builder(JdbcLedgerStore.open(db))
          .config(LedgerConfig.builder().storeRetryWait(Duration.ZERO).build()).build();
      AtomicInteger applied = new AtomicInteger();
      AtomicInteger rejected = new AtomicInteger();
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        futures.add(pool.submit(() -> {
          Random rnd = new Random(worker.hashCode() * 31L + thread);
          for (int i = thread; i < ops; i += threads) {
            AccountId from = AccountId.user("g1", "h" + rnd.nextInt(hot));
            AccountId to = AccountId.user("g1", "h" + rnd.nextInt(hot));
            if (from.equals(to)) {
              continue;
            }
            try {
              ledger.transfer(worker + "-" + i, from, to, 1 + rnd.nextInt(40));
              applied.incrementAndGet();
            } catch (LedgerException e) {
              rejected.incrementAndGet();
            }
          }
          return null;
        }));
      }
      for (Future<?> f : futures) {
        f.get(5, TimeUnit.MINUTES);
      }
      pool.shutdown();
      System.out.println("applied=" + applied.get() + " rejected=" + rejected.get());
    }
  }
}
