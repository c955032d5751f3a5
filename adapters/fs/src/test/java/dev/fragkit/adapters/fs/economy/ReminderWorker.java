package dev.fragkit.adapters.fs.economy;

import dev.fragkit.economy.reminder.Reminder;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * Child JVM for {@link FsReminderStoreProcessTest}. {@code deliver <dir>}: prints "ready", waits for a
 * line on stdin, then marks every due reminder delivered, printing "won <id>" for each one it won,
 * then "done". {@code schedule <dir> <prefix>}: schedules reminders forever, printing "scheduled
 * <id>" after each call returned (killed by the test).
 */
public final class ReminderWorker {
  private ReminderWorker() {}

  public static void main(String[] args) throws Exception {
    FsReminderStore store = FsReminderStore.open(Path.of(args[1]));
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
    if (args[0].equals("deliver")) {
      out.println("ready");
      new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
      while (true) {
        List<Reminder> batch = store.due(t0.plusSeconds(3600), 20);
        if (batch.isEmpty()) {
          break;
        }
        for (Reminder r : batch) {
          if (store.markDelivered(r.id())) {
            out.println("won " + r.id());
          }
        }
      }
      out.println("done");
    } else {
      for (int i = 0; ; i++) {
        String id = args[2] + "-" + i;
        store.schedule(Reminder.pending(id, "g", "u", "reminder text " + i + " ".repeat(i % 50) + "!",
            t0.plusSeconds(i), t0));
        if (i % 3 == 0) {
          store.markDelivered(args[2] + "-" + (i / 2));
        }
        out.println("scheduled " + id);
      }
    }
  }
}
