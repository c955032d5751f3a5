package dev.fragkit.greatshot.analysis;

import java.util.Locale;

/** Where a killing shot hit, when the demo says (format doc §12.7 hit regions). Immutable. */
public enum HitRegion {
  HEAD, BODY, ARM, LEG;

  /** Lower-case name as written in reports. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
