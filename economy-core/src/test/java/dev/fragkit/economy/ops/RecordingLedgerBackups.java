package dev.fragkit.economy.ops;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A {@link LedgerBackups} fake for scheduling tests: "backups" are names with the clock's time, kept
 * in memory with a 7-day retention; every call is recorded; {@link #failCreates} / {@link
 * #failPrunes} make the next calls throw. Thread-safe.
 */
final class RecordingLedgerBackups implements LedgerBackups {
  private final Clock clock;
  private final List<BackupInfo> backups = new ArrayList<>();
  final List<String> calls = new ArrayList<>();
  int failCreates;
  int failPrunes;

  RecordingLedgerBackups(Clock clock) {
    this.clock = clock;
  }

  synchronized List<Instant> createdAt() {
    return calls.stream().filter(c -> c.startsWith("create@")).map(c -> Instant.parse(c.substring(7))).toList();
  }

  @Override
  public synchronized BackupInfo create() {
    Instant now = clock.instant();
    if (failCreates > 0) {
      failCreates--;
      calls.add("create-failed@" + now);
      throw new BackupException("disk full writing snapshot.json", "b-" + now, null);
    }
    calls.add("create@" + now);
    BackupInfo info = new BackupInfo("b-" + now, now, List.of(new BackupFile("snapshot.json", 10, "00")));
    backups.add(info);
    return info;
  }

  @Override
  public synchronized List<BackupInfo> list() {
    return backups.stream().sorted(Comparator.comparing(BackupInfo::takenAt).reversed()).toList();
  }

  @Override
  public synchronized BackupStats stats() {
    List<BackupInfo> l = list();
    return new BackupStats(l.size(), l.stream().mapToLong(BackupInfo::totalBytes).sum(),
        l.isEmpty() ? null : l.get(0).takenAt(), l.isEmpty() ? null : l.get(l.size() - 1).takenAt());
  }

  @Override
  public synchronized List<String> prune() {
    Instant now = clock.instant();
    if (failPrunes > 0) {
      failPrunes--;
      calls.add("prune-failed@" + now);
      throw new BackupException("cannot delete old backup", "b-old", null);
    }
    calls.add("prune@" + now);
    Instant cutoff = now.minus(Duration.ofDays(7));
    List<String> pruned = backups.stream().filter(b -> b.takenAt().isBefore(cutoff))
        .sorted(Comparator.comparing(BackupInfo::takenAt)).map(BackupInfo::name).toList();
    backups.removeIf(b -> b.takenAt().isBefore(cutoff));
    return pruned;
  }

  @Override
  public synchronized String restore(String name) {
    calls.add("restore:" + name);
    return "pre-restore";
  }
}
