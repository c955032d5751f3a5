package dev.fragkit.telemetry.proximity;

/**
 * The HIT_REGIONS {@code region} values, in the order of the file's comment {@code # region:
 * 0=HEAD, 1=ARMS, 2=BODY, 3=LEGS}; {@link #ordinal()} is the written number.
 */
public enum BodyRegion {
  HEAD,
  ARMS,
  BODY,
  LEGS
}
