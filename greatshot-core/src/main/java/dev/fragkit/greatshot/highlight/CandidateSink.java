package dev.fragkit.greatshot.highlight;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Receives highlight candidates in a rule's deterministic order. The engine's sinks de-duplicate
 * and order them ({@link Candidates}); {@link #toList} collects them for
 * {@link HighlightRule#detect}. Not thread-safe.
 */
interface CandidateSink {
  /** Adds a candidate; returns the position to pass to {@link #replace}. */
  int add(Highlight h);

  /**
   * When true, the rule must send each key (type, client, startMs, endMs) at most once, as the
   * engine would keep it: the highest score, the first sent on a tie, in the place of the first
   * sent. A rule does that by sending a key's final candidate where its first would have been, or
   * by {@link #replace}-ing the one sent. When false the rule sends every candidate.
   */
  default boolean unique() {
    return false;
  }

  /**
   * Replaces the candidate sent at {@code position} by {@code h}, which has the same key and a
   * higher score. Only called when {@link #unique()}.
   */
  default void replace(int position, Highlight h) {
    throw new UnsupportedOperationException("replace without unique()");
  }

  /**
   * A stock rule that hands its candidates straight to the engine's sink instead of building a list
   * first. {@link HighlightRule#detect} of such a rule is {@link #toList} of this method.
   */
  interface Direct {
    void detect(HighlightContext context, CandidateSink out);

    /** Every highlight type the rule emits. */
    Set<String> types();
  }

  /** Every candidate {@code rule} sends (duplicates included), as a list. */
  static List<Highlight> toList(Direct rule, HighlightContext context) {
    List<Highlight> out = new ArrayList<>();
    rule.detect(context, h -> {
      out.add(h);
      return out.size() - 1;
    });
    return out;
  }
}
