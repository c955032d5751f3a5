package dev.fragkit.greatshot.store;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** A stored demo row. {@code error} is set only when {@code status} is {@link DemoStatus#FAILED}. Immutable. */
public record DemoRecord(
    String id,
    String sha256,
    String originalFilename,
    String extension,
    long sizeBytes,
    DemoStatus status,
    @Nullable String error,
    Instant createdAt) {
  public DemoRecord {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(createdAt, "createdAt");
  }

  public Optional<String> errorMessage() {
    return Optional.ofNullable(error);
  }
}
