package dev.fragkit.greatshot.highlight;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Formats milliseconds as seconds with two decimals, rounding the exact binary value of
 * {@code ms / 1000.0} half-even — Python's {@code "%.2f" % (ms / 1000)}, which the reference uses.
 * Only a value whose third decimal is 5 can round either way: there the sign of the exact
 * {@code d × 1000 − ms} (one fused multiply-add, exact before its single rounding) tells whether
 * the double lies above or below the decimal tie; the rest is integer arithmetic.
 *
 * <p>Durations below {@value #CACHED} ms (every default window) are formatted once per JVM and
 * shared: the cache is filled racily, which is safe because a {@link String} is immutable and
 * safely published through its final fields (a thread that sees null formats it again). Thread-safe.
 */
final class Seconds {
  static final int CACHED = 1 << 14;
  private static final String[] SMALL = new String[CACHED];

  private Seconds() {}

  static String of(long ms) {
    if (ms >= 0 && ms < CACHED) {
      String s = SMALL[(int) ms];
      if (s == null) {
        s = format(ms);
        SMALL[(int) ms] = s;
      }
      return s;
    }
    return format(ms);
  }

  private static String format(long ms) {
    if (ms < 0 || ms > 1L << 40) {
      return new BigDecimal(ms / 1000.0).setScale(2, RoundingMode.HALF_EVEN).toPlainString();
    }
    long hundredths;
    if (ms % 10 != 5) {
      hundredths = (ms + 5) / 10; // not a tie: ordinary rounding of the decimal value
    } else {
      double d = ms / 1000.0;
      double side = Math.fma(d, 1000.0, -ms); // > 0: the double is above the tie
      long down = ms / 10;
      hundredths = side > 0 ? down + 1 : side < 0 ? down : (down % 2 == 0 ? down : down + 1);
    }
    long frac = hundredths % 100;
    return (hundredths / 100) + (frac < 10 ? ".0" : ".") + frac;
  }
}
