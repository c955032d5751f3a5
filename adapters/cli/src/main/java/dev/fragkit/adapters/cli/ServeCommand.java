package dev.fragkit.adapters.cli;

import dev.fragkit.adapters.fs.greatshot.FsDemoFiles;
import dev.fragkit.adapters.http.FragkitHttpServer;
import dev.fragkit.adapters.http.GreatshotBackend;
import dev.fragkit.adapters.http.HealthCheck;
import dev.fragkit.adapters.http.HealthChecks;
import dev.fragkit.adapters.http.HttpServerConfig;
import dev.fragkit.adapters.jdbc.JdbcDatabase;
import dev.fragkit.adapters.jdbc.greatshot.JdbcGreatshotStore;
import dev.fragkit.greatshot.intake.DemoIntake;
import dev.fragkit.greatshot.intake.IntakeConfig;
import dev.fragkit.greatshot.job.ClipCutter;
import dev.fragkit.greatshot.job.DemoAnalyzer;
import dev.fragkit.greatshot.job.JobEvents;
import dev.fragkit.greatshot.job.JobRunner;
import dev.fragkit.greatshot.job.JobRunnerConfig;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code fragkit serve}: the Greatshot HTTP API with its job workers, on embedded H2 and a data
 * directory by default. Runs until interrupted (Ctrl-C closes everything in order).
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = "Serve the Greatshot HTTP API (uploads, analysis jobs, topshots, health).")
final class ServeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--port", defaultValue = "8080", description = "TCP port (0 = any free port). Default: ${DEFAULT-VALUE}.")
  int port;

  @Option(names = "--host", defaultValue = "0.0.0.0", description = "Address to bind. Default: ${DEFAULT-VALUE}.")
  String host;

  @Mixin StorageOptions storage = new StorageOptions();

  @Option(names = "--max-upload-bytes", defaultValue = "209715200", description = "Upload size cap. Default: ${DEFAULT-VALUE}.")
  long maxUploadBytes;

  @Option(names = "--workers", defaultValue = "2", description = "Analysis workers. Default: ${DEFAULT-VALUE}.")
  int workers;

  @Option(names = "--cors-origin", description = "An origin allowed by CORS (repeatable), e.g. https://stats.example.org.")
  List<String> corsOrigins = new ArrayList<>();

  @Override
  public Integer call() throws Exception {
    try (Server server = start(JobEvents.NONE)) {
      spec.commandLine().getOut().println("fragkit serve: listening on http://" + host + ":" + server.port()
          + " (" + storage.describe() + ")");
      spec.commandLine().getOut().flush();
      CountDownLatch stopped = new CountDownLatch(1);
      Server running = server;
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        running.close();
        stopped.countDown();
      }, "fragkit-serve-shutdown"));
      stopped.await();
    }
    return 0;
  }

  /** Starts everything with the analyzer and cutter of {@link GreatshotWiring}. */
  Server start(JobEvents events) throws IOException {
    return start(events, GreatshotWiring.analyzer(), GreatshotWiring.cutter());
  }

  Server start(JobEvents events, DemoAnalyzer analyzer, ClipCutter cutter) throws IOException {
    JdbcDatabase database = storage.openDatabase(16);
    try {
      Clock clock = Clock.systemUTC();
      JdbcGreatshotStore store = JdbcGreatshotStore.open(database, clock);
      FsDemoFiles files = FsDemoFiles.open(storage.greatshotFiles());
      files.sweepStaging(clock, Duration.ofHours(1));
      DemoIntake intake = new DemoIntake(IntakeConfig.builder().maxUploadBytes(maxUploadBytes).build(), files, store);
      JobRunner runner = new JobRunner(JobRunnerConfig.builder().workers(workers).build(), store, files, analyzer,
          cutter, events, clock).start();
      Map<String, HealthCheck> checks = new LinkedHashMap<>();
      checks.put("database", HealthChecks.database(store));
      checks.put("disk", HealthChecks.disk(files, intake.config().requiredFreeBytes()));
      checks.put("workers", HealthChecks.workers(runner::aliveWorkers, runner.workerCount()));
      FragkitHttpServer http;
      try {
        http = FragkitHttpServer.start(HttpServerConfig.builder().host(host).port(port).allowedOrigins(corsOrigins).build(),
            new GreatshotBackend(intake, store, files, runner::wakeUp), checks);
      } catch (IOException | RuntimeException e) {
        runner.close();
        throw e;
      }
      return new Server(http, runner, database);
    } catch (IOException | RuntimeException e) {
      database.close();
      throw e;
    }
  }

  /** A running server; closing stops HTTP, then the workers, then the database. Thread-safe. */
  static final class Server implements AutoCloseable {
    private final FragkitHttpServer http;
    private final JobRunner runner;
    private final JdbcDatabase database;
    private boolean closed;

    Server(FragkitHttpServer http, JobRunner runner, JdbcDatabase database) {
      this.http = http;
      this.runner = runner;
      this.database = database;
    }

    int port() {
      return http.port();
    }

    @Override
    public synchronized void close() {
      if (closed) {
        return;
      }
      closed = true;
      http.close();
      runner.close();
      database.close();
    }
  }
}
