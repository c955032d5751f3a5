package dev.fragkit.adapters.cli;

import dev.fragkit.adapters.fs.economy.FsLedgerBackups;
import dev.fragkit.adapters.jdbc.JdbcDatabase;
import dev.fragkit.adapters.jdbc.economy.JdbcLedgerBackups;
import dev.fragkit.economy.ops.BackupException;
import dev.fragkit.economy.ops.LedgerBackups;
import dev.fragkit.economy.ops.LedgerBackups.BackupInfo;
import dev.fragkit.economy.ops.LedgerBackups.BackupStats;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code fragkit economy backup|backups|restore}: ledger backups of the file store ({@code
 * --fs-ledger DIR}) or of the database ({@code --data}/{@code --db}, as for {@code serve}).
 * Failures print the {@link BackupException} message to stderr and exit with 1. Not thread-safe
 * (one command per run).
 */
@Command(name = "economy", mixinStandardHelpOptions = true, description = "Economy ledger operations.",
    subcommands = {EconomyCommand.Backup.class, EconomyCommand.Backups.class, EconomyCommand.Restore.class})
final class EconomyCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return 2;
  }

  /** Which ledger and where its backups go; shared by the subcommands. */
  static final class BackupOptions {
    @Mixin StorageOptions storage = new StorageOptions();

    @Option(names = "--fs-ledger", description = "Back up the file ledger store in this directory instead of the"
        + " database.")
    @Nullable Path fsLedger;

    @Option(names = "--backup-dir", description = "Backup directory. Default: economy-backups in --data.")
    @Nullable Path backupDir;

    @Option(names = "--retention-days", defaultValue = "7",
        description = "Days a backup is kept by --prune. Default: ${DEFAULT-VALUE}.")
    int retentionDays = 7;

    /** Runs {@code work} on the configured backups, closing the database afterwards. */
    <T> T with(Function<LedgerBackups, T> work) throws Exception {
      Duration retention = Duration.ofDays(retentionDays);
      Path dir = backupDir != null ? backupDir : storage.data.resolve("economy-backups");
      if (fsLedger != null) {
        return work.apply(new FsLedgerBackups(fsLedger, dir, Clock.systemUTC(), retention));
      }
      try (JdbcDatabase db = storage.openDatabase(2)) {
        return work.apply(JdbcLedgerBackups.open(db, dir, Clock.systemUTC(), retention));
      }
    }
  }

  /** Shared failure handling: a backup failure is a message and exit code 1. */
  abstract static class Sub implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin BackupOptions options = new BackupOptions();

    abstract void run(LedgerBackups backups, PrintWriter out);

    @Override
    public Integer call() throws Exception {
      if (options.retentionDays < 1) {
        throw new CommandLine.ParameterException(spec.commandLine(), "--retention-days < 1: " + options.retentionDays);
      }
      PrintWriter out = spec.commandLine().getOut();
      try {
        options.with(b -> {
          run(b, out);
          return null;
        });
        out.flush();
        return 0;
      } catch (BackupException e) {
        out.flush();
        spec.commandLine().getErr().println(e.getMessage());
        spec.commandLine().getErr().flush();
        return 1;
      }
    }
  }

  @Command(name = "backup", mixinStandardHelpOptions = true,
      description = "Take a consistent backup now (and with --prune delete backups older than the retention).")
  static final class Backup extends Sub {
    @Option(names = "--prune", description = "Afterwards delete backups older than --retention-days.")
    boolean prune;

    @Override
    void run(LedgerBackups backups, PrintWriter out) {
      BackupInfo b = backups.create();
      out.println("created " + b.name() + ": " + b.files().size() + " files, " + b.totalBytes() + " bytes");
      if (prune) {
        List<String> deleted = backups.prune();
        out.println("pruned " + deleted.size() + (deleted.isEmpty() ? "" : ": " + String.join(", ", deleted)));
      }
    }
  }

  @Command(name = "backups", mixinStandardHelpOptions = true, description = "List backups, newest first.")
  static final class Backups extends Sub {
    @Override
    void run(LedgerBackups backups, PrintWriter out) {
      for (BackupInfo b : backups.list()) {
        out.println(b.name() + "  " + b.takenAt() + "  " + b.files().size() + " files  " + b.totalBytes() + " bytes");
      }
      BackupStats s = backups.stats();
      out.println(s.count() + " backups, " + s.totalBytes() + " bytes"
          + (s.count() == 0 ? "" : ", newest " + s.newest() + ", oldest " + s.oldest()));
    }
  }

  @Command(name = "restore", mixinStandardHelpOptions = true,
      description = "Verify backup NAME, keep the current state as a pre-restore backup, then restore NAME."
          + " Stop every ledger writer first (the file store must be closed).")
  static final class Restore extends Sub {
    @Parameters(index = "0", paramLabel = "NAME", description = "The backup to restore (see 'economy backups').")
    String name = "";

    @Override
    void run(LedgerBackups backups, PrintWriter out) {
      String kept = backups.restore(name);
      out.println("restored " + name + "; the previous state is kept as backup " + kept);
    }
  }
}
