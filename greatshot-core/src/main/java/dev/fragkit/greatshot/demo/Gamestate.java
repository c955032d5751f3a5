package dev.fragkit.greatshot.demo;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.Collections;
import org.jspecify.annotations.Nullable;

/**
 * A gamestate: the full configstring table at the start of the demo or after a map restart.
 *
 * @param serverTime server time of the latest snapshot before it, or null before the first
 * @param clientNum the recording client's number
 * @param checksumFeed the server's checksum feed
 * @param configStrings every non-empty configstring by index, in ascending index order
 */
public record Gamestate(@Nullable Integer serverTime, int clientNum, int checksumFeed, SortedMap<Integer, String> configStrings) {
  public Gamestate {
    configStrings = Collections.unmodifiableSortedMap(new TreeMap<>(configStrings));
  }

  /** The configstring at {@code index}, or {@code ""} when it is not set. */
  public String configString(int index) {
    return configStrings.getOrDefault(index, "");
  }

  /** Convenience: the configstrings as a plain map view. */
  public Map<Integer, String> asMap() {
    return configStrings;
  }
}
