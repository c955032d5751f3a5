package dev.fragkit.adapters.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.fragkit.greatshot.intake.InsufficientStorageException;
import dev.fragkit.greatshot.intake.UnsupportedExtensionException;
import dev.fragkit.greatshot.intake.UploadRejectedException;
import dev.fragkit.greatshot.intake.UploadResult;
import dev.fragkit.greatshot.intake.UploadTooLargeException;
import dev.fragkit.greatshot.store.DemoRecord;
import dev.fragkit.greatshot.store.DemoStatus;
import dev.fragkit.greatshot.store.JobKind;
import dev.fragkit.greatshot.store.Page;
import dev.fragkit.greatshot.store.Topshots;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Fragkit HTTP server on the JDK's {@code com.sun.net.httpserver} (no dependencies, embeddable).
 * Routes (contract kept stable):
 * <ul>
 *   <li>{@code POST /api/greatshot/demos} — raw body + {@code X-File-Name}, or multipart field {@code file}:
 *       201 new, 200 duplicate, 400 empty/bad header/missing name, 413 too large, 415 extension, 507 disk</li>
 *   <li>{@code GET /api/greatshot/demos/{id}} — status, progress, error, analysis; 404 unknown</li>
 *   <li>{@code GET /api/greatshot/topshots/{kills|players|accuracy|damage|multikills}?limit=&offset=}</li>
 *   <li>{@code GET /health} — 200 (UP/WARN) or 503 (DOWN), worst check wins</li>
 * </ul>
 * Errors are {@code {"error":"<code>","message":"<text>"}}. CORS: requests from an allowed origin get
 * {@code Access-Control-Allow-Origin}; {@code OPTIONS} preflights answer 204; unknown origins get no
 * CORS headers. The server translates only: all decisions are the cores'.
 *
 * <p>Thread-safe. Owns its listener and request threads ({@code fragkit-http-N}); {@link #close()} stops both.
 */
public final class FragkitHttpServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(FragkitHttpServer.class);
  private static final JsonFactory JSON = new JsonFactory();
  private static final Pattern DEMO = Pattern.compile("/api/greatshot/demos/([A-Za-z0-9_-]{1,64})");
  private static final Pattern TOPSHOTS = Pattern.compile("/api/greatshot/topshots/([a-z]+)");
  private static final String ALLOW_HEADERS = "Content-Type, X-File-Name";
  private static final String ALLOW_METHODS = "GET, POST, OPTIONS";

  private final HttpServerConfig config;
  private final GreatshotBackend greatshot;
  private final Map<String, HealthCheck> checks;
  private final HttpServer server;
  private final ExecutorService executor;

  private FragkitHttpServer(HttpServerConfig config, GreatshotBackend greatshot, Map<String, HealthCheck> checks)
      throws IOException {
    this.config = config;
    this.greatshot = greatshot;
    this.checks = Map.copyOf(checks);
    AtomicInteger n = new AtomicInteger();
    this.executor = Executors.newFixedThreadPool(config.threads(), r -> {
      Thread t = new Thread(r, "fragkit-http-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    this.server = HttpServer.create(new InetSocketAddress(config.host(), config.port()), 64);
    server.setExecutor(executor);
    server.createContext("/", this::handle);
  }

  /**
   * Binds and starts a server. {@code checks} are the named probes of {@code /health}, e.g.
   * {@code database}, {@code disk}, {@code workers} (see {@link HealthChecks}).
   */
  public static FragkitHttpServer start(HttpServerConfig config, GreatshotBackend greatshot,
      Map<String, HealthCheck> checks) throws IOException {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(greatshot, "greatshot");
    FragkitHttpServer s = new FragkitHttpServer(config, greatshot, new LinkedHashMap<>(checks));
    s.server.start();
    LOG.info("listening on {}:{}", config.host(), s.port());
    return s;
  }

  /** The bound port (useful with port 0). */
  public int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdown();
    try {
      if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
        executor.shutdownNow();
      }
    } catch (InterruptedException e) {
      executor.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  // ---------------------------------------------------------------- dispatch

  /** An error answer with a status, a code and a message. */
  private static final class HttpError extends Exception {
    private static final long serialVersionUID = 1L;
    final int status;
    final String code;

    HttpError(int status, String code, String message) {
      super(message);
      this.status = status;
      this.code = code;
    }
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      boolean preflight = "OPTIONS".equals(ex.getRequestMethod());
      cors(ex, preflight);
      if (preflight) {
        ex.sendResponseHeaders(204, -1);
        return;
      }
      try {
        route(ex);
      } catch (HttpError e) {
        sendError(ex, e.status, e.code, e.getMessage());
      } catch (UploadRejectedException e) {
        sendError(ex, statusOf(e), e.code(), e.getMessage());
      } catch (RuntimeException | IOException e) {
        LOG.error("{} {} failed", ex.getRequestMethod(), ex.getRequestURI(), e);
        sendError(ex, 500, "internal_error", "internal error: " + e.getClass().getSimpleName());
      }
    }
  }

  static int statusOf(UploadRejectedException e) {
    if (e instanceof UnsupportedExtensionException) {
      return 415;
    }
    if (e instanceof UploadTooLargeException) {
      return 413;
    }
    if (e instanceof InsufficientStorageException) {
      return 507;
    }
    // EmptyUploadException, InvalidDemoHeaderException and any future policy refusal.
    return 400;
  }

  private void cors(HttpExchange ex, boolean preflight) {
    String origin = ex.getRequestHeaders().getFirst("Origin");
    Headers h = ex.getResponseHeaders();
    h.add("Vary", "Origin");
    if (origin == null || !config.allowedOrigins().contains(origin)) {
      return;
    }
    h.set("Access-Control-Allow-Origin", origin);
    if (preflight) {
      h.set("Access-Control-Allow-Methods", ALLOW_METHODS);
      h.set("Access-Control-Allow-Headers", ALLOW_HEADERS);
      h.set("Access-Control-Max-Age", "600");
    }
  }

  private void route(HttpExchange ex) throws IOException, HttpError {
    String path = ex.getRequestURI().getPath();
    String method = ex.getRequestMethod();
    if (path.equals("/health")) {
      requireMethod(ex, "GET");
      health(ex);
    } else if (path.equals("/api/greatshot/demos")) {
      requireMethod(ex, "POST");
      upload(ex);
    } else if (DEMO.matcher(path).matches()) {
      requireMethod(ex, "GET");
      Matcher m = DEMO.matcher(path);
      m.matches();
      demo(ex, m.group(1));
    } else if (TOPSHOTS.matcher(path).matches()) {
      requireMethod(ex, "GET");
      Matcher m = TOPSHOTS.matcher(path);
      m.matches();
      topshots(ex, m.group(1));
    } else {
      throw new HttpError(404, "not_found", "no route for " + method + " " + path);
    }
  }

  private static void requireMethod(HttpExchange ex, String method) throws HttpError {
    if (!method.equals(ex.getRequestMethod())) {
      ex.getResponseHeaders().set("Allow", method + ", OPTIONS");
      throw new HttpError(405, "method_not_allowed", ex.getRequestMethod() + " not allowed on " + ex.getRequestURI().getPath());
    }
  }

  // ---------------------------------------------------------------- routes

  private void upload(HttpExchange ex) throws IOException, HttpError {
    String contentType = Optional.ofNullable(ex.getRequestHeaders().getFirst("Content-Type")).orElse("");
    InputStream body = ex.getRequestBody();
    UploadResult result;
    if (contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
      String boundary = MultipartFile.boundary(contentType)
          .orElseThrow(() -> new HttpError(400, "bad_multipart", "multipart/form-data without a boundary"));
      MultipartFile.Part part;
      try {
        part = MultipartFile.find(body, boundary, "file");
      } catch (MultipartFile.MalformedMultipartException e) {
        throw new HttpError(400, "bad_multipart", e.getMessage());
      }
      if (part.fileName().isBlank()) {
        throw new HttpError(400, "missing_file_name", "the multipart 'file' part has no filename");
      }
      result = greatshot.intake().accept(part.fileName(), part.content());
    } else {
      String name = ex.getRequestHeaders().getFirst("X-File-Name");
      if (name == null || name.isBlank()) {
        throw new HttpError(400, "missing_file_name", "X-File-Name header is required for a raw upload");
      }
      result = greatshot.intake().accept(URLDecoder.decode(name, StandardCharsets.UTF_8), body);
    }
    if (result.created()) {
      greatshot.onUploaded().run();
    }
    DemoRecord d = result.demo();
    sendJson(ex, result.created() ? 201 : 200, g -> {
      g.writeStartObject();
      g.writeStringField("id", d.id());
      g.writeStringField("sha256", d.sha256());
      g.writeStringField("status", d.status().wireName());
      g.writeEndObject();
    });
  }

  private void demo(HttpExchange ex, String id) throws IOException, HttpError {
    DemoRecord d = greatshot.store().findDemo(id)
        .orElseThrow(() -> new HttpError(404, "not_found", "no demo with id " + id));
    double progress = d.status() == DemoStatus.ANALYZED ? 1.0
        : greatshot.store().latestJobFor(JobKind.ANALYSIS, id).map(j -> j.progress()).orElse(0.0);
    Optional<Path> analysis = d.status() == DemoStatus.ANALYZED
        ? greatshot.files().artifact(id, "analysis.json") : Optional.empty();
    byte[] analysisBytes = analysis.isPresent() ? Files.readAllBytes(analysis.get()) : null;
    sendJson(ex, 200, g -> {
      g.writeStartObject();
      g.writeStringField("id", d.id());
      g.writeStringField("status", d.status().wireName());
      g.writeNumberField("progress", progress);
      if (d.error() != null) {
        g.writeStringField("error", d.error());
      }
      if (analysisBytes != null) {
        g.writeFieldName("analysis");
        try (JsonParser p = JSON.createParser(analysisBytes)) {
          if (p.nextToken() != JsonToken.START_OBJECT) {
            throw new IOException("analysis.json of " + id + " is not a JSON object");
          }
          g.copyCurrentStructure(p);
        }
      }
      g.writeEndObject();
    });
  }

  private void topshots(HttpExchange ex, String board) throws IOException, HttpError {
    Map<String, String> q = query(ex.getRequestURI().getRawQuery());
    Page page = new Page(clamp(intParam(q, "limit", 10), 1, Page.MAX_LIMIT), Math.max(0, intParam(q, "offset", 0)));
    Topshots t = greatshot.store();
    switch (board) {
      case "kills" -> sendJson(ex, 200, g -> {
        g.writeStartArray();
        for (Topshots.DemoKills r : t.topKills(page)) {
          g.writeStartObject();
          g.writeStringField("demo_id", r.demoId());
          g.writeStringField("filename", r.filename());
          g.writeStringField("map", r.map());
          g.writeNumberField("total_kills", r.totalKills());
          g.writeNumberField("player_count", r.playerCount());
          g.writeStringField("created_at", r.createdAt().toString());
          g.writeEndObject();
        }
        g.writeEndArray();
      });
      case "players" -> players(ex, t.topPlayers(page));
      case "accuracy" -> players(ex, t.topAccuracy(Math.max(0, intParam(q, "min_kills", 10)), page));
      case "damage" -> players(ex, t.topDamage(page));
      case "multikills" -> sendJson(ex, 200, g -> {
        g.writeStartArray();
        for (Topshots.Multikill r : t.topMultikills(page)) {
          g.writeStartObject();
          g.writeStringField("highlight_id", r.highlightId());
          g.writeStringField("demo_id", r.demoId());
          g.writeStringField("type", r.type());
          g.writeStringField("player", r.player());
          g.writeNumberField("kill_count", r.kills());
          g.writeNumberField("score", r.score());
          g.writeStringField("filename", r.filename());
          g.writeStringField("map", r.map());
          g.writeStringField("created_at", r.createdAt().toString());
          g.writeEndObject();
        }
        g.writeEndArray();
      });
      default -> throw new HttpError(404, "not_found", "no topshots board '" + board
          + "' (kills, players, accuracy, damage, multikills)");
    }
  }

  private static void players(HttpExchange ex, List<Topshots.PlayerRow> rows) throws IOException {
    sendJson(ex, 200, g -> {
      g.writeStartArray();
      for (Topshots.PlayerRow r : rows) {
        g.writeStartObject();
        g.writeStringField("demo_id", r.demoId());
        g.writeStringField("filename", r.filename());
        g.writeStringField("map", r.map());
        g.writeStringField("player", r.player());
        g.writeNumberField("kills", r.kills());
        g.writeNumberField("deaths", r.deaths());
        g.writeNumberField("kdr", Math.round(r.kills() * 100.0 / Math.max(r.deaths(), 1)) / 100.0);
        g.writeNumberField("damage", r.damageGiven());
        if (r.accuracy() >= 0) {
          g.writeNumberField("accuracy", Math.round(r.accuracy() * 10) / 10.0);
        } else {
          g.writeNullField("accuracy");
        }
        g.writeNumberField("headshots", r.headshots());
        g.writeStringField("created_at", r.createdAt().toString());
        g.writeEndObject();
      }
      g.writeEndArray();
    });
  }

  private void health(HttpExchange ex) throws IOException {
    HealthStatus overall = HealthStatus.UP;
    Map<String, HealthCheck.Result> results = new LinkedHashMap<>();
    for (Map.Entry<String, HealthCheck> c : checks.entrySet()) {
      HealthCheck.Result r = c.getValue().check();
      results.put(c.getKey(), r);
      overall = overall.worst(r.status());
    }
    HealthStatus status = overall;
    sendJson(ex, status == HealthStatus.DOWN ? 503 : 200, g -> {
      g.writeStartObject();
      g.writeStringField("status", status.name());
      g.writeObjectFieldStart("checks");
      for (Map.Entry<String, HealthCheck.Result> r : results.entrySet()) {
        g.writeObjectFieldStart(r.getKey());
        g.writeStringField("status", r.getValue().status().name());
        g.writeStringField("detail", r.getValue().detail());
        g.writeEndObject();
      }
      g.writeEndObject();
      g.writeEndObject();
    });
  }

  // ---------------------------------------------------------------- helpers

  private static Map<String, String> query(@Nullable String raw) {
    Map<String, String> out = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return out;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      out.putIfAbsent(k, v);
    }
    return out;
  }

  /** Lenient like the reference: an unparsable number means the default. */
  private static int intParam(Map<String, String> q, String name, int dflt) {
    String v = q.get(name);
    if (v == null) {
      return dflt;
    }
    try {
      return Integer.parseInt(v.trim());
    } catch (NumberFormatException e) {
      return dflt;
    }
  }

  private static int clamp(int v, int lo, int hi) {
    return Math.max(lo, Math.min(hi, v));
  }

  @FunctionalInterface
  private interface JsonBody {
    void write(JsonGenerator g) throws IOException;
  }

  private static void sendJson(HttpExchange ex, int status, JsonBody body) throws IOException {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    try (JsonGenerator g = JSON.createGenerator(buf)) {
      body.write(g);
    }
    byte[] bytes = buf.toByteArray();
    ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
    ex.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static void sendError(HttpExchange ex, int status, String code, @Nullable String message) {
    try {
      sendJson(ex, status, g -> {
        g.writeStartObject();
        g.writeStringField("error", code);
        g.writeStringField("message", message == null ? code : message);
        g.writeEndObject();
      });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot send error response " + status, e);
    }
  }
}
