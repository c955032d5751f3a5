package dev.fragkit.greatshot.store;

import java.util.Locale;

/** What a job does: analyse a demo (subject = demo id) or extract a highlight's clip (subject = highlight id). */
public enum JobKind {
  ANALYSIS, RENDER;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static JobKind fromWire(String value) {
    return valueOf(value.toUpperCase(Locale.ROOT));
  }
}
