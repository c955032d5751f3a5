package dev.fragkit.greatshot.intake;

import java.util.List;

/** The file name's extension is not in {@link IntakeConfig#allowedExtensions()}. */
public final class UnsupportedExtensionException extends UploadRejectedException {
  private static final long serialVersionUID = 1L;
  private final String fileName;
  private final String extension;

  UnsupportedExtensionException(String fileName, String extension, List<String> allowed) {
    super("unsupported file extension '" + extension + "' of '" + fileName + "'; allowed: " + allowed);
    this.fileName = fileName;
    this.extension = extension;
  }

  public String fileName() {
    return fileName;
  }

  public String extension() {
    return extension;
  }

  @Override
  public String code() {
    return "unsupported_extension";
  }
}
