package dev.fragkit.adapters.http;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Streams one named file part out of a {@code multipart/form-data} body (RFC 7578) without buffering
 * the whole body: the returned stream ends at the part's closing delimiter. The body is read in
 * blocks of {@link #BLOCK} bytes and searched for the delimiter there, so a large upload costs a
 * handful of bulk reads per block rather than several calls per byte. Not thread-safe.
 */
final class MultipartFile {
  private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";]+)\"?", Pattern.CASE_INSENSITIVE);
  private static final Pattern NAME = Pattern.compile("[; ]name=\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);
  private static final Pattern FILENAME = Pattern.compile("filename=\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);
  private static final int MAX_HEADER_LINE = 8192;
  /** RFC 2046 allows 70 characters; longer ones are accepted up to this sanity limit. */
  private static final int MAX_BOUNDARY = 1024;
  static final int BLOCK = 64 * 1024;

  /** The part's file name and its content stream. */
  record Part(String fileName, InputStream content) {}

  /** Thrown for a body that is not well-formed multipart. */
  static final class MalformedMultipartException extends IOException {
    private static final long serialVersionUID = 1L;

    MalformedMultipartException(String message) {
      super(message);
    }
  }

  private MultipartFile() {}

  static Optional<String> boundary(String contentType) {
    Matcher m = BOUNDARY.matcher(contentType);
    return m.find() ? Optional.of(m.group(1)) : Optional.empty();
  }

  /** Finds the part named {@code field}; the content of earlier parts is skipped. */
  static Part find(InputStream body, String boundary, String field) throws IOException {
    if (boundary.isEmpty() || boundary.length() > MAX_BOUNDARY) {
      throw new MalformedMultipartException("multipart boundary must be 1 to " + MAX_BOUNDARY
          + " characters, got " + boundary.length());
    }
    Body in = new Body(body, ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1));
    in.skipPart(); // the preamble
    while (true) {
      String after = in.readLine();
      if (after.startsWith("--")) {
        throw new MalformedMultipartException("no part named '" + field + "' in multipart body");
      }
      String name = null;
      String fileName = null;
      String line;
      while (!(line = in.readLine()).isEmpty()) {
        if (line.toLowerCase(Locale.ROOT).startsWith("content-disposition:")) {
          Matcher n = NAME.matcher(line);
          name = n.find() ? n.group(1) : null;
          Matcher f = FILENAME.matcher(line);
          fileName = f.find() ? f.group(1) : null;
        }
      }
      if (field.equals(name)) {
        return new Part(fileName == null ? "" : fileName, new PartStream(in));
      }
      in.skipPart();
    }
  }

  /**
   * The body with a block buffer. Part content is everything up to the next delimiter
   * ({@code CRLF--boundary}); the body's first delimiter has no leading CRLF, so the buffer starts
   * with one.
   */
  private static final class Body {
    private final InputStream source;
    private final byte[] delimiter;
    private final byte[] buf;
    private int pos;
    private int limit;
    private boolean eof;
    /** No delimiter starts at an index in [pos, clearUntil): those bytes are content. */
    private int clearUntil;
    /** True while the current part's closing delimiter starts at {@code clearUntil}. */
    private boolean delimiterFound;
    /** Bytes of the body consumed from the source, for error messages. */
    private long offset = -2;

    Body(InputStream source, byte[] delimiter) {
      this.source = source;
      this.delimiter = delimiter;
      this.buf = new byte[Math.max(BLOCK, 2 * delimiter.length)];
      buf[0] = '\r';
      buf[1] = '\n';
      limit = 2;
    }

    /**
     * Copies up to {@code len} content bytes of the current part; -1 once its delimiter has been
     * consumed.
     */
    int readContent(byte[] out, int off, int len) throws IOException {
      int n = contentAvailable();
      if (n == 0) {
        consumeDelimiter();
        return -1;
      }
      n = Math.min(n, len);
      System.arraycopy(buf, pos, out, off, n);
      advance(n);
      return n;
    }

    /** Skips the rest of the current part and its delimiter. */
    void skipPart() throws IOException {
      int n;
      while ((n = contentAvailable()) > 0) {
        advance(n);
      }
      consumeDelimiter();
    }

    /**
     * Content bytes available at {@code pos} without reading further (> 0), or 0 when the
     * delimiter starts at {@code pos}. Reads from the source as needed.
     */
    private int contentAvailable() throws IOException {
      while (true) {
        if (clearUntil > pos || delimiterFound) {
          return clearUntil - pos;
        }
        if (limit - pos < delimiter.length) {
          if (!fill()) {
            throw new MalformedMultipartException("multipart body ended before the closing boundary (at byte "
                + (offset + limit) + ")");
          }
          continue;
        }
        scan();
      }
    }

    /** Searches [pos, limit) for the delimiter; sets {@code clearUntil} and {@code delimiterFound}. */
    private void scan() {
      byte first = delimiter[0];
      int last = limit - delimiter.length;
      for (int i = pos; i <= last; i++) {
        if (buf[i] == first && matchesAt(i)) {
          clearUntil = i;
          delimiterFound = true;
          return;
        }
      }
      // a delimiter may start in the last delimiter.length - 1 bytes: keep them for the next scan
      clearUntil = last + 1;
    }

    private boolean matchesAt(int i) {
      return Arrays.equals(buf, i, i + delimiter.length, delimiter, 0, delimiter.length);
    }

    private void consumeDelimiter() {
      advance(delimiter.length);
      delimiterFound = false;
      clearUntil = pos;
    }

    private void advance(int n) {
      pos += n;
    }

    /**
     * Moves the unread bytes to the start of the buffer and reads more; false at the end of the
     * body.
     */
    private boolean fill() throws IOException {
      if (eof) {
        return false;
      }
      if (pos > 0) {
        int kept = limit - pos;
        System.arraycopy(buf, pos, buf, 0, kept);
        offset += pos;
        clearUntil = Math.max(0, clearUntil - pos);
        limit = kept;
        pos = 0;
      }
      int n = source.read(buf, limit, buf.length - limit);
      if (n < 0) {
        eof = true;
        return false;
      }
      limit += n;
      return true;
    }

    /** A header line without its CRLF (or LF), ISO-8859-1 decoded. */
    String readLine() throws IOException {
      StringBuilder sb = new StringBuilder();
      while (true) {
        if (pos == limit && !fill()) {
          throw new MalformedMultipartException("multipart body ended inside a part header (at byte "
              + (offset + limit) + ")");
        }
        int end = pos;
        while (end < limit && buf[end] != '\n') {
          end++;
        }
        if (sb.length() + (end - pos) > MAX_HEADER_LINE) {
          throw new MalformedMultipartException("multipart header line longer than " + MAX_HEADER_LINE
              + " bytes (at byte " + (offset + pos) + ")");
        }
        sb.append(new String(buf, pos, end - pos, StandardCharsets.ISO_8859_1));
        if (end < limit) {
          advance(end - pos + 1);
          clearUntil = pos;
          int len = sb.length();
          return len > 0 && sb.charAt(len - 1) == '\r' ? sb.substring(0, len - 1) : sb.toString();
        }
        advance(end - pos);
      }
    }
  }

  /** The chosen part's content: bytes up to (not including) the next delimiter, which it consumes. */
  private static final class PartStream extends InputStream {
    private final Body body;
    private final byte[] one = new byte[1];
    private boolean ended;

    PartStream(Body body) {
      this.body = body;
    }

    @Override
    public int read() throws IOException {
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] out, int off, int len) throws IOException {
      Objects.checkFromIndexSize(off, len, out.length);
      if (ended) {
        return -1;
      }
      if (len == 0) {
        return 0;
      }
      int n = body.readContent(out, off, len);
      if (n < 0) {
        ended = true;
      }
      return n;
    }
  }
}
