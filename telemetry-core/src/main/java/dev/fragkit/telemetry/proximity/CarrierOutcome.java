package dev.fragkit.telemetry.proximity;

import org.jspecify.annotations.Nullable;

/** How a carry ended (CARRIER_EVENTS {@code outcome}); {@link #wireName()} is the written text. */
public enum CarrierOutcome {
  KILLED,
  DROPPED,
  SECURED,
  ROUND_END,
  DISCONNECTED,
  SHUTDOWN;

  public String wireName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  static @Nullable CarrierOutcome fromWire(String s) {
    for (CarrierOutcome c : values()) {
      if (c.wireName().equals(s)) {
        return c;
      }
    }
    return null;
  }
}
