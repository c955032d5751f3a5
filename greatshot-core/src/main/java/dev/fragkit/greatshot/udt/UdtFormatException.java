package dev.fragkit.greatshot.udt;

import dev.fragkit.greatshot.demo.DemoException;

/**
 * The UDT_json input is not what the reader expects: invalid JSON, a field of the wrong type, a
 * breached limit. Carries where: the JSON path and the offset in the input (characters for text,
 * bytes for a stream or file; also {@link #byteOffset()}). Part of the core's
 * {@link DemoException} hierarchy. Immutable.
 */
public final class UdtFormatException extends DemoException {
  private static final long serialVersionUID = 1L;
  private final String path;
  private final long offset;

  public UdtFormatException(String message, String path, long offset, Throwable cause) {
    super(message + " (at " + path + ", offset " + offset + ")", offset, cause);
    this.path = path;
    this.offset = offset;
  }

  public UdtFormatException(String message, String path, long offset) {
    super(message + " (at " + path + ", offset " + offset + ")", offset);
    this.path = path;
    this.offset = offset;
  }

  /** JSON path of the offending value, e.g. {@code obituaries[3].serverTime}. */
  public String path() {
    return path;
  }

  /** Offset in the input (bytes for a stream or file), or −1 when unknown. */
  public long offset() {
    return offset;
  }
}
