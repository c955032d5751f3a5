package dev.fragkit.economy.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fragkit.economy.ledger.AccountId;
import dev.fragkit.economy.ledger.InsufficientFundsException;
import dev.fragkit.economy.ledger.Ledger;
import dev.fragkit.economy.ledger.LedgerConfig;
import dev.fragkit.economy.ledger.LedgerStore;
import dev.fragkit.economy.ledger.TestClock;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Both halves of the backup crash tests of every {@link LedgerBackups} implementation: the child
 * JVM's loop ({@link #transferAndBackUpForever}) and the parent's kill loop ({@link
 * #killRepeatedly}). A store's test checks afterwards that every backup the child reported
 * complete is listed and restores.
 */
public final class BackupCrashHarness {
  /** Players the child opens, each with 1,000 coins: the money every restored backup must hold. */
  public static final int PLAYERS = 4;
  public static final long STARTING_BALANCE = 1_000;

  private BackupCrashHarness() {}

  /** What the kills left: backups the children reported complete, kills mid-write, partial directories. */
  public record Kills(List<String> reported, int midWrite, long partialsLeft) {}

  /**
   * Child JVM side, args {@code <data> <backup dir> <run> <seed>}: opens the store, then alternates
   * transfers and backups until killed, printing {@code begin} before and {@code backup <name>}
   * after each backup.
   */
  public static void transferAndBackUpForever(String[] args, StoreFactory openStore,
      BackupsFactory openBackups) throws IOException {
    Path data = Path.of(args[0]);
    Path backupDir = Path.of(args[1]);
    int run = Integer.parseInt(args[2]);
    Random rnd = new Random(Long.parseLong(args[3]));
    TestClock clock = TestClock.ticking(Duration.ofMillis(7));
    clock.advance(Duration.ofHours(run));
    LedgerStore store = openStore.open(data);
    Ledger ledger = Ledger.builder(store).clock(clock)
        .config(LedgerConfig.builder().startingBalance(STARTING_BALANCE).storeRetryWait(Duration.ZERO).build()).build();
    for (int p = 0; p < PLAYERS; p++) {
      ledger.openAccount("open-p" + p, "g", "p" + p);
    }
    LedgerBackups backups = openBackups.open(store, data, backupDir, clock);
    for (int i = 0; ; i++) {
      int from = rnd.nextInt(PLAYERS);
      int to = (from + 1 + rnd.nextInt(PLAYERS - 1)) % PLAYERS;
      try {
        ledger.transfer("r" + run + "-t" + i, AccountId.user("g", "p" + from), AccountId.user("g", "p" + to),
            1 + rnd.nextInt(100));
      } catch (InsufficientFundsException e) {
        // a rejected transfer changes nothing; the next one is tried
        continue;
      }
      System.out.println("begin");
      System.out.flush();
      System.out.println("backup " + backups.create().name());
      System.out.flush();
    }
  }

  /** Opens the child's store on its data path. */
  @FunctionalInterface
  public interface StoreFactory {
    LedgerStore open(Path data) throws IOException;
  }

  /** Opens the backups of the child's store. */
  @FunctionalInterface
  public interface BackupsFactory {
    LedgerBackups open(LedgerStore store, Path data, Path backupDir, TestClock clock) throws IOException;
  }

  /**
   * Parent side: starts {@code worker} (a main class calling {@link #transferAndBackUpForever})
   * {@code kills} times and kills it with SIGKILL after a random number of output lines; when the
   * last line was {@code begin}, only once a {@code *.partial} directory appears (a {@link
   * WatchService}, no sleeping), i.e. while a backup is being written.
   */
  public static Kills killRepeatedly(Class<?> worker, Path data, Path backupDir, int kills, Random rnd)
      throws IOException, InterruptedException {
    List<String> reported = new ArrayList<>();
    Files.createDirectories(backupDir);
    int midWrite = 0;
    for (int run = 1; run <= kills; run++) {
      Path stderr = backupDir.resolveSibling("child-" + run + ".stderr");
      Process child = new ProcessBuilder(javaBin(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto",
          "-cp", System.getProperty("java.class.path"), worker.getName(), data.toString(),
          backupDir.toString(), String.valueOf(run), String.valueOf(rnd.nextLong()))
          .redirectError(stderr.toFile()).start();
      int killAfter = 1 + rnd.nextInt(10); // lines: after "begin" the kill lands inside create()
      List<String> lines = new ArrayList<>();
      try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
          StandardCharsets.UTF_8));
          WatchService watch = backupDir.getFileSystem().newWatchService()) {
        backupDir.register(watch, StandardWatchEventKinds.ENTRY_CREATE);
        String line;
        while (lines.size() < killAfter && (line = out.readLine()) != null) {
          lines.add(line);
        }
        if (!lines.isEmpty() && lines.get(lines.size() - 1).equals("begin")) {
          midWrite += awaitPartial(watch) ? 1 : 0;
        }
        child.destroyForcibly();
      }
      assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(lines).as("run %d ended early; its stderr ends with:%n%s", run, tail(stderr)).hasSize(killAfter)
          .allMatch(l -> l.equals("begin") || l.startsWith("backup "));
      lines.stream().filter(l -> l.startsWith("backup ")).forEach(l -> reported.add(l.substring("backup ".length())));
    }
    long partials;
    try (Stream<Path> s = Files.list(backupDir)) {
      partials = s.filter(p -> p.getFileName().toString().endsWith(BackupNames.PARTIAL)).count();
    }
    return new Kills(List.copyOf(reported), midWrite, partials);
  }

  /** The last 40 lines of a child's stderr (what it said before it died). */
  private static String tail(Path stderr) throws IOException {
    if (!Files.exists(stderr)) {
      return "(no stderr file)";
    }
    List<String> all = Files.readAllLines(stderr, StandardCharsets.UTF_8);
    return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - 40), all.size()));
  }

  /** Waits (up to 60 s) until a {@code *.partial} entry is created in the watched directory. */
  private static boolean awaitPartial(WatchService watch) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      WatchKey key = watch.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
      if (key == null) {
        return false;
      }
      boolean seen = key.pollEvents().stream()
          .anyMatch(e -> e.context().toString().endsWith(BackupNames.PARTIAL));
      key.reset();
      if (seen) {
        return true;
      }
    }
    return false;
  }

  private static String javaBin() {
    return System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
  }
}
