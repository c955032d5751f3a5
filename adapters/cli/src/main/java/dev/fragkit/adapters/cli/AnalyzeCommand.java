package dev.fragkit.adapters.cli;

import dev.fragkit.greatshot.highlight.Highlight;
import dev.fragkit.greatshot.report.AnalysisJson;
import dev.fragkit.greatshot.report.DemoAnalyzer;
import dev.fragkit.greatshot.report.HtmlReport;
import dev.fragkit.greatshot.report.TextReport;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code fragkit analyze <demo-or-dir>... [--out DIR] [--format json,txt,html]}: for each demo writes
 * {@code <out>/<file name without extension>/analysis.json} (+ {@code report.txt},
 * {@code report.html}). A directory argument means every {@code .dm_84}/{@code .tv_84} directly in
 * it. Demos are analysed in parallel (at most one per core); a progress bar is drawn on a terminal,
 * plain lines otherwise. A failing demo is reported on stderr and the batch goes on; the exit code is
 * 1 when any demo failed. UDT_json files ({@code *.json}) given by name are accepted too.
 *
 * <p>Thin: the analysis is {@link DemoAnalyzer}; this class only finds files, runs them and writes
 * the artifacts (each atomically: a temporary file renamed into place).
 */
@Command(name = "analyze", mixinStandardHelpOptions = true,
    description = "Analyse ET:Legacy demos: kills, stats, highlights; writes analysis.json, report.txt, report.html.")
final class AnalyzeCommand implements Callable<Integer> {
  private static final Logger LOG = LoggerFactory.getLogger(AnalyzeCommand.class);

