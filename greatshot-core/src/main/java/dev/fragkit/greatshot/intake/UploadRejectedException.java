package dev.fragkit.greatshot.intake;

import dev.fragkit.greatshot.GreatshotException;

/**
 * An upload refused by policy. Nothing of it is left in storage. {@link #code()} is a stable,
 * machine-readable reason ({@code unsupported_extension}, {@code upload_too_large},
 * {@code empty_upload}, {@code invalid_header}, {@code insufficient_storage}). Unchecked.
 */
public abstract class UploadRejectedException extends GreatshotException {
  private static final long serialVersionUID = 1L;

  UploadRejectedException(String message) {
    super(message);
  }

  /** Stable machine-readable reason. */
  public abstract String code();
}
