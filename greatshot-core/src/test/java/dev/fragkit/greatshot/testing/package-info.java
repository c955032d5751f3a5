/** Test helpers shared by the analysis, highlight, report and udt tests. */
@NullMarked
package dev.fragkit.greatshot.testing;

import org.jspecify.annotations.NullMarked;
