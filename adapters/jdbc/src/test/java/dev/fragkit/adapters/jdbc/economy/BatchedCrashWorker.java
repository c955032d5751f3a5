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

/**
 * Child JVM for {@link BatchedTransferCrashTest}: transfers among hot accounts of one PostgreSQL
 * database with several threads (batched store) until it is killed, printing {@code ack <id>
 * <largest batch so far>} after each transfer the ledger acknowledged.
 * Args: url user password workerName hotAccounts threads.
 */
public final class BatchedCrashWorker {
  private BatchedCrashWorker() {}

  public static void main(String[] args) throws Exception {
    String worker = args[3];
    int hot = Integer.parseInt(args[4]);
    int threads = Integer.parseInt(args[5]);
    JdbcDatabase db = JdbcDatabase.open(args[0], args[1], args[2], threads + 1);
    JdbcLedgerStore store = JdbcLedgerStore.open(db);
    Ledger ledger = Ledger.builder(store).config(LedgerConfig.builder().storeRetryWait(Duration.ZERO).build()).build();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    for (int t = 0; t < threads; t++) {
      int thread = t;
      pool.submit(() -> {
        Random rnd = new Random(worker.hashCode() * 31L + thread);
        for (int i = 0; ; i++) {
          int from = rnd.nextInt(hot);
          int to = (from + 1 + rnd.nextInt(hot - 1)) % hot;
          String id = worker + "-" + thread + "-" + i;
          try {
            ledger.transfer(id, AccountId.user("g1", "h" + from), AccountId.user("g1", "h" + to), 1 + rnd.nextInt(40));
          } catch (LedgerException e) {
            continue;
          }
          long largest = store.batchStats().orElseThrow().largestBatch();
          synchronized (System.out) {
            System.out.println("ack " + id + " " + largest);
            System.out.flush();
          }
        }
      });
    }
  }
}
