/** Filesystem bindings for the cores' storage SPIs: layouts, atomic writes, disk-space checks. */
@NullMarked
package dev.fragkit.adapters.fs;

import org.jspecify.annotations.NullMarked;
