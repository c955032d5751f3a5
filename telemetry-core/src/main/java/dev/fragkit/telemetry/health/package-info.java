/** Health and resource monitoring: resource thresholds, heartbeats and fallback chains. */
@NullMarked
package dev.fragkit.telemetry.health;

import org.jspecify.annotations.NullMarked;
