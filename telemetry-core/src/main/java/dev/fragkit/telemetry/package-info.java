/** Game-tick recording and replay, proximity telemetry and health monitoring. */
@NullMarked
package dev.fragkit.telemetry;

import org.jspecify.annotations.NullMarked;
