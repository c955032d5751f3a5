package dev.fragkit.greatshot.demo;

import java.util.Optional;

/** Player classes, {@code PC_*} (format doc §12.3). */
public enum PlayerClass {
  SOLDIER, MEDIC, ENGINEER, FIELDOPS, COVERTOPS;

  private static final PlayerClass[] VALUES = values();

  /** The class for a wire value, or empty when out of range. */
  public static Optional<PlayerClass> fromId(int id) {
    return id >= 0 && id < VALUES.length ? Optional.of(VALUES[id]) : Optional.empty();
  }

  public int id() {
    return ordinal();
  }
}
