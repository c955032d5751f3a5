package dev.fragkit.telemetry.tick;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A typed field value of a {@link GameTick}: text, integer, exact decimal, boolean, null, list or
 * struct. Lists and structs nest to any depth, so exact {@link BigDecimal}s survive at every level
 * (the reference serialiser converted only top-level decimals).
 *
 * <p>All implementations are immutable.
 */
public sealed interface TickValue {

  /** A string. */
  record Text(String value) implements TickValue {
    public Text {
      Objects.requireNonNull(value, "value");
    }
  }

  /** A 64-bit integer. */
  record Int(long value) implements TickValue {}

  /** An exact decimal; scale is preserved through encoding ({@code 1.50} stays {@code 1.50}). */
  record Decimal(BigDecimal value) implements TickValue {
    public Decimal {
      Objects.requireNonNull(value, "value");
    }
  }

  /** A boolean. */
  record Bool(boolean value) implements TickValue {}

  /** JSON null. */
  enum Null implements TickValue {
    INSTANCE
  }

  /** An ordered list of values. */
  record ListValue(List<TickValue> values) implements TickValue {
    public ListValue {
      values = List.copyOf(values);
    }
  }

  /** An insertion-ordered map of named values. */
  record Struct(Map<String, TickValue> fields) implements TickValue {
    public Struct {
      fields = copyOrdered(fields);
    }
  }

  static TickValue text(String s) {
    return new Text(s);
  }

  static TickValue of(long v) {
    return new Int(v);
  }

  static TickValue of(BigDecimal v) {
    return new Decimal(v);
  }

  static TickValue of(boolean v) {
    return new Bool(v);
  }

  /**
   * Converts a plain Java value: {@code null}, {@link TickValue}, {@link String}, {@link Boolean},
   * {@link BigDecimal}, {@link BigInteger}, byte/short/int/long, finite float/double (via {@link
   * BigDecimal#valueOf(double)}), {@link Map} with string keys, {@link List}, recursively.
   *
   * @throws IllegalArgumentException for any other type, a non-string map key or a non-finite double,
   *     naming the path of the offending value
   */
  static TickValue from(@org.jspecify.annotations.Nullable Object value) {
    return TickValueConversion.from(value, "$");
  }

  private static Map<String, TickValue> copyOrdered(Map<String, TickValue> in) {
    LinkedHashMap<String, TickValue> copy = new LinkedHashMap<>();
    for (Map.Entry<String, TickValue> e : in.entrySet()) {
      copy.put(Objects.requireNonNull(e.getKey(), "field name"),
          Objects.requireNonNull(e.getValue(), "field " + e.getKey()));
    }
    return Collections.unmodifiableMap(copy);
  }
}
