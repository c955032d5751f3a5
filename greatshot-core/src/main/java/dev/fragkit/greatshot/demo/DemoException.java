package dev.fragkit.greatshot.demo;

import dev.fragkit.greatshot.GreatshotException;

/**
 * Root of every failure while reading a demo. Unchecked; subclasses are named for the failure and
 * carry their context as fields. Immutable.
 */
public abstract class DemoException extends GreatshotException {
  private static final long serialVersionUID = 1L;
  private final long byteOffset;

  protected DemoException(String message, long byteOffset, Throwable cause) {
    super(message, cause);
    this.byteOffset = byteOffset;
  }

  protected DemoException(String message, long byteOffset) {
    super(message);
    this.byteOffset = byteOffset;
  }

  /** Offset in the input (from its first byte) where the failure was detected, or −1 if not known. */
  public long byteOffset() {
    return byteOffset;
  }
}
