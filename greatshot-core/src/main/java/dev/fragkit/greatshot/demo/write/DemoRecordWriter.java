package dev.fragkit.greatshot.demo.write;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;

/**
 * Writes demo records (format doc §2): int32 LE sequence, int32 LE length, body; and the end
 * marker (eight 0xFF bytes). Does not close the stream. Not thread-safe.
 */
public final class DemoRecordWriter {
  private final OutputStream out;
  private final byte[] header = new byte[8];

  public DemoRecordWriter(OutputStream out) {
    this.out = Objects.requireNonNull(out, "out");
  }

  public DemoRecordWriter writeRecord(int sequence, byte[] body) throws IOException {
    putInt(0, sequence);
    putInt(4, body.length);
    out.write(header);
    out.write(body);
    return this;
  }

  public DemoRecordWriter writeEndMarker() throws IOException {
    putInt(0, -1);
    putInt(4, -1);
    out.write(header);
    return this;
  }

  private void putInt(int at, int v) {
    header[at] = (byte) v;
    header[at + 1] = (byte) (v >>> 8);
    header[at + 2] = (byte) (v >>> 16);
    header[at + 3] = (byte) (v >>> 24);
  }
}
