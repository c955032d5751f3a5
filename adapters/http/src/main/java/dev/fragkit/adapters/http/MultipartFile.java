package dev.fragkit.adapters.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Streams one named file part out of a {@code multipart/form-data} body (RFC 7578) without buffering
 * the whole body: the returned stream ends at the part's closing delimiter. Not thread-safe.
 */
final class MultipartFile {
  private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";]+)\"?", Pattern.CASE_INSENSITIVE);
  private static final Pattern NAME = Pattern.compile("[; ]name=\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);
  private static final Pattern FILENAME = Pattern.compile("filename=\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);
  private static final int MAX_HEADER_LINE = 8192;

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

  /** Finds the part named {@code field}; the stream of earlier parts is skipped. */
  static Part find(InputStream body, String boundary, String field) throws IOException {
    byte[] delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
    PushbackInputStream in = new PushbackInputStream(body, delimiter.length);
    // The body starts with "--boundary" (no leading CRLF): push a CRLF so every delimiter looks alike.
    in.unread(new byte[] {'\r', '\n'});
    InputStream preamble = new PartStream(in, delimiter);
    preamble.transferTo(OutputStreamSink.INSTANCE);
    while (true) {
      String after = readLine(in);
      if (after.startsWith("--")) {
        throw new MalformedMultipartException("no part named '" + field + "' in multipart body");
      }
      String name = null;
      String fileName = null;
      String line;
      while (!(line = readLine(in)).isEmpty()) {
        if (line.toLowerCase(Locale.ROOT).startsWith("content-disposition:")) {
          Matcher n = NAME.matcher(line);
          name = n.find() ? n.group(1) : null;
          Matcher f = FILENAME.matcher(line);
          fileName = f.find() ? f.group(1) : null;
        }
      }
      PartStream content = new PartStream(in, delimiter);
      if (field.equals(name)) {
        return new Part(fileName == null ? "" : fileName, content);
      }
      content.transferTo(OutputStreamSink.INSTANCE);
    }
  }

  private static String readLine(InputStream in) throws IOException {
    StringBuilder sb = new StringBuilder();
    int c;
    while ((c = in.read()) != -1) {
      if (c == '\n') {
        int len = sb.length();
        return len > 0 && sb.charAt(len - 1) == '\r' ? sb.substring(0, len - 1) : sb.toString();
      }
      sb.append((char) c);
      if (sb.length() > MAX_HEADER_LINE) {
        throw new MalformedMultipartException("multipart header line longer than " + MAX_HEADER_LINE + " bytes");
      }
    }
    throw new MalformedMultipartException("multipart body ended inside a part header");
  }

  /** Discards bytes. */
  private static final class OutputStreamSink extends java.io.OutputStream {
    static final OutputStreamSink INSTANCE = new OutputStreamSink();

    @Override
    public void write(int b) {}

    @Override
    public void write(byte[] b, int off, int len) {}
  }

  /** Bytes up to (not including) the next delimiter, which it consumes. */
  private static final class PartStream extends InputStream {
    private final PushbackInputStream in;
    private final byte[] delimiter;
    private final byte[] look;
    private boolean ended;

    PartStream(PushbackInputStream in, byte[] delimiter) {
      this.in = in;
      this.delimiter = delimiter;
      this.look = new byte[delimiter.length];
    }

    @Override
    public int read() throws IOException {
      if (ended) {
        return -1;
      }
      int b = in.read();
      if (b == -1) {
        throw new MalformedMultipartException("multipart body ended before the closing boundary");
      }
      if (b != (delimiter[0] & 0xff)) {
        return b;
      }
      int n = in.readNBytes(look, 1, delimiter.length - 1);
      boolean match = n == delimiter.length - 1;
      for (int i = 1; match && i < delimiter.length; i++) {
        match = look[i] == delimiter[i];
      }
      if (match) {
        ended = true;
        return -1;
      }
      in.unread(look, 1, n);
      return b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
      if (len == 0) {
        return 0;
      }
      int i = 0;
      while (i < len) {
        int b = read();
        if (b == -1) {
          break;
        }
        buf[off + i++] = (byte) b;
        if (in.available() == 0 && i > 0) {
          break;
        }
      }
      return i == 0 ? -1 : i;
    }
  }
}
