/** Parser and aggregations for the ET:Legacy proximity tracker's engagement files. */
@NullMarked
package dev.fragkit.telemetry.proximity;

import org.jspecify.annotations.NullMarked;
