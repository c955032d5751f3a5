package dev.fragkit.greatshot.store;

/** A job or call names a demo that is not stored. */
public final class NoSuchDemoException extends StoreException {
  private static final long serialVersionUID = 1L;
  private final String demoId;

  public NoSuchDemoException(String demoId) {
    super("no demo with id " + demoId);
    this.demoId = demoId;
  }

  public String demoId() {
    return demoId;
  }
}
