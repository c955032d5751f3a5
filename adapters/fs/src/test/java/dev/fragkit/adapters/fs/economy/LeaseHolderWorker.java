package dev.fragkit.adapters.fs.economy;

import dev.fragkit.economy.ledger.AccountId;
import dev.fragkit.economy.ledger.Ledger;
import dev.fragkit.economy.ledger.LedgerConfig;
import dev.fragkit.economy.ledger.StoreException;
import dev.fragkit.economy.ledger.TestClock;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Child JVM of {@link FsLedgerStoreLeaseProcessTest}; opens a store in lease mode (ttl 3 s, refresh
 * every 500 ms). Modes: {@code hold} opens, commits a transfer, prints "open <owner>" and keeps the
 * store open until stdin closes; {@code probe} tries once and prints "refused <owner>\t<expiresAt>"
 * or "opened"; {@code wait} retries until it gets in and prints "opened <instant> <balance of u1>".
 * Args: mode dir.
 */
public final class LeaseHolderWorker {
  static final FsLedgerStoreOptions OPTIONS = FsLedgerStoreOptions.builder()
      .singleInstanceLease(Duration.ofSeconds(3), Duration.ofMillis(500)).build();

  private LeaseHolderWorker() {}

  public static void main(String[] args) throws Exception {
    String mode = args[0];
    Path dir = Path.of(args[1]);
    switch (mode) {
      case "hold" -> {
        FsLedgerStore store = FsLedgerStore.open(dir, OPTIONS);
        Ledger ledger = Ledger.builder(store).clock(TestClock.fixed())
            .config(LedgerConfig.builder().startingBalance(100).build()).build();
        ledger.openAccount("o1", "g", "u1");
        ledger.openAccount("o2", "g", "u2");
        ledger.transfer("t1", AccountId.user("g", "u1"), AccountId.user("g", "u2"), 25);
        System.out.println("open " + store.leaseOwner().orElseThrow());
        System.out.flush();
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        store.close();
      }
      case "probe" -> {
        try {
          FsLedgerStore.open(dir, OPTIONS).close();
          System.out.println("opened");
        } catch (LeaseHeldException e) {
          System.out.println("refused " + e.owner() + "\t" + e.expiresAt());
        } catch (StoreException e) {
          System.out.println("not refused by the lease: " + e.getMessage());
        }
      }
      case "wait" -> {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
          try (FsLedgerStore store = FsLedgerStore.open(dir, OPTIONS)) {
            Instant in = Instant.now();
            System.out.println("opened " + in + " " + store.balance(AccountId.user("g", "u1")).orElse(-1));
            break;
          } catch (LeaseHeldException e) {
            if (System.nanoTime() > deadline) {
              throw e;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20)); // poll until the dead holder's lease ends
          }
        }
      }
      default -> throw new IllegalArgumentException("mode " + mode);
    }
    System.out.flush();
  }
}
