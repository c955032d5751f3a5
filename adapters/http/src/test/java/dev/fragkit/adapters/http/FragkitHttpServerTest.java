package dev.fragkit.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fragkit.greatshot.intake.DemoIntake;
import dev.fragkit.greatshot.intake.IntakeConfig;
import dev.fragkit.greatshot.job.JobEvents;
import dev.fragkit.greatshot.job.JobRunner;
import dev.fragkit.greatshot.job.JobRunnerConfig;
import dev.fragkit.greatshot.store.InMemoryGreatshotStore;
import dev.fragkit.greatshot.store.JobLease;
import dev.fragkit.greatshot.testing.RecordWalkingAnalyzer;
import dev.fragkit.greatshot.testing.RecordingCutter;
import dev.fragkit.greatshot.testing.TempDirDemoFiles;
import dev.fragkit.greatshot.testing.TestDemos;
import dev.fragkit.testsupport.SharedData;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The HTTP contract over a real socket. */
@Timeout(60)
class FragkitHttpServerTest {
  private static final String ORIGIN = "https://stats.example.org";
  private static final long CAP = 200_000;

  @TempDir Path tmp;
  private final AtomicLong usable = new AtomicLong(Long.MAX_VALUE);
  private final BlockingQueue<String> finished = new LinkedBlockingQueue<>();
  private final Map<String, HealthCheck> checks = new LinkedHashMap<>();
  private TempDirDemoFiles files;
  private InMemoryGreatshotStore store;
  private JobRunner runner;
  private FragkitHttpServer server;
  private HttpClient client;

  @BeforeEach
  void start() throws IOException {
    store = new InMemoryGreatshotStore(Clock.systemUTC());
    files = new TempDirDemoFiles(tmp.resolve("data"), usable::get);
    JobEvents events = new JobEvents() {
      @Override
      public void onSucceeded(JobLease lease) {
        finished.add(lease.subjectId() + " succeeded");
      }

      @Override
      public void onFailed(JobLease lease, String error) {
        finished.add(lease.subjectId() + " failed");
      }
    };
    runner = new JobRunner(JobRunnerConfig.builder().workers(2).pollInterval(Duration.ofMillis(50))
        .renewInterval(Duration.ofMillis(200)).progressInterval(Duration.ofMillis(50)).ownerId("http-test").build(),
        store, files, new RecordWalkingAnalyzer(), new RecordingCutter(), events, Clock.systemUTC()).start();
    DemoIntake intake = new DemoIntake(IntakeConfig.builder().maxUploadBytes(CAP).build(), files, store);
    checks.put("database", HealthChecks.database(store));
    checks.put("disk", HealthChecks.disk(files, intake.config().requiredFreeBytes()));
    checks.put("workers", HealthChecks.workers(runner::aliveWorkers, runner.workerCount()));
    server = FragkitHttpServer.start(HttpServerConfig.builder().host("127.0.0.1").port(0)
        .allowedOrigins(List.of(ORIGIN)).build(), new GreatshotBackend(intake, store, files, runner::wakeUp), checks);
    client = HttpClient.newHttpClient();
  }

  @AfterEach
  void stop() {
    server.close();
    runner.close();
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.port() + path);
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> upload(String name, byte[] body) throws Exception {
    return send(HttpRequest.newBuilder(uri("/api/greatshot/demos")).header("X-File-Name", name)
        .header("Content-Type", "application/octet-stream").POST(HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  private HttpResponse<String> get(String path) throws Exception {
    return send(HttpRequest.newBuilder(uri(path)).GET());
  }

  private String awaitFinished() throws InterruptedException {
    String s = finished.poll(30, TimeUnit.SECONDS);
    assertThat(s).as("a job finished").isNotNull();
    return s;
  }

  private void assertError(HttpResponse<String> r, int status, String code) {
    assertThat(r.statusCode()).isEqualTo(status);
    assertThat(r.headers().firstValue("Content-Type")).contains("application/json; charset=utf-8");
    Map<String, Object> body = Json.object(r.body());
    assertThat(body).containsEntry("error", code).containsKey("message");
    assertThat((String) body.get("message")).isNotBlank();
  }

  private long storedFiles() throws IOException {
    return files.allFiles().size();
  }

  @Test
  void theRealDemoIsUploadedAnalysedAndItsAnalysisReturned() throws Exception {
    byte[] demo = Files.readAllBytes(SharedData.file("demos/et/scores_test.dm_84"));

    HttpResponse<String> created = upload("scores_test.dm_84", demo);

    assertThat(created.statusCode()).isEqualTo(201);
    Map<String, Object> body = Json.object(created.body());
    String id = (String) body.get("id");
    assertThat(body).containsEntry("status", "queued").containsKey("sha256");
    assertThat((String) body.get("sha256")).hasSize(64);
    assertThat(awaitFinished()).isEqualTo(id + " succeeded");

    HttpResponse<String> status = get("/api/greatshot/demos/" + id);
    assertThat(status.statusCode()).isEqualTo(200);
    Map<String, Object> s = Json.object(status.body());
    assertThat(s).containsEntry("id", id).containsEntry("status", "analyzed").containsEntry("progress", 1.0)
        .doesNotContainKey("error");
    @SuppressWarnings("unchecked")
    Map<String, Object> analysis = (Map<String, Object>) s.get("analysis");
    assertThat(analysis).containsEntry("bytes", (long) demo.length);

    HttpResponse<String> again = upload("renamed.dm_84", demo);
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(Json.object(again.body())).containsEntry("id", id).containsEntry("status", "analyzed");
  }

  @Test
  void aMultipartUploadIsAccepted() throws Exception {
    byte[] demo = TestDemos.generate(3, 30, "");
    String boundary = "----fragkit" + 42;
    byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nhello\r\n--" + boundary
        + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"clip.tv_84\"\r\n"
        + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
    byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.ISO_8859_1);
    byte[] body = new byte[head.length + demo.length + tail.length];
    System.arraycopy(head, 0, body, 0, head.length);
    System.arraycopy(demo, 0, body, head.length, demo.length);
    System.arraycopy(tail, 0, body, head.length + demo.length, tail.length);

    HttpResponse<String> r = send(HttpRequest.newBuilder(uri("/api/greatshot/demos"))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)));

    assertThat(r.statusCode()).isEqualTo(201);
    String id = (String) Json.object(r.body()).get("id");
    assertThat(store.findDemo(id).orElseThrow().extension()).isEqualTo(".tv_84");
    assertThat(store.findDemo(id).orElseThrow().sizeBytes()).isEqualTo(demo.length);
    assertThat(Files.readAllBytes(files.original(id, ".tv_84"))).isEqualTo(demo);
  }

