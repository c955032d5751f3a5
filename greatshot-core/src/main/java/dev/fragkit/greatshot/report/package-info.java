/** Artifacts written from an analysis: {@code analysis.json} (jackson-core streaming, versioned schema), {@code report.txt} and a self-contained {@code report.html} with an inline SVG timeline. */
@NullMarked
package dev.fragkit.greatshot.report;

import org.jspecify.annotations.NullMarked;
