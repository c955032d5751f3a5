package dev.fragkit.greatshot.testing;

import dev.fragkit.greatshot.job.AnalysisOutcome;
import dev.fragkit.greatshot.job.AnalysisProgress;
import dev.fragkit.greatshot.job.Cancellation;
import dev.fragkit.greatshot.job.CorruptDemoException;
import dev.fragkit.greatshot.job.DemoAnalyzer;
import dev.fragkit.greatshot.job.TransientAnalysisException;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A real, simple {@link DemoAnalyzer} for pipeline tests: it walks the record framing of the file
 * (works on the real demo and on {@link TestDemos}), checks cancellation and reports progress per
 * record, and derives a deterministic outcome from the record count. A length outside 0..32768 is a
 * {@link CorruptDemoException} with its offset. Directives in the first record body: {@code #spin}
 * blocks until cancelled (only when {@code spinAllowed} accepts the file), {@code #transient=N}
 * fails transiently on the first N attempts for that file, {@code #fail} throws an unexpected error.
 * Counts invocations per file. Thread-safe.
 */
public final class RecordWalkingAnalyzer implements DemoAnalyzer {
  private final Map<Path, AtomicInteger> invocations = new ConcurrentHashMap<>();
  private final Map<String, String> threads = new ConcurrentHashMap<>();
  private final Predicate<Path> spinAllowed;

  public RecordWalkingAnalyzer() {
    this(p -> true);
  }

  public RecordWalkingAnalyzer(Predicate<Path> spinAllowed) {
    this.spinAllowed = spinAllowed;
  }

  public int invocations(Path file) {
    AtomicInteger n = invocations.get(file.toAbsolutePath().normalize());
    return n == null ? 0 : n.get();
  }

  public int totalInvocations() {
    return invocations.values().stream().mapToInt(AtomicInteger::get).sum();
  }

  /** Names of the threads that ran analyses. */
  public java.util.Set<String> threadNames() {
    return java.util.Set.copyOf(threads.values());
  }

  @Override
  public AnalysisOutcome analyze(Path demo, AnalysisProgress progress, Cancellation cancel) throws IOException {
    int attempt = invocations.computeIfAbsent(demo.toAbsolutePath().normalize(), k -> new AtomicInteger()).incrementAndGet();
    threads.put(Thread.currentThread().getName(), Thread.currentThread().getName());
    long size = Files.size(demo);
    long offset = 0;
    int records = 0;
    long checksum = 17;
    try (InputStream raw = Files.newInputStream(demo); DataInputStream in = new DataInputStream(new BufferedInputStream(raw))) {
      while (true) {
        cancel.throwIfCancelled();
        int seq;
        int length;
        try {
          seq = Integer.reverseBytes(in.readInt());
          length = Integer.reverseBytes(in.readInt());
        } catch (EOFException e) {
          break; // a demo may simply end (et-demo-format.md §2)
        }
        if (length == -1) {
          break;
        }
        if (length < 0 || length > 32768) {
          throw new CorruptDemoException(offset + 4, "record length " + length + " not in 0..32768");
        }
        byte[] body = new byte[length];
        int read = in.readNBytes(body, 0, length);
        if (read < length) {
          break; // truncated last record: end of demo
        }
        if (records == 0 && length > 0 && body[0] == '#') {
          directive(new String(body, StandardCharsets.US_ASCII).trim(), demo, attempt, cancel);
        }
        checksum = checksum * 31 + seq + length;
        offset += 8 + length;
        records++;
        progress.bytesParsed(offset, size);
      }
    }
    progress.bytesParsed(size, size);
    return outcome(records, size, checksum);
  }

  private void directive(String d, Path demo, int attempt, Cancellation cancel) {
    if (d.equals("#spin") && spinAllowed.test(demo)) {
      try {
        while (!cancel.await(1, TimeUnit.HOURS)) {
          // keep waiting: only a cancellation ends a spin
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      cancel.throwIfCancelled();
      throw new IllegalStateException("interrupted without a cancellation reason");
    } else if (d.startsWith("#transient=")) {
      int failures = Integer.parseInt(d.substring("#transient=".length()));
      if (attempt <= failures) {
        throw new TransientAnalysisException("injected transient failure " + attempt + " of " + failures);
      }
    } else if (d.equals("#fail")) {
      throw new IllegalArgumentException("injected unexpected failure");
    }
  }

  private static AnalysisOutcome outcome(int records, long size, long checksum) {
    List<AnalysisOutcome.Highlight> highlights = new ArrayList<>();
    int count = 1 + records % 3;
    for (int i = 0; i < count; i++) {
      highlights.add(new AnalysisOutcome.Highlight(i == 0 ? "multi_kill" : "spree", i, "player" + i,
          1000L * i, 1000L * i + 500, 1 + (records + i) % 4, records + i * 0.5, "record walk " + i));
    }
    List<AnalysisOutcome.PlayerStats> players = List.of(
        new AnalysisOutcome.PlayerStats("^1alpha", "alpha", records % 40, records % 7, records % 5, records * 10L,
            records * 3L, 100, records % 100, 60_000),
        new AnalysisOutcome.PlayerStats("^4bravo", "bravo", records % 13, records % 11, 1, records * 7L, records * 9L,
            0, 0, 30_000));
    String json = "{\"records\":" + records + ",\"bytes\":" + size + ",\"checksum\":" + checksum + "}";
    return new AnalysisOutcome(json.getBytes(StandardCharsets.UTF_8), "records " + records + "\n",
        "<html><body>records " + records + "</body></html>", "map" + records % 5, records,
        highlights, players);
  }
}