  @Test
  void rejectedUploadsMapToTheirStatusesAndStoreNothing() throws Exception {
    assertError(upload("big.dm_84", TestDemos.generate(1, 2000, "")), 413, "upload_too_large");
    assertError(upload("notes.txt", TestDemos.generate(1, 5, "")), 415, "unsupported_extension");
    assertError(upload("empty.dm_84", new byte[0]), 400, "empty_upload");
    assertError(upload("text.dm_84", "plain text, not a demo".getBytes(StandardCharsets.US_ASCII)), 400, "invalid_header");
    assertError(send(HttpRequest.newBuilder(uri("/api/greatshot/demos"))
        .POST(HttpRequest.BodyPublishers.ofByteArray(TestDemos.generate(1, 5, "")))), 400, "missing_file_name");
    assertError(send(HttpRequest.newBuilder(uri("/api/greatshot/demos"))
        .header("Content-Type", "multipart/form-data; boundary=xyz")
        .POST(HttpRequest.BodyPublishers.ofString("--xyz\r\nContent-Disposition: form-data; name=\"other\"\r\n\r\nx\r\n--xyz--\r\n"))),
        400, "bad_multipart");

    assertThat(storedFiles()).isZero();
    assertThat(store.demoIds()).isEmpty();
  }

  @Test
  void aFullDiskAnswers507AndWritesNothing() throws Exception {
    usable.set(3 * CAP - 1);

    assertError(upload("ok.dm_84", TestDemos.generate(1, 5, "")), 507, "insufficient_storage");

    assertThat(storedFiles()).isZero();
    assertThat(store.demoIds()).isEmpty();
  }

  @Test
  void unknownDemosRoutesAndMethodsAreErrors() throws Exception {
    assertError(get("/api/greatshot/demos/" + "0".repeat(32)), 404, "not_found");
    assertError(get("/api/greatshot/demos/..%2F..%2Fetc"), 404, "not_found");
    assertError(get("/api/nothing-here"), 404, "not_found");
    assertError(get("/api/greatshot/topshots/bogus"), 404, "not_found");
    HttpResponse<String> wrong = send(HttpRequest.newBuilder(uri("/api/greatshot/demos")).GET());
    assertError(wrong, 405, "method_not_allowed");
    assertThat(wrong.headers().firstValue("Allow")).contains("POST, OPTIONS");
  }

  @Test
  void aFailedDemoReportsItsError() throws Exception {
    String id = (String) Json.object(upload("bad.dm_84", TestDemos.corrupt(1)).body()).get("id");
    assertThat(awaitFinished()).isEqualTo(id + " failed");

    Map<String, Object> s = Json.object(get("/api/greatshot/demos/" + id).body());

    assertThat(s).containsEntry("status", "failed").doesNotContainKey("analysis");
    assertThat((String) s.get("error")).startsWith("corrupt demo at offset 16");
  }

