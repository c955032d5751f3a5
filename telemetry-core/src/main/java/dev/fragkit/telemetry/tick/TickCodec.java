package dev.fragkit.telemetry.tick;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamWriteConstraints;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Encodes {@link GameTick}s as compact UTF-8 JSON with jackson-core's streaming API and decodes them
 * back exactly: decimals keep value and scale at any nesting depth, field order is kept.
 *
 * <p>Wire form: {@code {"g":gameId,"s":sequence,"ts":epochSecond,"tn":nanoOfSecond,"f":{fields}}}.
 * A decimal with scale 0 is written with an {@code E0} exponent so that it decodes as a decimal
 * rather than an integer.
 *
 * <p>Thread-safe and immutable.
 */
public final class TickCodec {
  /** The default limit: 1 MiB of encoded bytes. */
  public static final int DEFAULT_MAX_TICK_BYTES = 1 << 20;
  /** Maximum nesting of lists and structs inside a tick's fields. */
  public static final int MAX_NESTING_DEPTH = 500;

  private static final int RETAIN_SINK_BYTES = 64 * 1024;

  private final int maxTickBytes;
  private final JsonFactory factory;
  /**
   * One reusable generator per thread: creating a generator per tick cost more than writing the
   * tick. A generator is dropped after any failure and when its sink grew large.
   */
  private final ThreadLocal<Encoder> encoders;

  private final class Encoder {
    final Sink sink = new Sink(maxTickBytes);
    final JsonGenerator generator;

    Encoder() {
      try {
        generator = factory.createGenerator(sink, JsonEncoding.UTF8);
      } catch (IOException e) {
        throw new IllegalStateException("in-memory generator failed", e);
      }
    }
  }

  private TickCodec(int maxTickBytes) {
    this.maxTickBytes = maxTickBytes;
    this.factory = JsonFactory.builder()
        .streamReadConstraints(StreamReadConstraints.builder()
            .maxNestingDepth(MAX_NESTING_DEPTH + 2)
            .maxStringLength(maxTickBytes)
            .maxNumberLength(Math.min(maxTickBytes, 100_000))
            .build())
        .streamWriteConstraints(StreamWriteConstraints.builder()
            .maxNestingDepth(MAX_NESTING_DEPTH + 2).build())
        .build();
    this.factory.setRootValueSeparator(null); // generators are reused: no space between ticks
    this.encoders = ThreadLocal.withInitial(Encoder::new);
  }

  /** A codec with the default 1 MiB limit. */
  public static TickCodec defaults() {
    return new TickCodec(DEFAULT_MAX_TICK_BYTES);
  }

  /**
   * A codec with a custom limit.
   *
   * @throws IllegalArgumentException if {@code maxTickBytes} is below 64
   */
  public static TickCodec withMaxTickBytes(int maxTickBytes) {
    if (maxTickBytes < 64) {
      throw new IllegalArgumentException("maxTickBytes < 64: " + maxTickBytes);
    }
    return new TickCodec(maxTickBytes);
  }

  /** The largest accepted encoded tick, in bytes. */
  public int maxTickBytes() {
    return maxTickBytes;
  }

  /**
   * Encodes {@code tick}.
   *
   * @throws TickTooLargeException if the encoding exceeds {@link #maxTickBytes()}; encoding stops
   *     soon after the limit is crossed, so an oversized tick never allocates much more than it
   * @throws MalformedTickException if fields nest deeper than {@link #MAX_NESTING_DEPTH}
   */
  public byte[] encode(GameTick tick) {
    Encoder e = encoders.get();
    Sink sink = e.sink;
    sink.reset();
    boolean ok = false;
    try {
      JsonGenerator g = e.generator;
      writeTick(g, tick);
      g.flush();
      ok = true;
    } catch (Sink.LimitExceeded ex) {
      throw new TickTooLargeException(tick.gameId(), tick.sequence(), ex.count, maxTickBytes);
    } catch (JsonProcessingException ex) {
      throw new MalformedTickException("cannot encode tick game=" + tick.gameId() + " seq="
          + tick.sequence() + ": " + ex.getOriginalMessage(), -1, ex);
    } catch (IOException ex) {
      throw new IllegalStateException("in-memory sink failed", ex);
    } finally {
      if (!ok || sink.array().length > RETAIN_SINK_BYTES) {
        encoders.remove(); // a failed generator is in an unknown state; a big buffer is not kept
      }
    }
    return sink.toByteArray();
  }

