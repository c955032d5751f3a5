package dev.fragkit.adapters.http;

import java.util.List;
import java.util.Objects;

/**
 * Settings of {@link FragkitHttpServer}. Defaults: host {@code 0.0.0.0}, port 8080 (0 = any free
 * port), 8 request threads, no CORS origins. Immutable.
 */
public final class HttpServerConfig {
  private final String host;
  private final int port;
  private final int threads;
  private final List<String> allowedOrigins;

  private HttpServerConfig(Builder b) {
    host = b.host;
    port = b.port;
    threads = b.threads;
    allowedOrigins = List.copyOf(b.allowedOrigins);
  }

  public static HttpServerConfig defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder().host(host).port(port).threads(threads).allowedOrigins(allowedOrigins);
  }

  public String host() { return host; }
  public int port() { return port; }
  public int threads() { return threads; }
  /** Exact origins ({@code scheme://host[:port]}) that get CORS headers. */
  public List<String> allowedOrigins() { return allowedOrigins; }

  @Override
  public String toString() {
    return "HttpServerConfig{host=" + host + ", port=" + port + ", threads=" + threads + ", allowedOrigins=" + allowedOrigins + "}";
  }

  /** Not thread-safe. */
  public static final class Builder {
    private String host = "0.0.0.0";
    private int port = 8080;
    private int threads = 8;
    private List<String> allowedOrigins = List.of();

    private Builder() {}

    public Builder host(String v) {
      host = Objects.requireNonNull(v, "host");
      return this;
    }

    public Builder port(int v) {
      if (v < 0 || v > 65535) {
        throw new IllegalArgumentException("port not in 0..65535: " + v);
      }
      port = v;
      return this;
    }

    public Builder threads(int v) {
      if (v < 1) {
        throw new IllegalArgumentException("threads < 1: " + v);
      }
      threads = v;
      return this;
    }

    public Builder allowedOrigins(List<String> v) {
      for (String o : v) {
        if (!o.matches("https?://[^/\\s]+")) {
          throw new IllegalArgumentException("allowedOrigins: not an origin (scheme://host[:port]): " + o);
        }
      }
      allowedOrigins = List.copyOf(v);
      return this;
    }

    public HttpServerConfig build() {
      return new HttpServerConfig(this);
    }
  }
}
