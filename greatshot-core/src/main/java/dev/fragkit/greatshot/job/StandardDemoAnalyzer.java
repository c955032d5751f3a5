package dev.fragkit.greatshot.job;

import dev.fragkit.greatshot.analysis.Analysis;
import dev.fragkit.greatshot.analysis.PlayerStats;
import dev.fragkit.greatshot.analysis.PlayerSummary;
import dev.fragkit.greatshot.demo.DemoCancelledException;
import dev.fragkit.greatshot.demo.DemoException;
import dev.fragkit.greatshot.demo.DemoIoException;
import dev.fragkit.greatshot.demo.DemoReader;
import dev.fragkit.greatshot.demo.ParserLimits;
import dev.fragkit.greatshot.highlight.Highlight;
import dev.fragkit.greatshot.highlight.HighlightEngine;
import dev.fragkit.greatshot.report.AnalysisJson;
import dev.fragkit.greatshot.report.DemoAnalyzer.Result;
import dev.fragkit.greatshot.report.HtmlReport;
import dev.fragkit.greatshot.report.TextReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The production analysis step of the pipeline: the pure-Java {@link DemoReader}, the
 * {@link dev.fragkit.greatshot.analysis.AnalysisBuilder analysis}, the stock highlight rules and the
 * three report artifacts, in one pass over the stored demo.
 *
 * <p>Cancellation is cooperative: the reader checks {@link Cancellation#isCancelled()} (and thread
 * interruption) at every record boundary. Failures are classified for the runner's retry policy:
 * unreadable bytes ({@link DemoException}s other than cancellation and I/O) become
 * {@link CorruptDemoException} (never retried); I/O failures stay {@link IOException} (retried).
 *
 * <p>Immutable and thread-safe: one instance serves every worker.
 */
public final class StandardDemoAnalyzer implements DemoAnalyzer {
  private final ParserLimits limits;
  private final HighlightEngine engine;

  private StandardDemoAnalyzer(ParserLimits limits, HighlightEngine engine) {
    this.limits = limits;
    this.engine = engine;
  }

  /** Default parser limits and the stock highlight rules with default thresholds. */
  public static StandardDemoAnalyzer defaults() {
    return create(ParserLimits.defaults(), HighlightEngine.standard());
  }

  public static StandardDemoAnalyzer create(ParserLimits limits, HighlightEngine engine) {
    return new StandardDemoAnalyzer(Objects.requireNonNull(limits, "limits"), Objects.requireNonNull(engine, "engine"));
  }

  @Override
  public AnalysisOutcome analyze(Path demo, AnalysisProgress progress, Cancellation cancel) throws IOException {
    long size = Files.size(demo);
    DemoReader reader = DemoReader.builder().limits(limits).cancellation(cancel::isCancelled).build();
    dev.fragkit.greatshot.report.DemoAnalyzer analyzer =
        dev.fragkit.greatshot.report.DemoAnalyzer.builder().reader(reader).engine(engine).build();
    Result result;
    try {
      result = analyzer.analyze(demo, read -> progress.bytesParsed(Math.min(read, size), size));
    } catch (DemoCancelledException e) {
      cancel.throwIfCancelled();
      // Interrupted without a cancellation reason: not the demo's fault, worth another attempt.
      throw new TransientAnalysisException("demo read interrupted: " + e.getMessage(), e);
    } catch (DemoIoException e) {
      throw e.getCause();
    } catch (DemoException e) {
      throw new CorruptDemoException(e.byteOffset(), e.getMessage(), e);
    }
    cancel.throwIfCancelled();
    progress.bytesParsed(size, size);
    return outcome(result.analysis(), result.highlights());
  }

  /** Maps an analysis to what the pipeline stores (artifacts, highlights, leaderboard rows). */
  static AnalysisOutcome outcome(Analysis analysis, List<Highlight> highlights) {
    byte[] json = AnalysisJson.toJson(analysis, highlights).getBytes(StandardCharsets.UTF_8);
    List<AnalysisOutcome.Highlight> rows = new ArrayList<>(highlights.size());
    for (Highlight h : highlights) {
      rows.add(new AnalysisOutcome.Highlight(h.type(), h.client() == null ? -1 : h.client(), h.player(), h.startMs(),
          h.endMs(), h.kills(), h.score(), h.explanation()));
    }
    List<AnalysisOutcome.PlayerStats> players = new ArrayList<>(analysis.stats().size());
    for (PlayerStats s : analysis.stats().values()) {
      String rawName = analysis.player(s.client()).map(PlayerSummary::name).orElse(s.cleanName());
      int shots = 0;
      int hits = 0;
      for (PlayerStats.WeaponLine w : s.weapons()) {
        if (w.shots() != null && w.hits() != null) {
          shots += w.shots();
          hits += w.hits();
        }
      }
      players.add(new AnalysisOutcome.PlayerStats(rawName, s.cleanName(), s.kills(), s.deaths(), s.headshots(),
          s.damageGiven() == null ? 0 : s.damageGiven(), s.damageReceived() == null ? 0 : s.damageReceived(), shots,
          hits, s.timePlayedMs()));
    }
    return new AnalysisOutcome(json, TextReport.render(analysis, highlights), HtmlReport.render(analysis, highlights),
        analysis.demo().map(), analysis.totalKills(), rows, players);
  }
}
