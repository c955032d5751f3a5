package dev.fragkit.telemetry.record;

import java.nio.file.Path;
import java.util.Optional;
import java.util.zip.CRC32C;

/**
 * The on-disk layout. A recording is a directory of segment files named {@code
 * segment-<12-digit index>.fkseg}, written in index order and never modified once closed.
 *
 * <pre>
 * segment = header frame*
 * header  = "FKTS" u8[4] version (00 00 00 01)
 * frame   = length u32 (big-endian, 1..maxFrameBytes)
 *           crc    u32 (CRC32C over the 4 length bytes followed by the payload)
 *           payload u8[length]
 * </pre>
 *
 * <p>The checksum covers the length so that a corrupted length field is detected rather than
 * misframing the rest of the segment (as in the LevelDB log format, whose CRC covers the type byte).
 * Stateless.
 */
final class SegmentFormat {
  static final byte[] MAGIC = {'F', 'K', 'T', 'S', 0, 0, 0, 1};
  static final int HEADER_BYTES = MAGIC.length;
  static final int FRAME_OVERHEAD = 8;
  static final String PREFIX = "segment-";
  static final String SUFFIX = ".fkseg";

  private SegmentFormat() {}

  static String fileName(long index) {
    return String.format("%s%012d%s", PREFIX, index, SUFFIX);
  }

  /** The index encoded in a segment file name, if {@code file} is a segment. */
  static Optional<Long> indexOf(Path file) {
    Path name = file.getFileName();
    if (name == null) {
      return Optional.empty();
    }
    String n = name.toString();
    if (!n.startsWith(PREFIX) || !n.endsWith(SUFFIX)
        || n.length() != PREFIX.length() + 12 + SUFFIX.length()) {
      return Optional.empty();
    }
    String digits = n.substring(PREFIX.length(), PREFIX.length() + 12);
    for (int i = 0; i < digits.length(); i++) {
      if (digits.charAt(i) < '0' || digits.charAt(i) > '9') {
        return Optional.empty();
      }
    }
    return Optional.of(Long.parseLong(digits));
  }

  static int crc(byte[] buf, int lengthOffset, int payloadLength) {
    CRC32C c = new CRC32C();
    c.update(buf, lengthOffset, 4);
    c.update(buf, lengthOffset + FRAME_OVERHEAD, payloadLength);
    return (int) c.getValue();
  }

  static void putInt(byte[] b, int off, int v) {
    b[off] = (byte) (v >>> 24);
    b[off + 1] = (byte) (v >>> 16);
    b[off + 2] = (byte) (v >>> 8);
    b[off + 3] = (byte) v;
  }

  static int getInt(byte[] b, int off) {
    return ((b[off] & 0xff) << 24) | ((b[off + 1] & 0xff) << 16) | ((b[off + 2] & 0xff) << 8)
        | (b[off + 3] & 0xff);
  }
}
