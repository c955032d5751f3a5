/**
 * Demo reader implementation: record framing, bit reader, Huffman tables, message decoding, delta
 * decoding with the field tables and the snapshot ring. Not API: may change without notice.
 */
@NullMarked
package dev.fragkit.greatshot.demo.internal;

import org.jspecify.annotations.NullMarked;
