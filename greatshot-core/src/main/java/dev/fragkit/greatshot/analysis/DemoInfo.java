package dev.fragkit.greatshot.analysis;

import org.jspecify.annotations.Nullable;

/**
 * Facts about the demo as a whole. Immutable.
 *
 * @param file the demo's file name (no directory)
 * @param sha256 lower-case hex SHA-256 of the file's bytes, or null when the caller did not supply it
 * @param input what was read: {@code "dm_84"}/{@code "tv_84"} binary demo or {@code "udt_json"}
 * @param protocol network protocol (84 client demo, 284 ETTV)
 * @param map serverinfo {@code mapname}, or {@code "unknown"}
 * @param mod serverinfo {@code gamename} (e.g. {@code legacy}), or {@code "unknown"}
 * @param modVersion serverinfo {@code mod_version}, or null
 * @param gametype serverinfo {@code g_gametype} as a name ({@code stopwatch}, …; format doc §12.7), or
 *     {@code "unknown"}
 * @param gametypeId the raw {@code g_gametype} number, or null
 * @param startMs server time of the first snapshot (ms)
 * @param endMs server time of the last snapshot (ms)
 * @param recorderClient the recording client's number (for ETTV the client the recorder followed)
 */
public record DemoInfo(String file, @Nullable String sha256, String input, int protocol, String map, String mod,
    @Nullable String modVersion, String gametype, @Nullable Integer gametypeId, int startMs, int endMs,
    int recorderClient) {
  /** {@code endMs − startMs}, never negative. */
  public int durationMs() {
    return Math.max(0, endMs - startMs);
  }
}
