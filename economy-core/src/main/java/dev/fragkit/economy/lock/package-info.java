/** Per-key locks with sorted multi-key acquisition, timeouts and diagnostics. */
@NullMarked
package dev.fragkit.economy.lock;

import org.jspecify.annotations.NullMarked;