  /** Artifact formats. */
  enum Format { json, txt, html }

  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "<demo-or-dir>",
      description = "Demo files (.dm_84, .tv_84, or UDT_json .json) or directories of demos.")
  List<Path> inputs;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "fragkit-out",
      description = "Output directory (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--format", split = ",", paramLabel = "FORMAT", defaultValue = "json,txt,html",
      description = "Artifacts to write, comma separated: json, txt, html (default: ${DEFAULT-VALUE}).")
  List<Format> formats;

  @Option(names = "--jobs", paramLabel = "N",
      description = "Demos analysed at once (default: the number of cores).")
  @Nullable Integer jobs;

  private record Outcome(Path input, @Nullable Path dir, DemoAnalyzer.@Nullable Result result,
      @Nullable String error, long millis) {}

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter stderr = spec.commandLine().getErr();
    if (jobs != null && jobs < 1) {
      stderr.println("fragkit analyze: --jobs < 1: " + jobs);
      return 2;
    }
    List<Outcome> failures = new ArrayList<>();
    List<Path> demos = new ArrayList<>();
    for (Path input : inputs) {
      if (Files.isDirectory(input)) {
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(input, p -> isBinaryDemo(p) && Files.isRegularFile(p))) {
          List<Path> found = new ArrayList<>();
          dir.forEach(found::add);
          found.sort(null);
          if (found.isEmpty()) {
            stderr.println("fragkit analyze: no .dm_84 or .tv_84 files in " + input);
          }
          demos.addAll(found);
        } catch (IOException e) {
          failures.add(new Outcome(input, null, null, "cannot list directory: " + e.getMessage(), 0));
        }
      } else if (!Files.isRegularFile(input)) {
        failures.add(new Outcome(input, null, null, "no such file or directory", 0));
      } else if (!DemoAnalyzer.isSupported(input)) {
        failures.add(new Outcome(input, null, null, "not a demo (.dm_84, .tv_84) or UDT_json (.json) file", 0));
      } else {
        demos.add(input);
      }
    }
    failures.forEach(f -> stderr.println("FAIL " + f.input() + ": " + f.error()));

    Map<Path, Path> owners = new HashMap<>();
    List<Path> unique = new ArrayList<>();
    for (Path demo : demos) {
      Path dir = out.resolve(baseName(demo));
      Path owner = owners.putIfAbsent(dir, demo);
      if (owner != null) {
        Outcome o = new Outcome(demo, dir, null, "output directory " + dir + " is already used by " + owner, 0);
        failures.add(o);
        stderr.println("FAIL " + demo + ": " + o.error());
      } else {
        unique.add(demo);
      }
    }

    int ok = run(unique, stdout, stderr, failures);
    int total = ok + failures.size();
    stdout.println("analysed " + total + (total == 1 ? " demo" : " demos") + ": " + ok + " ok, " + failures.size()
        + " failed; output in " + out);
    stdout.flush();
    stderr.flush();
    return failures.isEmpty() ? 0 : 1;
  }

  private int run(List<Path> demos, PrintWriter stdout, PrintWriter stderr, List<Outcome> failures)
      throws InterruptedException {
    if (demos.isEmpty()) {
      return 0;
    }
    int threads = Math.min(demos.size(), jobs != null ? jobs : Runtime.getRuntime().availableProcessors());
    DemoAnalyzer analyzer = DemoAnalyzer.defaults();
    Set<Format> wanted = EnumSet.copyOf(formats);
    boolean terminal = System.console() != null;
    Progress progress = new Progress(demos.size(), terminal, stdout);
    ExecutorService pool = Executors.newFixedThreadPool(threads, new Named());
    int ok = 0;
    try {
      CompletionService<Outcome> done = new ExecutorCompletionService<>(pool);
      List<Future<Outcome>> futures = new ArrayList<>();
      for (Path demo : demos) {
        futures.add(done.submit(() -> analyse(analyzer, demo, wanted)));
      }
      for (int i = 0; i < demos.size(); i++) {
        Outcome o;
        try {
          o = done.take().get();
        } catch (ExecutionException e) {
          throw new IllegalStateException("analyse task failed outside its own error handling", e.getCause());
        }
        if (o.error() == null && o.result() != null) {
          ok++;
          progress.done(o.input(), "ok   " + o.input().getFileName() + " -> " + o.dir() + " ("
              + o.result().analysis().totalKills() + " kills, " + o.result().highlights().size() + " highlights, "
              + o.millis() + " ms)");
        } else {
          failures.add(o);
          progress.failed(o.input());
          stderr.println("FAIL " + o.input() + ": " + o.error());
          stderr.flush();
        }
      }
      progress.finish();
    } finally {
      pool.shutdownNow();
    }
    return ok;
  }

  private Outcome analyse(DemoAnalyzer analyzer, Path demo, Set<Format> wanted) {
    long start = System.nanoTime();
    Path dir = out.resolve(baseName(demo));
    try {
      DemoAnalyzer.Result r = analyzer.analyze(demo);
      Files.createDirectories(dir);
      List<Highlight> hl = r.highlights();
      if (wanted.contains(Format.json)) {
        writeAtomically(dir.resolve("analysis.json"), os -> AnalysisJson.write(r.analysis(), hl, os));
      }
      if (wanted.contains(Format.txt)) {
        writeAtomically(dir.resolve("report.txt"),
            os -> os.write(TextReport.render(r.analysis(), hl).getBytes(StandardCharsets.UTF_8)));
      }
      if (wanted.contains(Format.html)) {
        writeAtomically(dir.resolve("report.html"),
            os -> os.write(HtmlReport.render(r.analysis(), hl).getBytes(StandardCharsets.UTF_8)));
      }
      return new Outcome(demo, dir, r, null, (System.nanoTime() - start) / 1_000_000);
    } catch (RuntimeException | IOException e) {
      LOG.debug("analysis of {} failed", demo, e);
      String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      return new Outcome(demo, dir, null, message, (System.nanoTime() - start) / 1_000_000);
    }
  }

  @FunctionalInterface
  private interface Body {
    void write(OutputStream out) throws IOException;
  }

  private static void writeAtomically(Path target, Body body) throws IOException {
    // A unique sibling created with the default permissions (createTempFile would make it owner-only).
    Path tmp = target.resolveSibling("." + target.getFileName() + "." + java.util.UUID.randomUUID() + ".tmp");
    try {
      try (OutputStream os = Files.newOutputStream(tmp, java.nio.file.StandardOpenOption.CREATE_NEW,
          java.nio.file.StandardOpenOption.WRITE)) {
        body.write(os);
      }
      try {
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  static boolean isBinaryDemo(Path p) {
    String n = String.valueOf(p.getFileName()).toLowerCase(Locale.ROOT);
    return n.endsWith(".dm_84") || n.endsWith(".tv_84");
  }

  /** The file name without its last extension: {@code a.dm_84 → a}, {@code a.udt.json → a.udt}. */
  static String baseName(Path p) {
    String n = String.valueOf(p.getFileName());
    int dot = n.lastIndexOf('.');
    return dot > 0 ? n.substring(0, dot) : n;
  }

  /** Progress: a redrawn bar on a terminal, one line per demo otherwise. Used by one thread. */
  private static final class Progress {
    private final int total;
    private final boolean terminal;
    private final PrintWriter out;
    private int done;
    private int failed;

    Progress(int total, boolean terminal, PrintWriter out) {
      this.total = total;
      this.terminal = terminal;
      this.out = out;
    }

    void done(Path demo, String line) {
      done++;
      if (terminal) {
        bar(demo);
      } else {
        out.println(line);
        out.flush();
      }
    }

    void failed(Path demo) {
      done++;
      failed++;
      if (terminal) {
        bar(demo);
      }
    }

    private void bar(Path demo) {
      int width = 30;
      int filled = (int) ((long) done * width / total);
      out.print("\r[" + "#".repeat(filled) + "-".repeat(width - filled) + "] " + done + "/" + total
          + (failed > 0 ? " (" + failed + " failed) " : " ") + demo.getFileName() + "\u001b[K");
      out.flush();
    }

    void finish() {
      if (terminal) {
        out.println();
      }
    }
  }

  private static final class Named implements ThreadFactory {
    private final AtomicInteger n = new AtomicInteger();

    @Override
    public Thread newThread(Runnable r) {
      Thread t = new Thread(r, "fragkit-cli-analyze-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    }
  }
}
