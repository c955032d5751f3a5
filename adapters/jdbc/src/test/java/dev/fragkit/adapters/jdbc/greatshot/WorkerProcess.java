package dev.fragkit.adapters.jdbc.greatshot;

import dev.fragkit.adapters.jdbc.JdbcDatabase;
import dev.fragkit.greatshot.job.AnalysisOutcome;
import dev.fragkit.greatshot.job.DemoAnalyzer;
import dev.fragkit.greatshot.job.JobEvents;
import dev.fragkit.greatshot.job.JobRunner;
import dev.fragkit.greatshot.job.JobRunnerConfig;
import dev.fragkit.greatshot.store.JobLease;
import dev.fragkit.greatshot.testing.RecordWalkingAnalyzer;
import dev.fragkit.greatshot.testing.RecordingCutter;
import dev.fragkit.greatshot.testing.TempDirDemoFiles;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * A child JVM of {@link MultiProcessPipelineTest}: a {@link JobRunner} with 4 workers on the shared
 * PostgreSQL database and file root. Reports events as lines on stdout ({@code CLAIMED|SUCCEEDED|
 * FAILED|LOST|ANALYZE|CUT <job> <kind> <subject>}) and runs until its stdin is closed.
 *
 * <p>Args: url user password filesRoot name spinAllowed(true|false)
 */
public final class WorkerProcess {
  private WorkerProcess() {}

  public static void main(String[] args) throws IOException {
    String url = args[0];
    String user = args[1];
    String password = args[2];
    Path root = Path.of(args[3]);
    String name = args[4];
    boolean spinAllowed = Boolean.parseBoolean(args[5]);
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    try (JdbcDatabase db = JdbcDatabase.open(url, user, password, 10)) {
      JdbcGreatshotStore store = JdbcGreatshotStore.open(db, Clock.systemUTC());
      RecordWalkingAnalyzer walker = new RecordWalkingAnalyzer(p -> spinAllowed);
      DemoAnalyzer analyzer = (demo, progress, cancel) -> {
        out.println("ANALYZE - analysis " + demo.getParent().getFileName());
        AnalysisOutcome o = walker.analyze(demo, progress, cancel);
        return o;
      };
      RecordingCutter cutter = new RecordingCutter(window -> out.println("CUT - render " + window.replace(' ', '_')));
      JobEvents events = new JobEvents() {
        private void line(String what, JobLease lease) {
          out.println(what + " " + lease.jobId() + " " + lease.kind().wireName() + " " + lease.subjectId());
        }

        @Override
        public void onClaimed(JobLease lease) {
          line("CLAIMED", lease);
        }

        @Override
        public void onSucceeded(JobLease lease) {
          line("SUCCEEDED", lease);
        }

        @Override
        public void onFailed(JobLease lease, String error) {
          line("FAILED", lease);
        }

        @Override
        public void onLeaseLost(JobLease lease) {
          line("LOST", lease);
        }
      };
      JobRunnerConfig config = JobRunnerConfig.builder().workers(4).ownerId(name)
          .leaseDuration(Duration.ofSeconds(6)).renewInterval(Duration.ofMillis(500))
          .pollInterval(Duration.ofMillis(50)).progressInterval(Duration.ofMillis(200))
          .analysisRetryWait(Duration.ofMillis(1)).renderRetryWait(Duration.ofMillis(1))
          .clipWait(Duration.ofMillis(50)).maxClaims(5).build();
      try (JobRunner runner = new JobRunner(config, store, new TempDirDemoFiles(root), analyzer, cutter, events,
          Clock.systemUTC()).start()) {
        out.println("READY " + name + " - -");
        System.in.transferTo(java.io.OutputStream.nullOutputStream()); // until the parent closes our stdin
      }
    }
  }
}
