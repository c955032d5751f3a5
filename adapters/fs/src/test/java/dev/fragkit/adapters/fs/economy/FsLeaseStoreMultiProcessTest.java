package dev.fragkit.adapters.fs.economy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Four child JVMs ({@link LeaseRaceWorker}) race for one {@link FsLeaseStore} lease for a few
 * seconds, releasing, refreshing and letting it expire. The holding intervals of all processes never
 * overlap, no process sees another owner before its own expiry, and an expired owner can neither
 * refresh nor release the lease of the process that took over.
 */
class FsLeaseStoreMultiProcessTest {
  private static final Logger LOG = LoggerFactory.getLogger(FsLeaseStoreMultiProcessTest.class);
  private static final int PROCESSES = 4;

  @TempDir
  Path dir;

  record Interval(String owner, long start, long end) {}

  @Test
  void racingProcessesNeverHoldTheLeaseAtTheSameTime() throws Exception {
    List<Process> children = new ArrayList<>();
    List<BufferedReader> outs = new ArrayList<>();
    try {
      for (int i = 0; i < PROCESSES; i++) {
        Process p = new ProcessBuilder(javaBin(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
            "-cp", System.getProperty("java.class.path"), LeaseRaceWorker.class.getName(),
            dir.resolve("leases").toString(), dir.resolve("out-" + i).toString(), "p" + i, "3000", String.valueOf(i))
            .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        children.add(p);
        outs.add(new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)));
      }
      for (BufferedReader out : outs) {
        assertThat(out.readLine()).isEqualTo("ready");
      }
      for (Process p : children) {
        OutputStream in = p.getOutputStream();
        in.write("go\n".getBytes(StandardCharsets.UTF_8));
        in.flush();
      }
      int acquisitions = 0;
      int takeoverChecks = 0;
      for (int i = 0; i < PROCESSES; i++) {
        String done = outs.get(i).readLine();
        assertThat(done).as("child %d result", i).startsWith("done ");
        String[] parts = done.split(" ");
        acquisitions += Integer.parseInt(parts[1]);
        takeoverChecks += Integer.parseInt(parts[2]);
        assertThat(children.get(i).waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(children.get(i).exitValue()).isZero();
      }
      List<Interval> intervals = new ArrayList<>();
      List<String> violations = new ArrayList<>();
      for (int i = 0; i < PROCESSES; i++) {
        for (String line : Files.readAllLines(dir.resolve("out-" + i), StandardCharsets.UTF_8)) {
          if (line.startsWith("V ")) {
            violations.add(line);
          } else {
            String[] f = line.split(" ");
            intervals.add(new Interval(f[1], Long.parseLong(f[2]), Long.parseLong(f[3])));
          }
        }
      }
      assertThat(violations).isEmpty();
      intervals.sort(Comparator.comparingLong(Interval::start));
      Interval latest = null;
      Set<String> holders = new HashSet<>();
      for (Interval iv : intervals) {
        assertThat(iv.end()).as("%s", iv).isGreaterThanOrEqualTo(iv.start());
        if (latest != null) {
          assertThat(iv.start()).as("%s overlaps %s", iv, latest).isGreaterThanOrEqualTo(latest.end());
        }
        if (latest == null || iv.end() > latest.end()) {
          latest = iv;
        }
        holders.add(iv.owner());
      }
      LOG.info("lease race: {} processes, {} acquisitions, {} holdings, {} takeover checks, {} holders",
          PROCESSES, acquisitions, intervals.size(), takeoverChecks, holders.size());
      assertThat(intervals).hasSizeLessThanOrEqualTo(acquisitions);
      assertThat(intervals.size()).as("holdings").isGreaterThanOrEqualTo(PROCESSES * LeaseRaceWorker.MIN_HOLDINGS);
      assertThat(holders).as("processes that held the lease").hasSizeGreaterThanOrEqualTo(2);
      assertThat(takeoverChecks).as("expired owners checked after a takeover").isPositive();
    } finally {
      children.forEach(Process::destroyForcibly);
    }
  }

  static String javaBin() {
    return System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
  }
}
