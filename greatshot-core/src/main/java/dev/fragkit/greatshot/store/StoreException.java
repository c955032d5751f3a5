package dev.fragkit.greatshot.store;

import dev.fragkit.greatshot.GreatshotException;

/** Root of the store failures that callers may want to tell apart. Unchecked. */
public abstract class StoreException extends GreatshotException {
  private static final long serialVersionUID = 1L;

  protected StoreException(String message, Throwable cause) {
    super(message, cause);
  }

  protected StoreException(String message) {
    super(message);
  }
}
