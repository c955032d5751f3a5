/** The {@code fragkit} command-line tool: composes the cores and adapters into one runnable jar. */
@NullMarked
package dev.fragkit.adapters.cli;

import org.jspecify.annotations.NullMarked;
