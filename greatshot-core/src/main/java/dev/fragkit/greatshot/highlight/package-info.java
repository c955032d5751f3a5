/** Highlights: the {@link dev.fragkit.greatshot.highlight.HighlightRule} extension point, its immutable {@link dev.fragkit.greatshot.highlight.HighlightConfig}, the stock rules and the {@link dev.fragkit.greatshot.highlight.HighlightEngine} that runs rules, de-duplicates and orders their output. */
@NullMarked
package dev.fragkit.greatshot.highlight;

import org.jspecify.annotations.NullMarked;
