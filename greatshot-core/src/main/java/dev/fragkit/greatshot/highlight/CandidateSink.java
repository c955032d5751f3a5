package dev.fragkit.greatshot.highlight;

import java.util.ArrayList;
import java.util.List;

/**
 * Receives highlight candidates in a rule's deterministic order. The engine's sink de-duplicates
 * and orders them ({@link Candidates}); {@link #toList} collects them for
 * {@link HighlightRule#detect}. Not thread-safe.
 */
interface CandidateSink {
  void add(Highlight h);

  /**
   * A stock rule that hands its candidates straight to the engine's sink instead of building a list
   * first. {@link HighlightRule#detect} of such a rule is {@link #toList} of this method, so both
   * paths yield the same candidates in the same order.
   */
  interface Direct {
    void detect(HighlightContext context, CandidateSink out);
  }

  /** The candidates {@code rule} sends, as a list. */
  static List<Highlight> toList(Direct rule, HighlightContext context) {
    List<Highlight> out = new ArrayList<>();
    rule.detect(context, out::add);
    return out;
  }
}
