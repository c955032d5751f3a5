package dev.fragkit.economy.ledger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Virtual time for tests: starts at a fixed instant, moves only by {@link #advance} or, when built
 * with a tick, by that much on every read. Thread-safe.
 */
public final class TestClock extends Clock {
  public static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

  private final AtomicLong nanos;
  private final long tickNanos;

  private TestClock(Instant start, Duration tick) {
    this.nanos = new AtomicLong(start.getEpochSecond() * 1_000_000_000L + start.getNano());
    this.tickNanos = tick.toNanos();
  }

  public static TestClock fixed() {
    return new TestClock(START, Duration.ZERO);
  }

  /** Every {@link #instant()} call advances the clock by {@code tick} first. */
  public static TestClock ticking(Duration tick) {
    return new TestClock(START, tick);
  }

  public void advance(Duration d) {
    nanos.addAndGet(d.toNanos());
  }

  @Override
  public Instant instant() {
    long n = tickNanos == 0 ? nanos.get() : nanos.addAndGet(tickNanos);
    return Instant.ofEpochSecond(Math.floorDiv(n, 1_000_000_000L), Math.floorMod(n, 1_000_000_000L));
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("TestClock is UTC only");
  }
}