  private void writeTick(JsonGenerator g, GameTick tick) throws IOException {
    g.writeStartObject();
    g.writeStringField("g", tick.gameId());
    g.writeNumberField("s", tick.sequence());
    g.writeNumberField("ts", tick.timestamp().getEpochSecond());
    g.writeNumberField("tn", tick.timestamp().getNano());
    g.writeFieldName("f");
    writeStruct(g, tick.fields(), 1);
    g.writeEndObject();
  }

  private void writeStruct(JsonGenerator g, Map<String, TickValue> fields, int depth)
      throws IOException {
    if (depth > MAX_NESTING_DEPTH) {
      throw new MalformedTickException("fields nest deeper than " + MAX_NESTING_DEPTH
          + " (TickCodec.MAX_NESTING_DEPTH)", -1);
    }
    g.writeStartObject();
    for (Map.Entry<String, TickValue> e : fields.entrySet()) {
      g.writeFieldName(e.getKey());
      writeValue(g, e.getValue(), depth);
    }
    g.writeEndObject();
  }

  private void writeValue(JsonGenerator g, TickValue v, int depth) throws IOException {
    if (v instanceof TickValue.Text t) {
      g.writeString(t.value());
    } else if (v instanceof TickValue.Int i) {
      g.writeNumber(i.value());
    } else if (v instanceof TickValue.Decimal d) {
      BigDecimal bd = d.value();
      String s = bd.toString();
      g.writeNumber(bd.scale() == 0 ? s + "E0" : s);
    } else if (v instanceof TickValue.Bool b) {
      g.writeBoolean(b.value());
    } else if (v instanceof TickValue.ListValue l) {
      if (depth + 1 > MAX_NESTING_DEPTH) {
        throw new MalformedTickException("fields nest deeper than " + MAX_NESTING_DEPTH
            + " (TickCodec.MAX_NESTING_DEPTH)", -1);
      }
      g.writeStartArray();
      for (TickValue item : l.values()) {
        writeValue(g, item, depth + 1);
      }
      g.writeEndArray();
    } else if (v instanceof TickValue.Struct s) {
      writeStruct(g, s.fields(), depth + 1);
    } else {
      g.writeNull();
    }
  }

  /** Decodes a whole array. */
  public GameTick decode(byte[] bytes) {
    return decode(bytes, 0, bytes.length);
  }

