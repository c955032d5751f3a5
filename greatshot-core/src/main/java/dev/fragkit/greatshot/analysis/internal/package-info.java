/** Implementation helpers for the analysis (info strings, colour codes, command tokenizing, the {@code sc} table and weapon tables). Not API: may change without notice. */
@NullMarked
package dev.fragkit.greatshot.analysis.internal;

import org.jspecify.annotations.NullMarked;
