package dev.fragkit.greatshot.store;

import java.util.Objects;

/**
 * A demo about to be recorded: its id, the SHA-256 of its bytes (64 lower-case hex), the name the
 * client gave, the lower-case extension with its dot ({@code .dm_84}) and its size. Immutable.
 */
public record NewDemo(String id, String sha256, String originalFilename, String extension, long sizeBytes) {
  public NewDemo {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(sha256, "sha256");
    Objects.requireNonNull(originalFilename, "originalFilename");
    Objects.requireNonNull(extension, "extension");
    if (!sha256.matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException("sha256 is not 64 lower-case hex digits: " + sha256);
    }
    if (sizeBytes < 1) {
      throw new IllegalArgumentException("sizeBytes < 1: " + sizeBytes);
    }
  }
}
