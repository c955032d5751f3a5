package dev.fragkit.greatshot.store;

import java.util.Locale;

/**
 * Job life cycle: {@code queued → running → succeeded | failed | cancelled}. A running job whose
 * lease expired is claimable again (it stays {@code running} with a new owner).
 */
public enum JobState {
  QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static JobState fromWire(String value) {
    return valueOf(value.toUpperCase(Locale.ROOT));
  }

  public boolean isFinal() {
    return this == SUCCEEDED || this == FAILED || this == CANCELLED;
  }
}
