package dev.fragkit.adapters.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fragkit.greatshot.job.JobEvents;
import dev.fragkit.greatshot.store.JobLease;
import dev.fragkit.testsupport.SharedData;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

@Timeout(120)
class ServeCommandTest {
  @TempDir Path data;
  private final BlockingQueue<String> finished = new LinkedBlockingQueue<>();
  private final HttpClient client = HttpClient.newHttpClient();

  private ServeCommand.Server start(String... extraArgs) throws Exception {
    ServeCommand command = new ServeCommand();
    String[] args = new String[extraArgs.length + 4];
    args[0] = "--port";
    args[1] = "0";
    args[2] = "--data";
    args[3] = data.toString();
    System.arraycopy(extraArgs, 0, args, 4, extraArgs.length);
    new CommandLine(command).parseArgs(args);
    return command.start(new JobEvents() {
      @Override
      public void onSucceeded(JobLease lease) {
        finished.add(lease.subjectId() + " succeeded");
      }

      @Override
      public void onFailed(JobLease lease, String error) {
        finished.add(lease.subjectId() + " failed: " + error);
      }
    });
  }

  private HttpResponse<String> upload(int port, byte[] demo) throws Exception {
    return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/greatshot/demos"))
        .header("X-File-Name", "scores_test.dm_84").POST(HttpRequest.BodyPublishers.ofByteArray(demo)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String field(String json, String name) {
    Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]*)\"").matcher(json);
    assertThat(m.find()).as(name + " in " + json).isTrue();
    return m.group(1);
  }

  @Test
  void serveAcceptsTheRealDemoOverHttpAndReturnsItsAnalysisFromEmbeddedH2() throws Exception {
    byte[] demo = Files.readAllBytes(SharedData.file("demos/et/scores_test.dm_84"));
    String id;
    try (ServeCommand.Server server = start("--workers", "2", "--max-upload-bytes", "1000000")) {
      HttpResponse<String> created = upload(server.port(), demo);
      assertThat(created.statusCode()).isEqualTo(201);
      id = field(created.body(), "id");
      assertThat(finished.poll(60, TimeUnit.SECONDS)).isEqualTo(id + " succeeded");

      HttpResponse<String> status = client.send(HttpRequest.newBuilder(
          URI.create("http://127.0.0.1:" + server.port() + "/api/greatshot/demos/" + id)).GET().build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(status.statusCode()).isEqualTo(200);
      assertThat(status.body()).contains("\"status\":\"analyzed\"").contains("\"progress\":1.0");
      // The real analysis (parser + analysis + highlights) of the demo, embedded as a JSON object.
      assertThat(status.body()).containsPattern("\"analysis\"\\s*:\\s*\\{\\s*\"schemaVersion\"")
          .containsPattern("\"map\"\\s*:\\s*\"adlernest\"")
          .containsPattern("\"totalKills\"\\s*:\\s*9")
          .containsPattern("\"type\"\\s*:\\s*\"multi_kill\"");
    }
    assertThat(data.resolve("greatshot").resolve(id).resolve("original").resolve("original.dm_84")).exists();
    assertThat(data.resolve("greatshot").resolve(id).resolve("artifacts").resolve("analysis.json")).exists();

    try (ServeCommand.Server restarted = start()) {
      HttpResponse<String> again = upload(restarted.port(), demo);
      assertThat(again.statusCode()).isEqualTo(200);
      assertThat(field(again.body(), "id")).isEqualTo(id);
      assertThat(field(again.body(), "status")).isEqualTo("analyzed");
    }
  }

  @Test
  void serveHelpListsItsOptions() {
    CliRun run = CliRun.of("serve", "--help");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("--port").contains("--data").contains("--db").contains("--max-upload-bytes")
        .contains("--workers").contains("--cors-origin");
  }
}
