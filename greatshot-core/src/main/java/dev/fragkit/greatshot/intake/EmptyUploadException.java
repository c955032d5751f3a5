package dev.fragkit.greatshot.intake;

/** The upload has no bytes. */
public final class EmptyUploadException extends UploadRejectedException {
  private static final long serialVersionUID = 1L;

  EmptyUploadException(String fileName) {
    super("empty upload '" + fileName + "'");
  }

  @Override
  public String code() {
    return "empty_upload";
  }
}