  @Test
  void topshotsBoardsAreJsonArraysWithPagination() throws Exception {
    for (int i = 0; i < 3; i++) {
      upload("t" + i + ".dm_84", TestDemos.generate(100 + i, 10 + 11 * i, ""));
    }
    for (int i = 0; i < 3; i++) {
      assertThat(awaitFinished()).endsWith(" succeeded");
    }

    List<Map<String, Object>> kills = Json.array(get("/api/greatshot/topshots/kills?limit=2").body());
    assertThat(kills).extracting(m -> m.get("total_kills")).containsExactly(32L, 21L);
    assertThat(kills.get(0)).containsKeys("demo_id", "filename", "map", "player_count", "created_at");
    assertThat(Json.array(get("/api/greatshot/topshots/kills?limit=2&offset=2").body()))
        .extracting(m -> m.get("total_kills")).containsExactly(10L);
    assertThat(Json.array(get("/api/greatshot/topshots/kills?limit=abc").body())).hasSize(3);
    List<Map<String, Object>> players = Json.array(get("/api/greatshot/topshots/players?limit=100").body());
    assertThat(players).hasSize(6);
    assertThat(players.get(0)).containsEntry("player", "alpha").containsEntry("kills", 32L);
    assertThat(Json.array(get("/api/greatshot/topshots/damage?limit=1").body()).get(0)).containsEntry("damage", 320L);
    List<Map<String, Object>> accuracy = Json.array(get("/api/greatshot/topshots/accuracy").body());
    assertThat(accuracy).extracting(m -> m.get("kills")).containsExactly(32L, 21L, 10L);
    assertThat(Json.array(get("/api/greatshot/topshots/accuracy?min_kills=30").body())).hasSize(1);
    List<Map<String, Object>> multi = Json.array(get("/api/greatshot/topshots/multikills?limit=100").body());
    assertThat(multi).isNotEmpty().allSatisfy(m -> assertThat((Long) m.get("kill_count")).isGreaterThanOrEqualTo(2));
  }

  @Test
  void healthIsTheWorstOfItsChecks() throws Exception {
    HttpResponse<String> up = get("/health");
    assertThat(up.statusCode()).isEqualTo(200);
    Map<String, Object> body = Json.object(up.body());
    assertThat(body).containsEntry("status", "UP");
    assertThat(Json.object(up.body()).get("checks")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.map(String.class, Object.class)).containsOnlyKeys("database", "disk", "workers");

    usable.set(10);
    HttpResponse<String> warn = get("/health");
    assertThat(warn.statusCode()).isEqualTo(200);
    assertThat(Json.object(warn.body())).containsEntry("status", "WARN");

    runner.close();
    HttpResponse<String> down = get("/health");
    assertThat(down.statusCode()).isEqualTo(503);
    Map<String, Object> d = Json.object(down.body());
    assertThat(d).containsEntry("status", "DOWN");
    assertThat(((Map<?, ?>) d.get("checks")).get("workers")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.map(String.class, Object.class)).containsEntry("detail", "0 of 2 workers alive");
  }

  @Test
  void corsPreflightAnswersAllowedOriginsOnly() throws Exception {
    HttpResponse<String> allowed = send(HttpRequest.newBuilder(uri("/api/greatshot/demos"))
        .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", ORIGIN)
        .header("Access-Control-Request-Method", "POST").header("Access-Control-Request-Headers", "X-File-Name"));
    assertThat(allowed.statusCode()).isEqualTo(204);
    assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).contains(ORIGIN);
    assertThat(allowed.headers().firstValue("Access-Control-Allow-Methods")).contains("GET, POST, OPTIONS");
    assertThat(allowed.headers().firstValue("Access-Control-Allow-Headers")).contains("Content-Type, X-File-Name");
    assertThat(allowed.headers().firstValue("Vary")).contains("Origin");

    HttpResponse<String> unknown = send(HttpRequest.newBuilder(uri("/api/greatshot/demos"))
        .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", "https://evil.example")
        .header("Access-Control-Request-Method", "POST"));
    assertThat(unknown.statusCode()).isEqualTo(204);
    assertThat(unknown.headers().map().keySet()).noneMatch(h -> h.toLowerCase().startsWith("access-control-"));
  }

  @Test
  void simpleRequestsGetCorsHeadersOnlyForAllowedOrigins() throws Exception {
    HttpResponse<String> allowed = send(HttpRequest.newBuilder(uri("/health")).header("Origin", ORIGIN).GET());
    assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).contains(ORIGIN);
    assertThat(allowed.headers().firstValue("Access-Control-Allow-Methods")).isEmpty();

    HttpResponse<String> unknown = send(HttpRequest.newBuilder(uri("/health")).header("Origin", "https://evil.example").GET());
    assertThat(unknown.statusCode()).isEqualTo(200);
    assertThat(unknown.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();

    HttpResponse<String> error = send(HttpRequest.newBuilder(uri("/api/nothing")).header("Origin", ORIGIN).GET());
    assertThat(error.statusCode()).isEqualTo(404);
    assertThat(error.headers().firstValue("Access-Control-Allow-Origin")).contains(ORIGIN);
  }
}
