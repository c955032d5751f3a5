/** Replay engine: file mode over a recording and live mode over a bounded ring buffer. */
@NullMarked
package dev.fragkit.telemetry.replay;

import org.jspecify.annotations.NullMarked;
