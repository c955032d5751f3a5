/** The Greatshot storage layout on a filesystem: {@link dev.fragkit.adapters.fs.greatshot.FsDemoFiles}. */
@NullMarked
package dev.fragkit.adapters.fs.greatshot;

import org.jspecify.annotations.NullMarked;
