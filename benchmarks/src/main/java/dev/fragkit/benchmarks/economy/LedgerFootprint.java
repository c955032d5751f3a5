package dev.fragkit.benchmarks.economy;

import dev.fragkit.economy.ledger.AccountId;
import dev.fragkit.economy.ledger.InMemoryLedgerStore;
import dev.fragkit.economy.ledger.Ledger;
import dev.fragkit.economy.ledger.LedgerConfig;
import java.lang.management.ManagementFactory;
import java.util.SplittableRandom;

/**
 * Retained heap per transfer of the in-memory store: live heap (after full GCs) before and after N
 * public {@code Ledger.transfer} calls with unique operation ids, with {@code -Dhistogram=true} the
 * class histogram of the live heap. Also prints transfers per CPU-second of the whole JVM (the
 * calling thread plus JIT and GC threads): on a shared machine that figure moves far less with
 * other processes' load than wall-clock throughput does. Not a JMH benchmark (one pass, no
 * warm-up separation); the JMH figure is {@link LedgerTransferBenchmark}.
 *
 * <p>Usage: {@code java -cp benchmarks.jar dev.fragkit.benchmarks.economy.LedgerFootprint
 * [transfers] [accounts]}.
 */
public final class LedgerFootprint {
  private LedgerFootprint() {}

  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    int accounts = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
    Ledger ledger = Ledger.builder(InMemoryLedgerStore.create())
        .config(LedgerConfig.builder().startingBalance(LedgerConfig.MAX_STARTING_BALANCE).build()).build();
    AccountId[] ids = new AccountId[accounts];
    for (int i = 0; i < accounts; i++) {
      ledger.openAccount("open-" + i, "g", "u" + i);
      ids[i] = AccountId.user("g", "u" + i);
    }
    long before = liveHeap();
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long cpuStart = os.getProcessCpuTime();
    long threadStart = threads.getCurrentThreadCpuTime();
    long gcStart = gcMillis();
    long wallStart = System.nanoTime();
    SplittableRandom r = new SplittableRandom(42);
    for (int i = 0; i < n; i++) {
      int a = r.nextInt(accounts);
      int b = r.nextInt(accounts - 1);
      if (b >= a) {
        b++;
      }
      ledger.transfer("op" + i, ids[a], ids[b], 1);
    }
    long cpu = os.getProcessCpuTime() - cpuStart;
    long wall = System.nanoTime() - wallStart;
    long thread = threads.getCurrentThreadCpuTime() - threadStart;
    long gc = gcMillis() - gcStart;
    System.out.printf("calling thread %.0f CPU-ns/transfer; GC pauses %d ms of %d ms wall%n", thread / (double) n, gc,
        wall / 1_000_000);
    long after = liveHeap();
    System.out.printf("transfers per JVM CPU-second %.0f, per wall second %.0f (%.2f CPU cores busy)%n",
        n / (cpu / 1e9), n / (wall / 1e9), cpu / (double) wall);
    System.out.printf("transfers=%d accounts=%d retained=%d bytes (%.1f B/transfer)%n", n, accounts,
        after - before, (after - before) / (double) n);
    if (Boolean.getBoolean("histogram")) {
      System.out.println(histogram(Integer.getInteger("histogram.lines", 25)));
    }
    if (ledger.balance(ids[0]) < 0) {
      System.out.println("impossible");
    }
  }

  private static String histogram(int lines) {
    try {
      Object text = ManagementFactory.getPlatformMBeanServer().invoke(
          new javax.management.ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
          new Object[] {new String[0]}, new String[] {String[].class.getName()});
      String[] rows = String.valueOf(text).split("\n");
      return String.join("\n", java.util.Arrays.copyOf(rows, Math.min(rows.length, lines)));
    } catch (javax.management.JMException e) {
      throw new IllegalStateException("class histogram unavailable", e);
    }
  }

  private static long gcMillis() {
    long total = 0;
    for (java.lang.management.GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      total += Math.max(0, gc.getCollectionTime());
    }
    return total;
  }

  private static long liveHeap() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
