package dev.fragkit.greatshot.highlight;

import java.util.List;

/**
 * The extension point for highlight detection. The stock rules ({@link MultiKillRule},
 * {@link SpreeRule}, {@link HeadshotRule}, {@link TradeKillRule}, {@link ClutchRule},
 * {@link TeamWipeRule}) are ordinary implementations; register your own with
 * {@link HighlightEngine.Builder#rule(HighlightRule)}.
 *
 * <p>A rule reads the kills (and, if it needs them, the alive/dead state) from the context and
 * returns its candidates in a deterministic order. The engine de-duplicates candidates of the same
 * type, client and span, then orders everything (see {@link HighlightEngine}). Implementations must
 * be stateless or thread-safe: one engine may run on many threads.
 */
public interface HighlightRule {
  /** A short stable name for logs and errors, e.g. {@code "multi_kill"}. */
  String name();

  /** The candidates this rule finds in {@code context}; never null, possibly empty. */
  List<Highlight> detect(HighlightContext context);
}
