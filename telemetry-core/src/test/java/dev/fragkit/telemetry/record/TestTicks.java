package dev.fragkit.telemetry.record;

import dev.fragkit.telemetry.tick.GameTick;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Deterministic ticks whose content is a function of the sequence number (test fixture). */
public final class TestTicks {
  public static final Instant T0 = Instant.parse("2026-11-22T08:00:00Z");

  private TestTicks() {}

  /** Tick {@code seq} of game {@code game}; {@code padding} extra characters vary the size. */
  public static GameTick tick(String game, long seq, int padding) {
    return GameTick.builder(game, seq, T0.plusMillis(250 * seq))
        .put("price", BigDecimal.valueOf(seq * 7919L % 100_000, 2))
        .putObject("players", List.of(Map.of("id", seq % 13, "bet", new BigDecimal("0.0" + (seq % 97)))))
        .put("pad", "p".repeat(padding))
        .build();
  }

  public static GameTick tick(long seq) {
    return tick("game-1", seq, (int) (seq % 17));
  }
}
