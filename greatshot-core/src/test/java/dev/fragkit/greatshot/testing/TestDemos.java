package dev.fragkit.greatshot.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Writes small files in the ET demo record framing (et-demo-format.md §2:
 * {@code [int32 LE seq][int32 LE length][body]}, ended by a length of -1). The first record's body
 * may carry a directive for {@link RecordWalkingAnalyzer} ({@code #spin}, {@code #transient=N},
 * {@code #fail}). Thread-safe (static).
 */
public final class TestDemos {
  private TestDemos() {}

  /** A demo of {@code records} random records (seeded), optionally led by a directive record. */
  public static byte[] generate(long seed, int records, String directive) {
    Random random = new Random(seed);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int seq = 1000 + random.nextInt(1000);
    if (!directive.isEmpty()) {
      record(out, seq++, directive.getBytes(StandardCharsets.US_ASCII));
    }
    for (int i = 0; i < records; i++) {
      byte[] body = new byte[1 + random.nextInt(200)];
      random.nextBytes(body);
      body[0] = 'x'; // never looks like a directive
      record(out, seq++, body);
    }
    out.writeBytes(new byte[] {-1, -1, -1, -1, -1, -1, -1, -1});
    return out.toByteArray();
  }

  public static Path write(Path file, long seed, int records, String directive) throws IOException {
    Files.write(file, generate(seed, records, directive));
    return file;
  }

  /** A demo whose second record claims a length of 40000 (&gt; 32768): corrupt, but with a valid first record. */
  public static byte[] corrupt(long seed) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    record(out, 1, new byte[] {'x', 1, 2, 3});
    ByteBuffer header = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putInt(2).putInt(40000);
    out.writeBytes(header.array());
    out.writeBytes(new byte[64]);
    return out.toByteArray();
  }

  private static void record(ByteArrayOutputStream out, int seq, byte[] body) {
    ByteBuffer header = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putInt(seq).putInt(body.length);
    out.writeBytes(header.array());
    out.writeBytes(body);
  }
}
