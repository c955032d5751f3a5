package dev.fragkit.greatshot.demo.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;

/** Where record bytes come from. Not thread-safe. */
public abstract class RecordInput {
  /**
   * Reads up to {@code len} bytes; returns fewer only at the end of the input.
   */
  public abstract int readFully(byte[] dst, int off, int len) throws IOException;

  /** Total size in bytes, or −1 when unknown. */
  public abstract long size();

  /** A buffered input over a stream (the stream is not closed). */
  public static RecordInput of(InputStream in, long size) {
    return new StreamInput(in, size);
  }

  /** An input over the buffer's remaining bytes (the buffer's position advances). */
  public static RecordInput of(ByteBuffer buffer) {
    return new BufferInput(buffer);
  }

  private static final class StreamInput extends RecordInput {
    private final InputStream in;
    private final long size;
    private final byte[] buf = new byte[64 * 1024];
    private int pos;
    private int end;

    StreamInput(InputStream in, long size) {
      this.in = in;
      this.size = size;
    }

    @Override
    public int readFully(byte[] dst, int off, int len) throws IOException {
      int done = 0;
      while (done < len) {
        if (pos == end) {
          if (len - done >= buf.length) {
            int n = in.read(dst, off + done, len - done);
            if (n < 0) {
              return done;
            }
            done += n;
            continue;
          }
          int n = in.read(buf, 0, buf.length);
          if (n < 0) {
            return done;
          }
          pos = 0;
          end = n;
        }
        int take = Math.min(len - done, end - pos);
        System.arraycopy(buf, pos, dst, off + done, take);
        pos += take;
        done += take;
      }
      return done;
    }

    @Override
    public long size() {
      return size;
    }
  }

  private static final class BufferInput extends RecordInput {
    private final ByteBuffer buffer;
    private final long size;

    BufferInput(ByteBuffer buffer) {
      this.buffer = buffer;
      this.size = buffer.remaining();
    }

    @Override
    public int readFully(byte[] dst, int off, int len) {
      int take = Math.min(len, buffer.remaining());
      buffer.get(dst, off, take);
      return take;
    }

    @Override
    public long size() {
      return size;
    }
  }
}
