package dev.fragkit.telemetry.tick;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One game tick: the game it belongs to, its sequence number within that game, a wall-clock
 * timestamp and named, typed fields ({@link TickValue}) that may nest to any depth.
 *
 * <p>Immutable and thread-safe. Field order is insertion order and is kept through encoding.
 */
public final class GameTick {
  private final String gameId;
  private final long sequence;
  private final Instant timestamp;
  private final Map<String, TickValue> fields;

  private GameTick(String gameId, long sequence, Instant timestamp, Map<String, TickValue> fields) {
    this.gameId = gameId;
    this.sequence = sequence;
    this.timestamp = timestamp;
    this.fields = fields;
  }

  /**
   * Starts a tick.
   *
   * @throws IllegalArgumentException if {@code gameId} is empty or {@code sequence} is negative
   */
  public static Builder builder(String gameId, long sequence, Instant timestamp) {
    return new Builder(gameId, sequence, timestamp);
  }

  public String gameId() {
    return gameId;
  }

  public long sequence() {
    return sequence;
  }

  public Instant timestamp() {
    return timestamp;
  }

  /** The fields in insertion order (unmodifiable). */
  public Map<String, TickValue> fields() {
    return fields;
  }

  /** The named field, if present. */
  public Optional<TickValue> field(String name) {
    return Optional.ofNullable(fields.get(name));
  }

  /** A builder pre-filled with this tick's contents. */
  public Builder toBuilder() {
    Builder b = new Builder(gameId, sequence, timestamp);
    b.fields.putAll(fields);
    return b;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof GameTick t
        && t.sequence == sequence
        && t.gameId.equals(gameId)
        && t.timestamp.equals(timestamp)
        && t.fields.equals(fields);
  }

  @Override
  public int hashCode() {
    return Objects.hash(gameId, sequence, timestamp, fields);
  }

  @Override
  public String toString() {
    return "GameTick{game=" + gameId + ", seq=" + sequence + ", at=" + timestamp
        + ", fields=" + fields.keySet() + "}";
  }

  /** Builds a {@link GameTick}. Not thread-safe. */
  public static final class Builder {
    private final String gameId;
    private final long sequence;
    private final Instant timestamp;
    private final LinkedHashMap<String, TickValue> fields = new LinkedHashMap<>();

    private Builder(String gameId, long sequence, Instant timestamp) {
      Objects.requireNonNull(gameId, "gameId");
      Objects.requireNonNull(timestamp, "timestamp");
      if (gameId.isEmpty()) {
        throw new IllegalArgumentException("gameId is empty");
      }
      if (sequence < 0) {
        throw new IllegalArgumentException("sequence < 0: " + sequence);
      }
      this.gameId = gameId;
      this.sequence = sequence;
      this.timestamp = timestamp;
    }

    public Builder put(String name, TickValue value) {
      fields.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
      return this;
    }

    public Builder put(String name, String value) {
      return put(name, new TickValue.Text(value));
    }

    public Builder put(String name, long value) {
      return put(name, new TickValue.Int(value));
    }

    public Builder put(String name, BigDecimal value) {
      return put(name, new TickValue.Decimal(value));
    }

    public Builder put(String name, boolean value) {
      return put(name, new TickValue.Bool(value));
    }

    /** Converts {@code value} with {@link TickValue#from(Object)} (maps and lists nest). */
    public Builder putObject(String name, @Nullable Object value) {
      return put(name, TickValueConversion.from(value, "$." + name));
    }

    public GameTick build() {
      return new GameTick(gameId, sequence, timestamp,
          Collections.unmodifiableMap(new LinkedHashMap<>(fields)));
    }
  }
}
