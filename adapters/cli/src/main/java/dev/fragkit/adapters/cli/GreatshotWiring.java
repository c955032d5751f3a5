package dev.fragkit.adapters.cli;

import dev.fragkit.greatshot.job.AnalysisOutcome;
import dev.fragkit.greatshot.job.ClipCutter;
import dev.fragkit.greatshot.job.CorruptDemoException;
import dev.fragkit.greatshot.job.DemoAnalyzer;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;

/**
 * The two plug points of the Greatshot pipeline used by {@code fragkit serve}. The real parser +
 * analysis (issues #3/#4) replace {@link #analyzer()}; the demo cutter replaces {@link #cutter()}.
 * Immutable (static factories).
 */
final class GreatshotWiring {
  private GreatshotWiring() {}

  /**
   * The analyzer {@code serve} runs. PLACEHOLDER until the real analysis is wired: it only walks the
   * record framing (et-demo-format.md §2), so analysis.json reports record and byte counts and
   * {@code "analysis": "framing-only"}; no kills, highlights or player stats.
   */
  static DemoAnalyzer analyzer() {
    return (demo, progress, cancel) -> {
      long size = Files.size(demo);
      long offset = 0;
      int records = 0;
      try (InputStream raw = Files.newInputStream(demo);
          DataInputStream in = new DataInputStream(new BufferedInputStream(raw))) {
        while (true) {
          cancel.throwIfCancelled();
          int length;
          try {
            in.readInt();
            length = Integer.reverseBytes(in.readInt());
          } catch (EOFException e) {
            break;
          }
          if (length == -1) {
            break;
          }
          if (length < 0 || length > 32768) {
            throw new CorruptDemoException(offset + 4, "record length " + length + " not in 0..32768");
          }
          in.skipNBytes(length);
          offset += 8 + length;
          records++;
          progress.bytesParsed(offset, size);
        }
      } catch (EOFException truncated) {
        // a truncated last record ends the demo (et-demo-format.md §2)
      }
      progress.bytesParsed(size, size);
      String json = "{\"analysis\":\"framing-only\",\"records\":" + records + ",\"bytes\":" + size + "}";
      return new AnalysisOutcome(json.getBytes(StandardCharsets.UTF_8), "records: " + records + "\n",
          "<!doctype html><title>demo</title><p>records: " + records + "</p>", "unknown", 0, List.of(), List.of());
    };
  }

  /** The clip cutter {@code serve} runs. Not available yet: clip jobs fail with this message. */
  static ClipCutter cutter() {
    return (demo, startMs, endMs, out, cancel) -> {
      throw new UnsupportedOperationException("clip cutting is not available in this build");
    };
  }
}
