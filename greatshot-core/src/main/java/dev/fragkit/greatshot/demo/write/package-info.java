/**
 * Writing ET demo messages and records (the inverse of the reader): bit-stream encoding with the
 * fixed Huffman code, entity/playerState deltas and record framing. Used by round-trip tests and
 * later by the demo cutter. Wire format: {@code shared/docs/et-demo-format.md}.
 */
@NullMarked
package dev.fragkit.greatshot.demo.write;

import org.jspecify.annotations.NullMarked;
