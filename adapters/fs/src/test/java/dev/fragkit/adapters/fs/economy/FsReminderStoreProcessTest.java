package dev.fragkit.adapters.fs.economy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fragkit.economy.reminder.Reminder;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link FsReminderStore} shared by real processes: the OS file lock and atomic replacement. */
class FsReminderStoreProcessTest {
  private static final int REMINDERS = 60;
  private static final int KILLS = 10;

  @TempDir
  Path dir;

  @Test
  void twoProcessesDeliveringTheSameDueSetMarkEachReminderExactlyOnce() throws Exception {
    FsReminderStore store = FsReminderStore.open(dir);
    Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
    for (int i = 0; i < REMINDERS; i++) {
      store.schedule(Reminder.pending(String.format("r%03d", i), "g", "u", "hi " + i, t0.plusSeconds(i % 10), t0));
    }
    List<Process> children = new ArrayList<>();
    List<BufferedReader> outs = new ArrayList<>();
    try {
      for (int i = 0; i < 3; i++) {
        Process p = child("deliver", dir.toString());
        children.add(p);
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        outs.add(out);
        assertThat(out.readLine()).isEqualTo("ready");
      }
      for (Process p : children) { // all are waiting: release them together
        OutputStream in = p.getOutputStream();
        in.write("go\n".getBytes(StandardCharsets.UTF_8));
        in.flush();
      }
      List<String> won = new ArrayList<>();
      int[] perChild = new int[children.size()];
      for (int c = 0; c < children.size(); c++) {
        String line;
        while ((line = outs.get(c).readLine()) != null && !line.equals("done")) {
          assertThat(line).startsWith("won ");
          won.add(line.substring(4));
          perChild[c]++;
        }
        assertThat(line).as("child %d finished", c).isEqualTo("done");
        assertThat(children.get(c).waitFor(1, TimeUnit.MINUTES)).isTrue();
        assertThat(children.get(c).exitValue()).isZero();
      }
      assertThat(won).doesNotHaveDuplicates().hasSize(REMINDERS);
      assertThat(store.due(t0.plusSeconds(3600), REMINDERS)).isEmpty();
    } finally {
      children.forEach(Process::destroyForcibly);
    }
  }

  @Test
  void tenSigkillsWhileSchedulingLeaveAReadableFileWithEveryAcknowledgedReminder() throws Exception {
    Random rnd = new Random(Long.getLong("fragkit.crash.seed", 11L));
    Set<String> acknowledged = new HashSet<>();
    for (int run = 0; run < KILLS; run++) {
      Process p = child("schedule", dir.toString(), "run" + run);
      int killAfter = 1 + rnd.nextInt(30);
      try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        int lines = 0;
        while (lines < killAfter && (line = out.readLine()) != null) {
          acknowledged.add(line.substring("scheduled ".length()));
          lines++;
        }
        p.destroyForcibly();
        assertThat(p.waitFor(1, TimeUnit.MINUTES)).isTrue();
        assertThat(lines).as("run %d ended early", run).isEqualTo(killAfter);
      }
      FsReminderStore reopened = FsReminderStore.open(dir); // parses the whole file: no torn write
      for (String id : acknowledged) {
        assertThat(reopened.find(id)).as("acknowledged reminder %s survives SIGKILL", id).isPresent();
      }
    }
    assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(KILLS);
  }

  private static Process child(String... args) throws IOException {
    List<String> cmd = new ArrayList<>(List.of(System.getProperty("java.home") + File.separator + "bin"
        + File.separator + "java", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp",
        System.getProperty("java.class.path"), ReminderWorker.class.getName()));
    cmd.addAll(List.of(args));
    return new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
  }
}
