package dev.fragkit.greatshot.intake;

/** The upload grew past {@link IntakeConfig#maxUploadBytes()}; detected while streaming, at {@code bytesRead}. */
public final class UploadTooLargeException extends UploadRejectedException {
  private static final long serialVersionUID = 1L;
  private final long bytesRead;
  private final long maxBytes;

  UploadTooLargeException(long bytesRead, long maxBytes) {
    super("upload exceeds " + maxBytes + " bytes (read " + bytesRead + " so far; IntakeConfig.maxUploadBytes)");
    this.bytesRead = bytesRead;
    this.maxBytes = maxBytes;
  }

  public long bytesRead() {
    return bytesRead;
  }

  public long maxBytes() {
    return maxBytes;
  }

  @Override
  public String code() {
    return "upload_too_large";
  }
}
