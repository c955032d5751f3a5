/** Crash-safe recording: append-only segment files of length-prefixed CRC32C frames, the recorder and recovery. */
@NullMarked
package dev.fragkit.telemetry.record;

import org.jspecify.annotations.NullMarked;
