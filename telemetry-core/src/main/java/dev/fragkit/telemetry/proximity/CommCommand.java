package dev.fragkit.telemetry.proximity;

import org.jspecify.annotations.Nullable;

/** The COMM_EVENTS {@code cmd} values; {@link #wireName()} is the written text. */
public enum CommCommand {
  VSAY,
  VSAY_TEAM,
  VSAY_BUDDY,
  SAY,
  SAY_TEAM,
  SAY_BUDDY;

  /** The text written in the file, e.g. {@code vsay_team}. */
  public String wireName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /** Whether the command carries an {@code arg} (the {@code vsay*} family). */
  public boolean hasArg() {
    return this == VSAY || this == VSAY_TEAM || this == VSAY_BUDDY;
  }

  static @Nullable CommCommand fromWire(String s) {
    for (CommCommand c : values()) {
      if (c.wireName().equals(s)) {
        return c;
      }
    }
    return null;
  }
}
