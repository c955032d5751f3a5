package dev.fragkit.adapters.cli;

import dev.fragkit.adapters.fs.greatshot.FsDemoFiles;
import dev.fragkit.adapters.jdbc.JdbcDatabase;
import dev.fragkit.adapters.jdbc.greatshot.JdbcGreatshotStore;
import dev.fragkit.greatshot.store.OrphanReconciler;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code fragkit reconcile}: lists demo files without rows and rows without files in a Greatshot
 * data directory. A dry run unless {@code --fix}. Run it while {@code serve} is not accepting uploads.
 *
 * <p>Output: {@code files without rows: N} then one indented id per line, {@code rows without
 * files: M} likewise, then one summary line. Exit code 0, or 1 when the storage cannot be read.
 */
@Command(name = "reconcile", mixinStandardHelpOptions = true,
    description = "Find (and with --fix, clean up) demo files without database rows and rows without files.")
final class ReconcileCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin StorageOptions storage = new StorageOptions();

  @Option(names = "--fix", description = "Delete orphaned files and mark file-less demos failed (default: dry run).")
  boolean fix;

  @Override
  public Integer call() throws Exception {
    OrphanReconciler.Report report;
    try (JdbcDatabase database = storage.openDatabase(2)) {
      JdbcGreatshotStore store = JdbcGreatshotStore.open(database, Clock.systemUTC());
      report = new OrphanReconciler(store, FsDemoFiles.open(storage.greatshotFiles())).reconcile(fix);
    }
    PrintWriter out = spec.commandLine().getOut();
    print(out, "files without rows", report.filesWithoutRows());
    print(out, "rows without files", report.rowsWithoutFiles());
    if (report.clean()) {
      out.println("clean: every demo row has its files and every file its row");
    } else if (report.fixed()) {
      out.println("fixed: deleted " + report.filesWithoutRows().size() + " orphaned file sets, marked "
          + report.rowsWithoutFiles().size() + " demos failed");
    } else {
      out.println("dry run: nothing changed (run again with --fix to act)");
    }
    out.flush();
    return 0;
  }

  private static void print(PrintWriter out, String what, List<String> ids) {
    out.println(what + ": " + ids.size());
    for (String id : ids) {
      out.println("  " + id);
    }
  }
}
