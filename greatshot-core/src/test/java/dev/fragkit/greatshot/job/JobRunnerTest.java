package dev.fragkit.greatshot.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fragkit.greatshot.intake.DemoIntake;
import dev.fragkit.greatshot.intake.IntakeConfig;
import dev.fragkit.greatshot.store.DemoRecord;
import dev.fragkit.greatshot.store.DemoStatus;
import dev.fragkit.greatshot.store.HighlightRecord;
import dev.fragkit.greatshot.store.InMemoryGreatshotStore;
import dev.fragkit.greatshot.store.JobKind;
import dev.fragkit.greatshot.store.JobRecord;
import dev.fragkit.greatshot.store.JobState;
import dev.fragkit.greatshot.testing.MutableClock;
import dev.fragkit.greatshot.testing.RecordWalkingAnalyzer;
import dev.fragkit.greatshot.testing.RecordingCutter;
import dev.fragkit.greatshot.testing.TempDirDemoFiles;
import dev.fragkit.greatshot.testing.TestDemos;
import dev.fragkit.testsupport.SharedData;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class JobRunnerTest {
  @TempDir Path root;
  private MutableClock clock;
  private InMemoryGreatshotStore store;
  private TempDirDemoFiles files;
  private RecordWalkingAnalyzer analyzer;
  private RecordingCutter cutter;
  private RecordingEvents events;
  private JobRunner runner;
  private java.time.Clock runClock;

  /** Tiny waits so tests are fast; the production defaults are checked separately. */
  private static JobRunnerConfig.Builder fast() {
    return JobRunnerConfig.builder().workers(4).pollInterval(Duration.ofMillis(20))
        .analysisRetryWait(Duration.ofMillis(1)).renderRetryWait(Duration.ofMillis(1))
        .leaseDuration(Duration.ofSeconds(30)).renewInterval(Duration.ofMillis(100))
        .progressInterval(Duration.ofMillis(50)).clipWait(Duration.ofMillis(20)).ownerId("test");
  }

  @BeforeEach
  void setUp() {
    clock = MutableClock.atEpochPlusOneDay();
    store = new InMemoryGreatshotStore(clock);
    runClock = clock;
    files = new TempDirDemoFiles(root.resolve("store"));
    analyzer = new RecordWalkingAnalyzer();
    cutter = new RecordingCutter();
    events = new RecordingEvents();
  }

  @AfterEach
  void tearDown() {
    if (runner != null) {
      runner.close();
    }
  }

  private JobRunner runner(JobRunnerConfig config) {
    runner = new JobRunner(config, store, files, analyzer, cutter, events, runClock);
    return runner;
  }

  private DemoRecord upload(byte[] bytes, String name) throws IOException {
    return upload(bytes, name, 0);
  }

  private DemoRecord upload(byte[] bytes, String name, int priority) throws IOException {
    return new DemoIntake(IntakeConfig.builder().analysisPriority(priority).build(), files, store)
        .accept(name, new ByteArrayInputStream(bytes)).demo();
  }

  private Path original(DemoRecord d) {
    return files.original(d.id(), d.extension());
  }

  private JobRecord analysisJob(DemoRecord d) {
    return store.latestJobFor(JobKind.ANALYSIS, d.id()).orElseThrow();
  }

  @Test
  void manyDemosAreEachAnalysedExactlyOnceByNamedWorkers() throws Exception {
    List<DemoRecord> demos = new ArrayList<>();
    try (InputStream in = Files.newInputStream(SharedData.file("demos/et/scores_test.dm_84"))) {
      demos.add(new DemoIntake(IntakeConfig.defaults(), files, store).accept("scores_test.dm_84", in).demo());
    }
    for (int i = 0; i < 40; i++) {
      demos.add(upload(TestDemos.generate(i, 5 + i, ""), "g" + i + ".dm_84"));
    }

    runner(fast().build()).start();
    List<String> outcomes = events.awaitTerminal(demos.size());

    assertThat(outcomes).allSatisfy(o -> assertThat(o).endsWith(" succeeded"));
    for (DemoRecord d : demos) {
      assertThat(analyzer.invocations(original(d))).as(d.id()).isEqualTo(1);
      assertThat(store.findDemo(d.id()).orElseThrow().status()).isEqualTo(DemoStatus.ANALYZED);
      assertThat(analysisJob(d).claims()).isEqualTo(1);
      assertThat(files.artifact(d.id(), "analysis.json")).isPresent();
      assertThat(files.artifact(d.id(), "report.txt")).isPresent();
      assertThat(files.artifact(d.id(), "report.html")).isPresent();
    }
    assertThat(analyzer.threadNames()).isNotEmpty().allSatisfy(n -> assertThat(n).matches("fragkit-greatshot-worker-[1-4]"));
    String json = Files.readString(files.artifact(demos.get(0).id(), "analysis.json").orElseThrow());
    assertThat(json).startsWith("{\"records\":").contains("\"bytes\":125837");
    assertThat(store.findAnalysis(demos.get(0).id()).orElseThrow().totalKills()).isGreaterThan(100);
  }

  @Test
  void aCorruptDemoFailsAtOnceAndIsNeverRetried() throws Exception {
    DemoRecord d = upload(TestDemos.corrupt(1), "bad.dm_84");

    runner(fast().analysisRetries(2).build()).start();

    assertThat(events.awaitTerminal(1)).containsExactly(
        d.id() + " failed: corrupt demo at offset 16: record length 40000 not in 0..32768");
    assertThat(analyzer.invocations(original(d))).isEqualTo(1);
    assertThat(events.retries).isEmpty();
    assertThat(analysisJob(d).attempts()).isEqualTo(1);
    DemoRecord after = store.findDemo(d.id()).orElseThrow();
    assertThat(after.status()).isEqualTo(DemoStatus.FAILED);
    assertThat(after.error()).startsWith("corrupt demo at offset 16");
  }

  @Test
  void aTransientFailureIsRetriedAndThenSucceeds() throws Exception {
    DemoRecord d = upload(TestDemos.generate(7, 10, "#transient=2"), "flaky.dm_84");

    runner(fast().analysisRetries(2).build()).start();

    assertThat(events.awaitTerminal(1)).containsExactly(d.id() + " succeeded");
    assertThat(analyzer.invocations(original(d))).isEqualTo(3);
    assertThat(events.retries).containsExactly(
        d.id() + " #1: injected transient failure 1 of 2", d.id() + " #2: injected transient failure 2 of 2");
    assertThat(analysisJob(d).attempts()).isEqualTo(3);
    assertThat(store.findDemo(d.id()).orElseThrow().status()).isEqualTo(DemoStatus.ANALYZED);
  }

  @Test
  void transientFailuresBeyondTheRetriesFailTheJob() throws Exception {
    DemoRecord d = upload(TestDemos.generate(8, 10, "#transient=5"), "flaky.dm_84");

    runner(fast().analysisRetries(2).build()).start();

    assertThat(events.awaitTerminal(1)).containsExactly(
        d.id() + " failed: analysis failed after 3 attempts: injected transient failure 3 of 5");
    assertThat(analyzer.invocations(original(d))).isEqualTo(3);
  }

  @Test
  void anUnexpectedErrorIsNotRetried() throws Exception {
    DemoRecord d = upload(TestDemos.generate(9, 10, "#fail"), "boom.dm_84");

    runner(fast().build()).start();

    assertThat(events.awaitTerminal(1)).containsExactly(
        d.id() + " failed: analysis failed: java.lang.IllegalArgumentException: injected unexpected failure");
    assertThat(analyzer.invocations(original(d))).isEqualTo(1);
  }

  @Test
  void aTimeoutFailsTheJobWithoutRetryAndFreesTheWorker() throws Exception {
    DemoRecord spin = upload(TestDemos.generate(10, 10, "#spin"), "spin.dm_84", 10);
    DemoRecord next = upload(TestDemos.generate(11, 10, ""), "next.dm_84", 0);

    runner(fast().workers(1).analysisTimeout(Duration.ofMillis(300)).analysisRetries(2).build()).start();

    assertThat(events.awaitTerminal(2)).containsExactly(
        spin.id() + " failed: analysis timed out after 300 ms", next.id() + " succeeded");
    assertThat(analyzer.invocations(original(spin))).isEqualTo(1);
    assertThat(events.retries).isEmpty();
    assertThat(store.findDemo(spin.id()).orElseThrow().error()).isEqualTo("analysis timed out after 300 ms");
  }

  @Test
  void cancellingARunningJobStopsIt() throws Exception {
    DemoRecord spin = upload(TestDemos.generate(12, 10, "#spin"), "spin.dm_84");
    runner(fast().workers(1).build()).start();
    String jobId = events.awaitClaim().jobId();

    assertThat(runner.cancel(jobId)).isTrue();

    assertThat(events.awaitTerminal(1)).containsExactly(spin.id() + " cancelled");
    assertThat(store.findJob(jobId).orElseThrow().state()).isEqualTo(JobState.CANCELLED);
    assertThat(store.findDemo(spin.id()).orElseThrow().error()).isEqualTo("cancelled");
    assertThat(runner.cancel(jobId)).isFalse();
  }

  @Test
  void higherPriorityJobsRunFirst() throws Exception {
    DemoRecord low = upload(TestDemos.generate(13, 3, ""), "low.dm_84", 0);
    DemoRecord high = upload(TestDemos.generate(14, 3, ""), "high.dm_84", 9);
    DemoRecord mid = upload(TestDemos.generate(15, 3, ""), "mid.dm_84", 5);

    runner(fast().workers(1).build()).start();
    events.awaitTerminal(3);

    assertThat(events.claimOrder).containsExactly(high.id(), mid.id(), low.id());
  }

  @Test
  void aJobHeldByADeadWorkerIsReclaimedWhenItsLeaseExpires() throws Exception {
    DemoRecord d = upload(TestDemos.generate(16, 10, ""), "orphan.dm_84");
    JobRecord job = analysisJob(d);
    store.claim("dead-worker", Set.of(JobKind.ANALYSIS), Duration.ofSeconds(30), 3).orElseThrow();
    runner(fast().workers(2).build()).start();
    runner.wakeUp();
    assertThat(events.terminal).isEmpty();
    assertThat(store.findJob(job.id()).orElseThrow().owner()).isEqualTo("dead-worker");

    clock.advance(Duration.ofSeconds(31));
    runner.wakeUp();

    assertThat(events.awaitTerminal(1)).containsExactly(d.id() + " succeeded");
    assertThat(store.findJob(job.id()).orElseThrow().claims()).isEqualTo(2);
    assertThat(analyzer.invocations(original(d))).isEqualTo(1);
  }

  @Test
  void progressRisesToOne() throws Exception {
    DemoRecord d = upload(TestDemos.generate(17, 300, ""), "long.dm_84");

    runner(fast().build()).start();
    events.awaitTerminal(1);

    List<Double> p = events.progress.get(d.id());
    assertThat(p).hasSizeGreaterThan(50).isSorted();
    assertThat(p.get(p.size() - 1)).isEqualTo(1.0);
    assertThat(analysisJob(d).progress()).isEqualTo(1.0);
  }

  @Test
  void duplicateRenderJobsForOneHighlightExtractItsClipOnce() throws Exception {
    // Waiting for another worker's clip claim is a real-time back-off: run on the system clock.
    runClock = java.time.Clock.systemUTC();
    store = new InMemoryGreatshotStore(runClock);
    List<DemoRecord> demos = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      demos.add(upload(TestDemos.generate(20 + i, 10 + i, ""), "r" + i + ".dm_84"));
    }
    runner(fast().workers(4).build()).start();
    events.awaitTerminal(demos.size());
    List<HighlightRecord> highlights = new ArrayList<>();
    demos.forEach(d -> highlights.addAll(store.highlights(d.id())));
    for (HighlightRecord h : highlights) {
      for (int copy = 0; copy < 3; copy++) {
        store.enqueue(JobKind.RENDER, h.id(), 0);
      }
    }
    runner.wakeUp();

    List<String> outcomes = events.awaitTerminal(highlights.size() * 3);

    assertThat(outcomes).allSatisfy(o -> assertThat(o).endsWith(" succeeded"));
    assertThat(cutter.cuts()).hasSize(highlights.size()).doesNotHaveDuplicates();
    Map<String, Integer> perDemo = new HashMap<>();
    cutter.cuts().forEach(c -> perDemo.merge(c.substring(0, c.indexOf(' ')), 1, Integer::sum));
    assertThat(perDemo).hasSize(demos.size());
    for (HighlightRecord h : highlights) {
      assertThat(files.allFiles()).anySatisfy(f -> assertThat(f.getFileName().toString()).isEqualTo("clip-" + h.id() + ".dm_84"));
    }
  }

  @Test
  void closingGivesARunningJobBackToTheQueue() throws Exception {
    DemoRecord spin = upload(TestDemos.generate(30, 10, "#spin"), "spin.dm_84");
    runner(fast().workers(1).build()).start();
    String jobId = events.awaitClaim().jobId();

    runner.close();

    JobRecord job = store.findJob(jobId).orElseThrow();
    assertThat(job.state()).isEqualTo(JobState.QUEUED);
    assertThat(job.claims()).isZero();
    assertThat(runner.aliveWorkers()).isZero();
    assertThat(store.findDemo(spin.id()).orElseThrow().status()).isEqualTo(DemoStatus.SCANNING);
    assertThatThrownBy(runner::start).isInstanceOf(IllegalStateException.class).hasMessage("closed");
  }

  @Test
  void defaultsMatchTheIssueAndBadSettingsAreNamed() {
    JobRunnerConfig d = JobRunnerConfig.defaults();
    assertThat(d.analysisTimeout()).isEqualTo(Duration.ofSeconds(60));
    assertThat(d.analysisRetries()).isEqualTo(2);
    assertThat(d.analysisRetryWait()).isEqualTo(Duration.ofSeconds(5));
    assertThat(d.renderRetries()).isEqualTo(1);
    assertThat(d.renderRetryWait()).isEqualTo(Duration.ofSeconds(10));
    assertThatThrownBy(() -> JobRunnerConfig.builder().workers(0))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("workers < 1: 0");
    assertThatThrownBy(() -> JobRunnerConfig.builder().leaseDuration(Duration.ofSeconds(5)).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("renewInterval PT10S must be shorter than leaseDuration PT5S (JobRunnerConfig.renewInterval)");
  }
}
