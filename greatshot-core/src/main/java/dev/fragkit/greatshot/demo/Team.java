package dev.fragkit.greatshot.demo;

/** {@code team_t} (format doc §12.3). */
public enum Team {
  FREE, AXIS, ALLIES, SPECTATOR;

  /** The team for a wire value; out-of-range values map to {@link #FREE}. */
  public static Team fromId(int id) {
    return id >= 0 && id < VALUES.length ? VALUES[id] : FREE;
  }

  public int id() {
    return ordinal();
  }

  private static final Team[] VALUES = values();
}
