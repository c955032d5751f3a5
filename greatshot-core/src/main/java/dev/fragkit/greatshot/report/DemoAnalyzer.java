package dev.fragkit.greatshot.report;

import dev.fragkit.greatshot.analysis.Analysis;
import dev.fragkit.greatshot.analysis.AnalysisBuilder;
import dev.fragkit.greatshot.demo.DemoIoException;
import dev.fragkit.greatshot.demo.DemoReader;
import dev.fragkit.greatshot.highlight.Highlight;
import dev.fragkit.greatshot.highlight.HighlightEngine;
import dev.fragkit.greatshot.udt.UdtJsonReader;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.LongConsumer;

/**
 * One demo file in, its analysis and highlights out — the main job minus writing files. Reads
 * {@code .dm_84}/{@code .tv_84} with {@link DemoReader} and {@code *.json} (UDT_json output) with
 * {@link UdtJsonReader}, in one pass that also computes the file's SHA-256.
 *
 * <p>Immutable and thread-safe: analyse many files concurrently with one instance.
 */
public final class DemoAnalyzer {
  private final DemoReader reader;
  private final UdtJsonReader udt;
  private final HighlightEngine engine;

  private DemoAnalyzer(Builder b) {
    this.reader = b.reader;
    this.udt = b.udt;
    this.engine = b.engine;
  }

  /** Default reader limits, default UDT limits, the stock highlight rules with default thresholds. */
  public static DemoAnalyzer defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The result of analysing one file. */
  public record Result(Analysis analysis, List<Highlight> highlights, long bytes) {
    public Result {
      highlights = List.copyOf(highlights);
    }
  }

  /** Whether {@code file}'s name marks an input this analyzer reads. */
  public static boolean isSupported(Path file) {
    String n = String.valueOf(file.getFileName()).toLowerCase(Locale.ROOT);
    return n.endsWith(".dm_84") || n.endsWith(".tv_84") || n.endsWith(".json");
  }

  /**
   * Analyses one file.
   *
   * @throws dev.fragkit.greatshot.demo.DemoException when the file is not a readable demo (or UDT_json)
   * @throws IllegalArgumentException when the extension is not supported
   */
  public Result analyze(Path file) {
    return analyze(file, read -> {});
  }

  /**
   * Analyses one file, reporting how many of its bytes have been consumed so far (about every
   * 64 KiB and at the end) to {@code bytesRead}, on the calling thread.
   *
   * @throws dev.fragkit.greatshot.demo.DemoException when the file is not a readable demo (or UDT_json)
   * @throws IllegalArgumentException when the extension is not supported
   */
  public Result analyze(Path file, LongConsumer bytesRead) {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(bytesRead, "bytesRead");
    String name = String.valueOf(file.getFileName());
    if (!isSupported(file)) {
      throw new IllegalArgumentException("unsupported input (expected .dm_84, .tv_84 or UDT_json .json): " + file);
    }
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK always has SHA-256", e);
    }
    boolean json = name.toLowerCase(Locale.ROOT).endsWith(".json");
    AnalysisBuilder builder = AnalysisBuilder.forDemo(name);
    long bytes;
    try (DigestInputStream in = new DigestInputStream(new BufferedInputStream(
        new CountingInputStream(Files.newInputStream(file), bytesRead), 1 << 16),
        sha)) {
      if (json) {
        builder.input("udt_json");
        udt.replay(in, name, builder).warnings().forEach(builder::warning);
      } else {
        reader.read(in, name, builder);
      }
      drain(in);
      bytes = Files.size(file);
    } catch (IOException e) {
      throw new DemoIoException(file.toString(), -1, e);
    }
    builder.sha256(HexFormat.of().formatHex(sha.digest()));
    Analysis analysis = builder.build();
    return new Result(analysis, engine.detect(analysis), bytes);
  }

  private static void drain(InputStream in) throws IOException {
    byte[] buf = new byte[8192];
    while (in.read(buf) >= 0) {
      // the hash covers the whole file even when the reader stopped at the end marker
    }
  }

  /** Reports the bytes consumed from the underlying stream, at most once per 64 KiB and at its end. */
  private static final class CountingInputStream extends FilterInputStream {
    private static final long STEP = 1 << 16;
    private final LongConsumer bytesRead;
    private long count;
    private long reported;

    CountingInputStream(InputStream in, LongConsumer bytesRead) {
      super(in);
      this.bytesRead = bytesRead;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      advance(b < 0 ? -1 : 1);
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      advance(n);
      return n;
    }

    private void advance(int n) {
      if (n < 0) {
        if (reported != count) {
          reported = count;
          bytesRead.accept(count);
        }
        return;
      }
      count += n;
      if (count - reported >= STEP) {
        reported = count;
        bytesRead.accept(count);
      }
    }
  }

  /** Builder; not thread-safe. */
  public static final class Builder {
    private DemoReader reader = DemoReader.defaults();
    private UdtJsonReader udt = UdtJsonReader.create();
    private HighlightEngine engine = HighlightEngine.standard();

    private Builder() {}

    public Builder reader(DemoReader value) {
      this.reader = Objects.requireNonNull(value, "reader");
      return this;
    }

    public Builder udtReader(UdtJsonReader value) {
      this.udt = Objects.requireNonNull(value, "udtReader");
      return this;
    }

    public Builder engine(HighlightEngine value) {
      this.engine = Objects.requireNonNull(value, "engine");
      return this;
    }

    public DemoAnalyzer build() {
      return new DemoAnalyzer(this);
    }
  }
}
