package dev.fragkit.telemetry.record;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Reads the intact frames of one segment in order, skipping corrupt regions and stopping at a torn
 * tail. Reads through a bounded window, so memory stays at O(window + largest frame).
 *
 * <p>Not thread-safe.
 */
final class SegmentScanner {
  private static final int WINDOW = 64 * 1024;

  private final Path segment;
  private final SeekableByteChannel channel;
  private final long size;
  private final int maxFrameBytes;
  private final List<CorruptRegion> corrupt = new ArrayList<>();
  private byte[] buf = new byte[WINDOW];
  private long bufStart;
  private int bufLen;
  private long pos;
  private long intact;
  private long validEnd;
  private long tornTail;
  private boolean done;
  private String invalidReason = "";

  /** One intact frame. */
  record Frame(long offset, byte[] payload) {}

  SegmentScanner(Path segment, SeekableByteChannel channel, int maxFrameBytes) throws IOException {
    this.segment = segment;
    this.channel = channel;
    this.size = channel.size();
    this.maxFrameBytes = maxFrameBytes;
    readHeader();
  }

  private void readHeader() throws IOException {
    int n = (int) Math.min(size, SegmentFormat.HEADER_BYTES);
    int idx = ensure(0, n);
    boolean prefixOk = true;
    for (int i = 0; i < n; i++) {
      if (buf[idx + i] != SegmentFormat.MAGIC[i]) {
        prefixOk = false;
        break;
      }
    }
    if (n < SegmentFormat.HEADER_BYTES) {
      // A segment created but killed before its header was fully written: nothing to recover.
      tornTail = size;
      validEnd = 0;
      done = true;
      if (!prefixOk) {
        corrupt.add(new CorruptRegion(segment, 0, size, "bad segment header"));
        tornTail = 0;
      }
      return;
    }
    pos = SegmentFormat.HEADER_BYTES;
    validEnd = pos;
    if (!prefixOk) {
      // Keep going: frames after a damaged header are still recoverable by resynchronising.
      long next = findNextFrame(pos);
      if (next < 0) {
        corrupt.add(new CorruptRegion(segment, 0, size, "bad segment header"));
        validEnd = 0;
        done = true;
      } else {
        corrupt.add(new CorruptRegion(segment, 0, next, "bad segment header"));
        pos = next;
      }
    }
  }

  /**
   * Continues scanning at {@code offset} (the start of a frame found by an earlier scan) instead of
   * right after the header; bytes before it are neither read nor reported.
   */
  void skipTo(long offset) {
    if (offset < SegmentFormat.HEADER_BYTES || offset > size) {
      throw new IllegalArgumentException("frame offset " + offset + " outside " + SegmentFormat.HEADER_BYTES
          + ".." + size + " of " + segment);
    }
    if (!done) {
      pos = offset;
      validEnd = offset;
    }
  }

  /** The next intact frame, or null at the end of the segment. */
  @Nullable Frame next() throws IOException {
    while (!done) {
      if (pos == size) {
        done = true;
        break;
      }
      byte[] payload = tryFrame(pos);
      if (payload != null) {
        Frame f = new Frame(pos, payload);
        pos += SegmentFormat.FRAME_OVERHEAD + payload.length;
        validEnd = pos;
        intact++;
        return f;
      }
      String reason = invalidReason;
      long next = findNextFrame(pos + 1);
      if (next < 0) {
        tornTail = size - pos;
        done = true;
      } else {
        corrupt.add(new CorruptRegion(segment, pos, next - pos, reason));
        pos = next;
      }
    }
    return null;
  }

  SegmentReport report() {
    if (!done) {
      throw new IllegalStateException("segment " + segment + " not fully scanned");
    }
    return new SegmentReport(segment, size, intact, validEnd, tornTail, corrupt);
  }

  private long findNextFrame(long from) throws IOException {
    for (long q = from; q + SegmentFormat.FRAME_OVERHEAD < size; q++) {
      int idx = ensure(q, SegmentFormat.FRAME_OVERHEAD);
      int len = SegmentFormat.getInt(buf, idx);
      if (len < 1 || len > maxFrameBytes || q + SegmentFormat.FRAME_OVERHEAD + len > size) {
        continue;
      }
      if (tryFrame(q) != null) {
        return q;
      }
    }
    return -1;
  }

  private byte @Nullable [] tryFrame(long at) throws IOException {
    if (size - at < SegmentFormat.FRAME_OVERHEAD) {
      invalidReason = "truncated frame header";
      return null;
    }
    int idx = ensure(at, SegmentFormat.FRAME_OVERHEAD);
    int len = SegmentFormat.getInt(buf, idx);
    if (len < 1 || len > maxFrameBytes) {
      invalidReason = "frame length " + Integer.toUnsignedString(len) + " outside 1.." + maxFrameBytes;
      return null;
    }
    if (at + SegmentFormat.FRAME_OVERHEAD + len > size) {
      invalidReason = "truncated frame payload (length " + len + ")";
      return null;
    }
    idx = ensure(at, SegmentFormat.FRAME_OVERHEAD + len);
    int stored = SegmentFormat.getInt(buf, idx + 4);
    if (SegmentFormat.crc(buf, idx, len) != stored) {
      invalidReason = "crc mismatch";
      return null;
    }
    int start = idx + SegmentFormat.FRAME_OVERHEAD;
    return Arrays.copyOfRange(buf, start, start + len);
  }

  /** Makes bytes [at, at+n) available in {@code buf}; returns their index. Requires at+n <= size. */
  private int ensure(long at, int n) throws IOException {
    if (at >= bufStart && at + n <= bufStart + bufLen) {
      return (int) (at - bufStart);
    }
    int want = (int) Math.min(Math.max(n, WINDOW), size - at);
    if (want > buf.length) {
      buf = new byte[want];
    }
    ByteBuffer bb = ByteBuffer.wrap(buf, 0, want);
    channel.position(at);
    while (bb.hasRemaining()) {
      if (channel.read(bb) < 0) {
        break;
      }
    }
    bufStart = at;
    bufLen = bb.position();
    if (bufLen < n) {
      throw new IOException("segment " + segment + " shrank while reading at " + at);
    }
    return 0;
  }
}
