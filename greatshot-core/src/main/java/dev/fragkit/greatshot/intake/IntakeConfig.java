package dev.fragkit.greatshot.intake;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Upload policy. Defaults: {@code maxUploadBytes} 200 MiB, extensions {@code .dm_84} and
 * {@code .tv_84}, {@code freeSpaceFactor} 3 (an upload is refused unless 3 × the cap is free),
 * {@code analysisPriority} 0. Immutable.
 */
public final class IntakeConfig {
  private final long maxUploadBytes;
  private final List<String> allowedExtensions;
  private final int freeSpaceFactor;
  private final int analysisPriority;

  private IntakeConfig(Builder b) {
    this.maxUploadBytes = b.maxUploadBytes;
    this.allowedExtensions = List.copyOf(b.allowedExtensions);
    this.freeSpaceFactor = b.freeSpaceFactor;
    this.analysisPriority = b.analysisPriority;
  }

  public static IntakeConfig defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder().maxUploadBytes(maxUploadBytes).allowedExtensions(allowedExtensions)
        .freeSpaceFactor(freeSpaceFactor).analysisPriority(analysisPriority);
  }

  public long maxUploadBytes() {
    return maxUploadBytes;
  }

  /** Lower-case, with the dot. */
  public List<String> allowedExtensions() {
    return allowedExtensions;
  }

  public int freeSpaceFactor() {
    return freeSpaceFactor;
  }

  public int analysisPriority() {
    return analysisPriority;
  }

  /** Free bytes required before an upload is read. */
  public long requiredFreeBytes() {
    return Math.multiplyExact(maxUploadBytes, (long) freeSpaceFactor);
  }

  @Override
  public String toString() {
    return "IntakeConfig{maxUploadBytes=" + maxUploadBytes + ", allowedExtensions=" + allowedExtensions
        + ", freeSpaceFactor=" + freeSpaceFactor + ", analysisPriority=" + analysisPriority + "}";
  }

  /** Not thread-safe. */
  public static final class Builder {
    private long maxUploadBytes = 200L * 1024 * 1024;
    private List<String> allowedExtensions = List.of(".dm_84", ".tv_84");
    private int freeSpaceFactor = 3;
    private int analysisPriority;

    private Builder() {}

    public Builder maxUploadBytes(long value) {
      if (value < 1) {
        throw new IllegalArgumentException("maxUploadBytes < 1: " + value);
      }
      this.maxUploadBytes = value;
      return this;
    }

    public Builder allowedExtensions(List<String> value) {
      if (value.isEmpty()) {
        throw new IllegalArgumentException("allowedExtensions is empty");
      }
      for (String ext : value) {
        if (!ext.matches("\\.[a-z0-9_]{1,15}")) {
          throw new IllegalArgumentException("allowedExtensions: not a lower-case '.ext': " + ext);
        }
      }
      this.allowedExtensions = List.copyOf(value);
      return this;
    }

    public Builder freeSpaceFactor(int value) {
      if (value < 0) {
        throw new IllegalArgumentException("freeSpaceFactor < 0: " + value);
      }
      this.freeSpaceFactor = value;
      return this;
    }

    public Builder analysisPriority(int value) {
      this.analysisPriority = value;
      return this;
    }

    public IntakeConfig build() {
      Objects.requireNonNull(allowedExtensions, "allowedExtensions");
      try {
        Math.multiplyExact(maxUploadBytes, (long) freeSpaceFactor);
      } catch (ArithmeticException e) {
        throw new IllegalStateException("maxUploadBytes x freeSpaceFactor overflows: " + maxUploadBytes + " x " + freeSpaceFactor, e);
      }
      return new IntakeConfig(this);
    }
  }

  static String extensionOf(String fileName) {
    int dot = fileName.lastIndexOf('.');
    return dot < 0 ? "" : fileName.substring(dot).toLowerCase(Locale.ROOT);
  }
}
