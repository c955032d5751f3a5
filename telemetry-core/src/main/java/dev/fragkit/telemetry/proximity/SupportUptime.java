package dev.fragkit.telemetry.proximity;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Support uptime of a round (see {@link ProximityAggregations#supportUptime}). Immutable.
 *
 * @param supportSamples samples with a teammate in combat nearby, over all players
 * @param totalSamples samples considered, over all players
 * @param perPlayer the same counts per GUID, in order of first track
 */
public record SupportUptime(long supportSamples, long totalSamples, Map<String, Counts> perPlayer) {
  public SupportUptime {
    perPlayer = Collections.unmodifiableMap(new LinkedHashMap<>(perPlayer));
  }

  /** {@code supportSamples · 100 / totalSamples} to 2 decimals (half-even); 0 with no samples. */
  public BigDecimal uptimePercent() {
    return percent(supportSamples, totalSamples);
  }

  static BigDecimal percent(long part, long whole) {
    if (whole == 0) {
      return BigDecimal.ZERO.setScale(2);
    }
    return new BigDecimal(part * 100.0 / whole).setScale(2, RoundingMode.HALF_EVEN);
  }

  /** One player's samples. Immutable. */
  public record Counts(long supportSamples, long totalSamples) {
    /** Percent of this player's samples that were supported, 2 decimals half-even. */
    public BigDecimal uptimePercent() {
      return percent(supportSamples, totalSamples);
    }
  }
}
