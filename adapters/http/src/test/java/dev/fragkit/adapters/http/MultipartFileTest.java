package dev.fragkit.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MultipartFileTest {
  private static final String BOUNDARY = "----fragkit7MA4YWxkTrZu0gW";

  /** A body of {@code parts} (disposition, content, disposition, content, …) after a preamble. */
  private static byte[] body(String boundary, String preamble, Object... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(bytes(preamble));
    for (int i = 0; i < parts.length; i += 2) {
      out.writeBytes(bytes("--" + boundary + "\r\nContent-Disposition: form-data; " + parts[i]
          + "\r\nContent-Type: application/octet-stream\r\n\r\n"));
      out.writeBytes((byte[]) parts[i + 1]);
      out.writeBytes(bytes("\r\n"));
    }
    out.writeBytes(bytes("--" + boundary + "--\r\n"));
    return out.toByteArray();
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }

  /** A source that returns 1..maxChunk bytes per read, like a socket. */
  private static InputStream trickle(byte[] data, Random random, int maxChunk) {
    return new ByteArrayInputStream(data) {
      @Override
      public synchronized int read(byte[] b, int off, int len) {
        return super.read(b, off, Math.min(len, 1 + random.nextInt(maxChunk)));
      }
    };
  }

  /** Reads everything with a random mix of single-byte and bulk reads of random sizes. */
  private static byte[] drain(InputStream in, Random random) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buf = new byte[100_000];
    while (true) {
      if (random.nextInt(8) == 0) {
        int b = in.read();
        if (b < 0) {
          return out.toByteArray();
        }
        out.write(b);
      } else {
        int n = in.read(buf, 0, 1 + random.nextInt(random.nextBoolean() ? 16 : buf.length));
        if (n < 0) {
          return out.toByteArray();
        }
        assertThat(n).as("a bulk read returns at least one byte").isPositive();
        out.write(buf, 0, n);
      }
    }
  }

  @Test
  void findsTheNamedPartAfterAPreambleAndOtherParts() throws IOException {
    byte[] demo = bytes("demo\r\n--not-the-boundary\r\n--" + BOUNDARY.substring(0, 10) + "\r\n--"
        + BOUNDARY.substring(0, BOUNDARY.length() - 1) + "x\r\n");
    byte[] data = body(BOUNDARY, "ignored preamble\r\n", "name=\"note\"", bytes("hello"),
        "name=\"file\"; filename=\"match.dm_84\"", demo);
    MultipartFile.Part part = MultipartFile.find(new ByteArrayInputStream(data), BOUNDARY, "file");
    assertThat(part.fileName()).isEqualTo("match.dm_84");
    assertThat(part.content().readAllBytes()).isEqualTo(demo);
    assertThat(part.content().read()).isEqualTo(-1);
  }

  /**
   * Random content salted with prefixes of the delimiter, random part sizes (some larger than the
   * block), a trickling source and random read sizes: the content must come back byte for byte.
   */
  @Test
  void randomContentSurvivesEveryReadPattern() throws IOException {
    Random random = new Random(20261122);
    byte[] delimiter = bytes("\r\n--" + BOUNDARY);
    for (int round = 0; round < 300; round++) {
      int size = switch (round % 3) {
        case 0 -> random.nextInt(64);
        case 1 -> random.nextInt(4 * 1024);
        default -> random.nextInt(3 * MultipartFile.BLOCK);
      };
      ByteArrayOutputStream content = new ByteArrayOutputStream();
      while (content.size() < size) {
        if (random.nextInt(50) == 0) {
          int k = random.nextInt(delimiter.length);
          content.write(delimiter, 0, k); // a delimiter prefix, then a byte that breaks it
          content.write(delimiter[k] ^ (1 + random.nextInt(255)));
        } else {
          content.write(random.nextInt(256));
        }
      }
      byte[] demo = content.toByteArray();
      assertThat(indexOf(demo, delimiter)).as("round %d: generated content contains the delimiter", round).isEqualTo(-1);
      byte[] other = new byte[random.nextInt(2 * MultipartFile.BLOCK)];
      random.nextBytes(other);
      byte[] data = body(BOUNDARY, random.nextBoolean() ? "" : "preamble", "name=\"other\"", other,
          "name=\"file\"; filename=\"r" + round + ".dm_84\"", demo);
      InputStream source = random.nextBoolean() ? new ByteArrayInputStream(data) : trickle(data, random, 1 + random.nextInt(300));
      MultipartFile.Part part = MultipartFile.find(source, BOUNDARY, "file");
      assertThat(part.fileName()).isEqualTo("r" + round + ".dm_84");
      byte[] got = drain(part.content(), random);
      assertThat(Arrays.mismatch(got, demo)).as("round %d: first difference in %d bytes, got %d", round, demo.length,
          got.length).isEqualTo(-1);
    }
  }

  private static int indexOf(byte[] data, byte[] pattern) {
    for (int i = 0; i + pattern.length <= data.length; i++) {
      if (Arrays.equals(data, i, i + pattern.length, pattern, 0, pattern.length)) {
        return i;
      }
    }
    return -1;
  }

  @Test
  void aBodyWithoutItsClosingDelimiterIsMalformedAndSaysWhere() {
    byte[] data = bytes("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a\"\r\n\r\n"
        + "truncated upload");
    assertThatThrownBy(() -> MultipartFile.find(new ByteArrayInputStream(data), BOUNDARY, "file").content().readAllBytes())
        .isInstanceOf(MultipartFile.MalformedMultipartException.class)
        .hasMessage("multipart body ended before the closing boundary (at byte " + data.length + ")");
  }

  @Test
  void aMissingPartIsMalformed() {
    byte[] data = body(BOUNDARY, "", "name=\"note\"", bytes("hello"));
    assertThatThrownBy(() -> MultipartFile.find(new ByteArrayInputStream(data), BOUNDARY, "file"))
        .isInstanceOf(MultipartFile.MalformedMultipartException.class)
        .hasMessage("no part named 'file' in multipart body");
  }

  @Test
  void aBodyEndingInsideAHeaderIsMalformed() {
    byte[] data = bytes("--" + BOUNDARY + "\r\nContent-Disposition: form-data; na");
    assertThatThrownBy(() -> MultipartFile.find(new ByteArrayInputStream(data), BOUNDARY, "file"))
        .isInstanceOf(MultipartFile.MalformedMultipartException.class)
        .hasMessageStartingWith("multipart body ended inside a part header");
  }

  @Test
  void anOverlongHeaderLineIsRejectedWithoutReadingItAll() {
    byte[] data = bytes("--" + BOUNDARY + "\r\nX-Junk: " + "a".repeat(20_000) + "\r\n\r\nx\r\n--" + BOUNDARY + "--");
    assertThatThrownBy(() -> MultipartFile.find(new ByteArrayInputStream(data), BOUNDARY, "file"))
        .isInstanceOf(MultipartFile.MalformedMultipartException.class)
        .hasMessageStartingWith("multipart header line longer than 8192 bytes");
  }

  @Test
  void anEmptyFilePartIsEmpty() throws IOException {
    byte[] data = body(BOUNDARY, "", "name=\"file\"; filename=\"empty.dm_84\"", new byte[0]);
    MultipartFile.Part part = MultipartFile.find(new ByteArrayInputStream(data), BOUNDARY, "file");
    assertThat(part.content().readAllBytes()).isEmpty();
  }
}
