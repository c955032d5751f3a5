package dev.fragkit.greatshot.intake;

/** The first record of the file breaks {@link DemoHeaderSniffer}'s rule; {@code offset} is the byte offset of the offending field. */
public final class InvalidDemoHeaderException extends UploadRejectedException {
  private static final long serialVersionUID = 1L;
  private final long offset;

  InvalidDemoHeaderException(long offset, String rule) {
    super("invalid demo header at offset " + offset + ": " + rule);
    this.offset = offset;
  }

  public long offset() {
    return offset;
  }

  @Override
  public String code() {
    return "invalid_header";
  }
}
