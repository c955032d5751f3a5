package dev.fragkit.greatshot.intake;

/** Less than {@code requiredBytes} (the cap times {@link IntakeConfig#freeSpaceFactor()}) is free; checked before reading anything. */
public final class InsufficientStorageException extends UploadRejectedException {
  private static final long serialVersionUID = 1L;
  private final long usableBytes;
  private final long requiredBytes;

  InsufficientStorageException(long usableBytes, long requiredBytes) {
    super("insufficient disk space: " + usableBytes + " bytes usable, " + requiredBytes
        + " required (IntakeConfig.maxUploadBytes x freeSpaceFactor)");
    this.usableBytes = usableBytes;
    this.requiredBytes = requiredBytes;
  }

  public long usableBytes() {
    return usableBytes;
  }

  public long requiredBytes() {
    return requiredBytes;
  }

  @Override
  public String code() {
    return "insufficient_storage";
  }
}
