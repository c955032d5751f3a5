/** Injectable time: monotonic clock and scheduler SPIs so timers run in virtual time under test. */
@NullMarked
package dev.fragkit.telemetry.time;

import org.jspecify.annotations.NullMarked;
