package dev.fragkit.adapters.fs.economy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Child JVM of {@link FsLeaseStoreMultiProcessTest}: after "go" on stdin, races for lease "race"
 * until {@code millis} have passed and it held it at least {@link #MIN_HOLDINGS} times (at
 * most 30 s). While it believes it holds the lease (from the moment tryAcquire
 * returned true until the earlier of its expiry and the moment it decides to release) it re-reads
 * the lease and records a violation if another owner shows up before the expiry. After its first
 * acquisition and then at random it stalls past its expiry until another process has taken over, then checks that its refresh and
 * release are refused. Writes "I owner startMicros endMicros" per holding and "V text" per violation
 * to {@code out} (an acquisition that returned after its own expiry held nothing and is not
 * recorded), then prints "done acquisitions takeoverChecks". Args: leaseDir out owner millis seed.
 */
public final class LeaseRaceWorker {
  static final Duration TTL = Duration.ofMillis(150);
  static final int MIN_HOLDINGS = 6;

  private LeaseRaceWorker() {}

  public static void main(String[] args) throws Exception {
    FsLeaseStore leases = FsLeaseStore.open(Path.of(args[0]));
    Path out = Path.of(args[1]);
    String owner = args[2];
    long millis = Long.parseLong(args[3]);
    Random rnd = new Random(Long.parseLong(args[4]));
    System.out.println("ready");
    System.out.flush();
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    if (!"go".equals(in.readLine())) {
      throw new IllegalStateException("expected go");
    }
    List<String> lines = new ArrayList<>();
    int acquisitions = 0;
    int holdings = 0;
    int takeoverChecks = 0;
    long end = System.nanoTime() + millis * 1_000_000L;
    long cap = System.nanoTime() + 30_000_000_000L;
    while ((System.nanoTime() < end || holdings < MIN_HOLDINGS) && System.nanoTime() < cap) {
      Instant now = Instant.now();
      if (!leases.tryAcquire("race", owner, now, TTL)) {
        continue;
      }
      Instant start = Instant.now();
      Instant expires = now.plus(TTL);
      acquisitions++;
      if (acquisitions == 1 || rnd.nextInt(4) == 0) {
        // stall: stop refreshing, believe until the expiry, then wait for a takeover
        holdings += addInterval(lines, owner, start, expires) ? 1 : 0;
        long waitUntil = System.nanoTime() + TTL.toNanos() * 20;
        boolean takenOver = false;
        while (!takenOver && System.nanoTime() < waitUntil) {
          takenOver = leases.current("race").map(l -> !l.owner().equals(owner)).orElse(false);
        }
        if (takenOver) {
          takeoverChecks++;
          if (leases.refresh("race", owner, Instant.now(), TTL)) {
            lines.add("V expired owner " + owner + " refreshed the lease after a takeover");
          }
          if (leases.release("race", owner)) {
            lines.add("V expired owner " + owner + " released the new owner's lease");
          }
        }
        continue;
      }
      int reads = 1 + rnd.nextInt(30);
      Instant stop = null;
      for (int i = 0; i < reads && stop == null; i++) {
        var seen = leases.current("race");
        Instant after = Instant.now();
        if (!after.isBefore(expires)) {
          stop = expires;
        } else if (seen.isEmpty() || !seen.get().owner().equals(owner)) {
          lines.add("V " + owner + " saw " + seen + " at " + after + " before its expiry " + expires);
          stop = after;
        } else if (rnd.nextInt(5) == 0) {
          Instant refreshAt = Instant.now();
          if (leases.refresh("race", owner, refreshAt, TTL)) {
            expires = refreshAt.plus(TTL);
          } else {
            stop = min(refreshAt, expires);
          }
        }
      }
      if (stop == null) {
        stop = min(Instant.now(), expires);
        leases.release("race", owner);
      }
      holdings += addInterval(lines, owner, start, stop) ? 1 : 0;
    }
    try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8))) {
      lines.forEach(w::println);
    }
    System.out.println("done " + acquisitions + " " + takeoverChecks);
    System.out.flush();
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }

  /** An acquisition that returned only after its own expiry (a slow machine) held nothing: skipped. */
  private static boolean addInterval(List<String> lines, String owner, Instant start, Instant end) {
    if (!start.isBefore(end)) {
      return false;
    }
    lines.add("I " + owner + " " + ChronoUnit.MICROS.between(Instant.EPOCH, start) + " "
        + ChronoUnit.MICROS.between(Instant.EPOCH, end));
    return true;
  }
}
