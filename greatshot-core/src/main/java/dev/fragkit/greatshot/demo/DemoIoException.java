package dev.fragkit.greatshot.demo;

import java.io.IOException;

/** Reading the input failed; the cause is the original {@link IOException}. Immutable. */
public final class DemoIoException extends DemoException {
  private static final long serialVersionUID = 1L;

  public DemoIoException(String source, long byteOffset, IOException cause) {
    super("I/O error reading " + source + " at byte " + byteOffset + ": " + cause.getMessage(), byteOffset, cause);
  }

  @Override
  public synchronized IOException getCause() {
    return (IOException) super.getCause();
  }
}
