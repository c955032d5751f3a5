/** Demo analysis: the immutable {@link dev.fragkit.greatshot.analysis.Analysis} (demo facts, roster, timeline of kills, chat, roster changes and match-state changes, per-player statistics), built in one pass by {@link dev.fragkit.greatshot.analysis.AnalysisBuilder}, a {@link dev.fragkit.greatshot.demo.DemoListener}. */
@NullMarked
package dev.fragkit.greatshot.analysis;

import org.jspecify.annotations.NullMarked;