  /**
   * Decodes {@code length} bytes at {@code offset}.
   *
   * @throws TickTooLargeException if {@code length} exceeds {@link #maxTickBytes()}
   * @throws MalformedTickException if the bytes are not a valid encoded tick
   */
  public GameTick decode(byte[] bytes, int offset, int length) {
    if (length > maxTickBytes) {
      throw new TickTooLargeException("?", -1, length, maxTickBytes);
    }
    try (JsonParser p = factory.createParser(bytes, offset, length)) {
      expect(p, p.nextToken(), JsonToken.START_OBJECT, "tick object");
      String gameId = null;
      long seq = -1;
      long epochSecond = Long.MIN_VALUE;
      long nano = 0;
      Map<String, TickValue> fields = null;
      JsonToken t;
      while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken vt = p.nextToken();
        switch (name) {
          case "g" -> {
            expect(p, vt, JsonToken.VALUE_STRING, "\"g\" (game id)");
            gameId = p.getText();
          }
          case "s" -> {
            expect(p, vt, JsonToken.VALUE_NUMBER_INT, "\"s\" (sequence)");
            seq = p.getLongValue();
          }
          case "ts" -> {
            expect(p, vt, JsonToken.VALUE_NUMBER_INT, "\"ts\" (epoch second)");
            epochSecond = p.getLongValue();
          }
          case "tn" -> {
            expect(p, vt, JsonToken.VALUE_NUMBER_INT, "\"tn\" (nano of second)");
            nano = p.getLongValue();
          }
          case "f" -> {
            expect(p, vt, JsonToken.START_OBJECT, "\"f\" (fields)");
            fields = readStructBody(p);
          }
          default -> p.skipChildren();
        }
      }
      expect(p, t, JsonToken.END_OBJECT, "end of tick object");
      if (p.nextToken() != null) {
        throw new MalformedTickException("trailing data after tick object", offsetOf(p));
      }
      if (gameId == null || gameId.isEmpty() || seq < 0 || epochSecond == Long.MIN_VALUE
          || fields == null) {
        throw new MalformedTickException("tick lacks one of g, s, ts, f (or has an empty game id "
            + "or negative sequence)", -1);
      }
      Instant ts;
      try {
        ts = Instant.ofEpochSecond(epochSecond, nano);
      } catch (DateTimeException | ArithmeticException e) {
        throw new MalformedTickException("timestamp out of range: ts=" + epochSecond + " tn=" + nano,
            -1, e);
      }
      GameTick.Builder b = GameTick.builder(gameId, seq, ts);
      fields.forEach(b::put);
      return b.build();
    } catch (JsonProcessingException e) {
      long off = e.getLocation() == null ? -1 : e.getLocation().getByteOffset();
      throw new MalformedTickException("invalid tick JSON: " + e.getOriginalMessage(), off, e);
    } catch (IOException e) {
      throw new IllegalStateException("in-memory parser failed", e);
    }
  }

  private static long offsetOf(JsonParser p) {
    return p.currentLocation().getByteOffset();
  }

  private static void expect(JsonParser p, @Nullable JsonToken actual, JsonToken wanted, String what) {
    if (actual != wanted) {
      throw new MalformedTickException("expected " + what + " as " + wanted + " but found " + actual,
          offsetOf(p));
    }
  }

  private static Map<String, TickValue> readStructBody(JsonParser p) throws IOException {
    Map<String, TickValue> out = new LinkedHashMap<>();
    JsonToken t;
    while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      out.put(name, readValue(p, p.nextToken()));
    }
    expect(p, t, JsonToken.END_OBJECT, "end of struct");
    return out;
  }

  private static TickValue readValue(JsonParser p, @Nullable JsonToken t) throws IOException {
    if (t == null) {
      throw new MalformedTickException("unexpected end of input", offsetOf(p));
    }
    switch (t) {
      case VALUE_STRING:
        return new TickValue.Text(p.getText());
      case VALUE_NUMBER_INT:
        if (p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
          return new TickValue.Decimal(new BigDecimal(p.getBigIntegerValue()));
        }
        return new TickValue.Int(p.getLongValue());
      case VALUE_NUMBER_FLOAT:
        return new TickValue.Decimal(p.getDecimalValue());
      case VALUE_TRUE:
        return new TickValue.Bool(true);
      case VALUE_FALSE:
        return new TickValue.Bool(false);
      case VALUE_NULL:
        return TickValue.Null.INSTANCE;
      case START_OBJECT:
        return new TickValue.Struct(readStructBody(p));
      case START_ARRAY: {
        List<TickValue> items = new ArrayList<>();
        JsonToken it;
        while ((it = p.nextToken()) != JsonToken.END_ARRAY) {
          items.add(readValue(p, it));
        }
        return new TickValue.ListValue(items);
      }
      default:
        throw new MalformedTickException("unexpected token " + t, offsetOf(p));
    }
  }

  /**
   * A growable byte sink that refuses to grow past a limit. Not thread-safe.
   */
  static final class Sink extends OutputStream {
    private final int limit;
    private byte[] buf = new byte[256];
    private int count;

    Sink(int limit) {
      this.limit = limit;
    }

    void reset() {
      count = 0;
    }

    int size() {
      return count;
    }

    byte[] array() {
      return buf;
    }

    byte[] toByteArray() {
      return Arrays.copyOf(buf, count);
    }

    private void ensure(int extra) throws LimitExceeded {
      long need = (long) count + extra;
      if (need > limit) {
        throw new LimitExceeded(need);
      }
      if (need > buf.length) {
        buf = Arrays.copyOf(buf, (int) Math.min(limit, Math.max(need, buf.length * 2L)));
      }
    }

    @Override
    public void write(int b) throws IOException {
      ensure(1);
      buf[count++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      ensure(len);
      System.arraycopy(b, off, buf, count, len);
      count += len;
    }

    /** Thrown inside the generator when the limit is crossed. */
    static final class LimitExceeded extends IOException {
      private static final long serialVersionUID = 1L;
      final long count;

      LimitExceeded(long count) {
        super("limit exceeded at " + count + " bytes");
        this.count = count;
      }
    }
  }
}
