package dev.fragkit.greatshot.highlight;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Formats milliseconds as seconds with two decimals, rounding the exact binary value half-even (Python's {@code %.2f}). */
final class Seconds {
  private Seconds() {}

  static String of(long ms) {
    return new BigDecimal(ms / 1000.0).setScale(2, RoundingMode.HALF_EVEN).toPlainString();
  }
}
