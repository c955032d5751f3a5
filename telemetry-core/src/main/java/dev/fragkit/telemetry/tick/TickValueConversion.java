package dev.fragkit.telemetry.tick;

import dev.fragkit.telemetry.tick.TickValue.Bool;
import dev.fragkit.telemetry.tick.TickValue.Decimal;
import dev.fragkit.telemetry.tick.TickValue.Int;
import dev.fragkit.telemetry.tick.TickValue.ListValue;
import dev.fragkit.telemetry.tick.TickValue.Null;
import dev.fragkit.telemetry.tick.TickValue.Struct;
import dev.fragkit.telemetry.tick.TickValue.Text;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Converts plain Java values to {@link TickValue}s. Stateless. */
final class TickValueConversion {
private TickValueConversion() {}

  static TickValue from(@org.jspecify.annotations.Nullable Object v, String path) {
    if (v == null) {
      return Null.INSTANCE;
    }
    if (v instanceof TickValue t) {
      return t;
    }
    if (v instanceof String s) {
      return new Text(s);
    }
    if (v instanceof Boolean b) {
      return new Bool(b);
    }
    if (v instanceof BigDecimal d) {
      return new Decimal(d);
    }
    if (v instanceof BigInteger bi) {
      return bi.bitLength() < 64 ? new Int(bi.longValue()) : new Decimal(new BigDecimal(bi));
    }
    if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
      return new Int(((Number) v).longValue());
    }
    if (v instanceof Double || v instanceof Float) {
      double d = ((Number) v).doubleValue();
      if (!Double.isFinite(d)) {
        throw new IllegalArgumentException("non-finite number at " + path + ": " + d);
      }
      return new Decimal(BigDecimal.valueOf(d));
    }
    if (v instanceof Map<?, ?> m) {
      Map<String, TickValue> out = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : m.entrySet()) {
        if (!(e.getKey() instanceof String k)) {
          throw new IllegalArgumentException("non-string key at " + path + ": " + e.getKey());
        }
        out.put(k, from(e.getValue(), path + "." + k));
      }
      return new Struct(out);
    }
    if (v instanceof List<?> l) {
      List<TickValue> out = new ArrayList<>(l.size());
      for (int i = 0; i < l.size(); i++) {
        out.add(from(l.get(i), path + "[" + i + "]"));
      }
      return new ListValue(out);
    }
    throw new IllegalArgumentException(
        "unsupported value type at " + path + ": " + v.getClass().getName());
  }
}
