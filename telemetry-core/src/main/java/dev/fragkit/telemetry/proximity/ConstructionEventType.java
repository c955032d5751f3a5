package dev.fragkit.telemetry.proximity;

import org.jspecify.annotations.Nullable;

/** CONSTRUCTION_EVENTS {@code event_type} values; {@link #wireName()} is the written text. */
public enum ConstructionEventType {
  FLAG_CAPTURED,
  DYNAMITE_PLANT,
  DYNAMITE_DEFUSE,
  OBJECTIVE_DESTROYED,
  CONSTRUCTION_COMPLETE;

  public String wireName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  static @Nullable ConstructionEventType fromWire(String s) {
    for (ConstructionEventType c : values()) {
      if (c.wireName().equals(s)) {
        return c;
      }
    }
    return null;
  }
}
