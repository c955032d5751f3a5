package dev.fragkit.adapters.http;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Extracting the {@code file} part of a multipart upload (a text field first, then {@code megabytes}
 * of random demo bytes) and reading it to the end in 8 KB reads, as the intake does. MB/s =
 * {@code megabytes} / seconds per op. Lives in the adapter's package because the multipart reader
 * is package-private.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class MultipartFileBenchmark {
  private static final String BOUNDARY = "----WebKitFormBoundary7MA4YWxkTrZu0gW";

  @Param({"16"})
  public int megabytes;

  private byte[] body;
  private final byte[] sink = new byte[8192];

  @Setup
  public void setUp() {
    byte[] demo = new byte[megabytes << 20];
    new Random(84).nextBytes(demo);
    ByteArrayOutputStream out = new ByteArrayOutputStream(demo.length + 512);
    out.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nclip me\r\n--"
        + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.dm_84\"\r\n"
        + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
    out.writeBytes(demo);
    out.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.ISO_8859_1));
    body = out.toByteArray();
  }

  @Benchmark
  public long extractFilePart() throws IOException {
    InputStream content = MultipartFile.find(new ByteArrayInputStream(body), BOUNDARY, "file").content();
    long total = 0;
    int n;
    while ((n = content.read(sink, 0, sink.length)) > 0) {
      total += n;
    }
    return total;
  }
}
