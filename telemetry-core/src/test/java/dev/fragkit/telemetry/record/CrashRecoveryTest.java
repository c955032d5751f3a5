package dev.fragkit.telemetry.record;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fragkit.telemetry.tick.GameTick;
import dev.fragkit.telemetry.tick.TickCodec;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills child JVMs that are recording with SIGKILL ({@link Process#destroyForcibly()}) at random
 * points and checks that recovery returns every frame the child reported as synced, and nothing
 * corrupt. The number of kills is {@code -Dfragkit.crash.kills} (default 50).
 */
class CrashRecoveryTest {
  private static final int KILLS = Integer.getInteger("fragkit.crash.kills", 50);
  @TempDir Path tmp;

  private static Process start(Path stderr, String... args) throws IOException {
    List<String> cmd = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx64m", "-Xshare:auto",
        "-cp", System.getProperty("java.class.path"), CrashChild.class.getName()));
    cmd.addAll(List.of(args));
    return new ProcessBuilder(cmd).redirectError(stderr.toFile()).start();
  }

  record KillResult(long highestSynced, int recovered, long droppedTail, long segments) {}


  private KillResult killOnce(int round, long seed) throws Exception {
    Path dir = tmp.resolve("rec-" + round);
    Random rnd = new Random(seed);
    String mode = round % 2 == 0 ? "record" : "record-split";
    Process p = start(tmp.resolve("child-" + round + ".err"), mode, dir.toString(), Long.toString(seed));
    long highest = -1;
    try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      String first = in.readLine();
      assertThat(first).as("child started (see %s)", tmp.resolve("child-" + round + ".err")).isEqualTo("READY");
      int waitFor = rnd.nextInt(10);
      String line;
      int seen = 0;
      while (seen < waitFor && (line = in.readLine()) != null) {
        highest = Math.max(highest, Long.parseLong(line.substring("SYNCED ".length())));
        seen++;
      }
      // Land the kill at a random moment inside the write/sync cycle.
      long spinUntil = System.nanoTime() + rnd.nextInt(3_000_000);
      while (System.nanoTime() < spinUntil) {
        Thread.onSpinWait();
      }
      p.destroyForcibly();
      assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    } finally {
      p.destroyForcibly();
    }
    assertThat(p.exitValue()).as("killed by SIGKILL").isEqualTo(137);
    // The side file is the truth: lines written after the last stdout line we read count too
    // (destroyForcibly closes our end of the stdout pipe, losing what was still in it).
    Path side = Path.of(dir + ".synced");
    if (Files.exists(side)) {
      String all = Files.readString(side, StandardCharsets.US_ASCII);
      for (String l : all.split("\n", -1)) {
        if (l.startsWith("SYNCED ") && all.contains(l + "\n")) {
          highest = Math.max(highest, Long.parseLong(l.substring("SYNCED ".length())));
        }
      }
    }

    RecordingReader.Recovered rec = RecordingReader.readAll(dir, RecordingFileSystem.local(),
        TickCodec.withMaxTickBytes(16 * 1024));
    List<GameTick> ticks = rec.ticks();
    for (int i = 0; i < ticks.size(); i++) {
      GameTick t = ticks.get(i);
      assertThat(t.sequence()).as("round %d: contiguous prefix", round).isEqualTo(i);
      assertThat(t).isEqualTo(TestTicks.tick("game-1", i, (int) (i * 31L % 3000)));
    }
    assertThat((long) ticks.size() - 1).as("round %d: every synced tick recovered", round)
        .isGreaterThanOrEqualTo(highest);
    assertThat(rec.report().corruptRegions()).as("round %d: a kill only tears the tail", round).isEmpty();
    return new KillResult(highest, ticks.size(), rec.report().droppedTailBytes(),
        rec.report().segments().size());
  }

  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void everySyncedFrameSurvivesSigkillAndNoCorruptFrameIsReturned() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    List<Future<KillResult>> results = new ArrayList<>();
    long base = new Random().nextLong();
    for (int i = 0; i < KILLS; i++) {
      int round = i;
      results.add(pool.submit(() -> killOnce(round, base + round)));
    }
    pool.shutdown();
    int torn = 0;
    int beyondSync = 0;
    long recovered = 0;
    AtomicLong maxSynced = new AtomicLong(-1);
    for (Future<KillResult> f : results) {
      KillResult r = f.get(5, TimeUnit.MINUTES);
      if (r.droppedTail() > 0) {
        torn++;
      }
      recovered += r.recovered();
      if (r.recovered() - 1 > r.highestSynced()) {
        beyondSync++;
      }
      maxSynced.accumulateAndGet(r.highestSynced(), Math::max);
    }
    Files.writeString(tmp.resolve("summary.txt"), "kills=" + KILLS + " torn=" + torn);
    System.getLogger(getClass().getName()).log(System.Logger.Level.INFO,
        "crash test (seed base " + base + "): kills=" + KILLS + ", kills that tore a tail frame=" + torn
            + ", kills leaving written-but-unreported frames=" + beyondSync
            + ", ticks recovered=" + recovered + ", max synced seq=" + maxSynced.get());
    assertThat(results).hasSize(KILLS);
  }

  @Test
  @Timeout(value = 2, unit = TimeUnit.MINUTES)
  void shutdownHookWritesBufferedTicksOnOrdinaryExit() throws Exception {
    Path dir = tmp.resolve("exit");
    Process p = start(tmp.resolve("exit.err"), "exit", dir.toString(), "57");
    try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      assertThat(in.readLine()).isEqualTo("RECORDED 57");
    }
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isZero();
    List<GameTick> ticks = RecordingReader.readAll(dir, RecordingFileSystem.local(),
        TickCodec.defaults()).ticks();
    assertThat(ticks).hasSize(57);
    assertThat(ticks.get(56)).isEqualTo(TestTicks.tick("game-1", 56, 56 % 40));
  }
}
