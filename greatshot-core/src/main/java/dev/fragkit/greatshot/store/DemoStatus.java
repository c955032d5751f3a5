package dev.fragkit.greatshot.store;

import java.util.Locale;

/**
 * Life cycle of an uploaded demo: {@code queued → scanning → analyzed | failed}. A demo goes back from
 * {@code scanning} to {@code scanning} when a dead worker's job is reclaimed. Immutable.
 */
public enum DemoStatus {
  QUEUED, SCANNING, ANALYZED, FAILED;

  /** The lower-case name used in JSON and in the database. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses {@link #wireName()}. */
  public static DemoStatus fromWire(String value) {
    return valueOf(value.toUpperCase(Locale.ROOT));
  }
}
