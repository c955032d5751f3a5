package dev.fragkit.greatshot.highlight;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Formats milliseconds as seconds with two decimals, rounding the exact binary value of
 * {@code ms / 1000.0} half-even — Python's {@code "%.2f" % (ms / 1000)}, which the reference uses.
 * Only a value whose third decimal is 5 can round either way; that case (one in ten) asks
 * {@link BigDecimal} for the exact binary value, the rest is integer arithmetic.
 */
final class Seconds {
  private Seconds() {}

  static String of(long ms) {
    if (ms < 0 || ms % 10 == 5) {
      return new BigDecimal(ms / 1000.0).setScale(2, RoundingMode.HALF_EVEN).toPlainString();
    }
    long hundredths = (ms + 5) / 10; // not a tie: ordinary rounding of the decimal value
    long frac = hundredths % 100;
    return (hundredths / 100) + (frac < 10 ? ".0" : ".") + frac;
  }
}
