/** Game ticks: the immutable {@link dev.fragkit.telemetry.tick.GameTick} value and its jackson-core codec. */
@NullMarked
package dev.fragkit.telemetry.tick;

import org.jspecify.annotations.NullMarked;
