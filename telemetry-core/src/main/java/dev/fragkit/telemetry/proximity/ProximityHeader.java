package dev.fragkit.telemetry.proximity;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The {@code # key=value} header block. Numeric settings fall back to the values the Lua tracker
 * writes (crossfire 1000 ms, escape 5000 ms / 300 units, position sample interval 200 ms) when
 * absent; the reference parser's fallback of 1000 ms for the sample interval disagreed with the
 * tracker.
 *
 * @param trackerVersion major version from the magic line {@code # PROXIMITY_TRACKER_V<n>} (4 when
 *     absent)
 * @param magicPresent whether the magic line was present
 * @param trackerVersionFull e.g. "6.11" (6.11+), else null
 * @param testMode declared test mode (6.11+), else null
 * @param capabilities declared capability flags in file order (6.11+), empty if not declared
 * @param other header keys this parser does not interpret
 */
public record ProximityHeader(int trackerVersion, boolean magicPresent, @Nullable String map,
    @Nullable Integer round, int crossfireWindowMs, int escapeTimeMs, int escapeDistance,
    int positionSampleIntervalMs, long roundStartUnix, long roundEndUnix,
    int axisSpawnIntervalMs, int alliesSpawnIntervalMs, @Nullable String trackerVersionFull,
    @Nullable Boolean testMode, Map<String, Boolean> capabilities, Map<String, String> other) {
  public ProximityHeader {
    capabilities = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(capabilities));
    other = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(other));
  }

  /** Whether the file declared its capabilities (6.11+). */
  public boolean capabilitiesDeclared() {
    return !capabilities.isEmpty();
  }
}
