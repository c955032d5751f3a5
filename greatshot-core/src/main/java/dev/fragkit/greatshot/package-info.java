/** ET:Legacy demo analysis: parsing, analysis, highlights, reports and the job pipeline. */
@NullMarked
package dev.fragkit.greatshot;

import org.jspecify.annotations.NullMarked;
