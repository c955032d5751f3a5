package dev.fragkit.telemetry.tick;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class TickCodecTest {
  private final TickCodec codec = TickCodec.defaults();
  private static final Instant T0 = Instant.parse("2026-11-22T08:00:00.123456789Z");

  @Test
  void decimalsKeepValueAndScaleAtEveryNestingDepth() {
    TickValue deep = TickValue.of(new BigDecimal("0.10000000000000000000000000000000000001"));
    for (int i = 0; i < 40; i++) {
      deep = i % 2 == 0
          ? new TickValue.ListValue(List.of(deep, TickValue.of(new BigDecimal("1.50"))))
          : new TickValue.Struct(Map.of("k" + i, deep));
    }
    GameTick tick = GameTick.builder("game-1", 7, T0)
        .put("price", new BigDecimal("1.50"))
        .put("integral", new BigDecimal("5"))
        .put("scaled", new BigDecimal("1E+3"))
        .put("tiny", new BigDecimal("-1.5E-30"))
        .put("deep", deep)
        .put("count", 42)
        .put("name", "ünïcödé €")
        .put("flag", true)
        .put("nothing", TickValue.Null.INSTANCE)
        .build();

    GameTick back = codec.decode(codec.encode(tick));

    assertThat(back).isEqualTo(tick);
    assertThat(((TickValue.Decimal) back.field("price").orElseThrow()).value().scale()).isEqualTo(2);
    assertThat(back.field("integral").orElseThrow()).isInstanceOf(TickValue.Decimal.class);
    assertThat(back.field("count").orElseThrow()).isEqualTo(TickValue.of(42));
    assertThat(List.copyOf(back.fields().keySet()))
        .containsExactly("price", "integral", "scaled", "tiny", "deep", "count", "name", "flag", "nothing");
    assertThat(back.timestamp()).isEqualTo(T0);
  }

  @Test
  void plainJavaValuesConvertRecursivelyWithExactDecimals() {
    Map<String, Object> nested = new LinkedHashMap<>();
    nested.put("bets", List.of(Map.of("amount", new BigDecimal("12.3400")), 0.1d));
    GameTick tick = GameTick.builder("g", 1, T0).putObject("state", nested).build();

    TickValue.Struct state = (TickValue.Struct) codec.decode(codec.encode(tick)).field("state").orElseThrow();
    TickValue.ListValue bets = (TickValue.ListValue) state.fields().get("bets");
    TickValue.Struct first = (TickValue.Struct) bets.values().get(0);
    assertThat(first.fields().get("amount")).isEqualTo(TickValue.of(new BigDecimal("12.3400")));
    assertThat(bets.values().get(1)).isEqualTo(TickValue.of(new BigDecimal("0.1")));
  }

  @Test
  void unsupportedJavaValueNamesItsPath() {
    assertThatThrownBy(() -> GameTick.builder("g", 1, T0)
        .putObject("state", Map.of("bad", List.of(1, new Object()))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("unsupported value type at $.state.bad[1]: java.lang.Object");
    assertThatThrownBy(() -> GameTick.builder("g", 1, T0).putObject("x", Double.NaN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("non-finite number at $.x: NaN");
  }

  @Test
  void limitIsMeasuredInEncodedBytesNotCharacters() {
    // 400 000 euro signs: 400 000 characters (well under 1 Mi) but 1 200 000 UTF-8 bytes.
    String euros = "€".repeat(400_000);
    GameTick wide = GameTick.builder("g", 9, T0).put("s", euros).build();
    assertThatThrownBy(() -> codec.encode(wide))
        .isInstanceOf(TickTooLargeException.class)
        .hasMessageStartingWith("tick game=g seq=9 encodes to at least ")
        .hasMessageEndingWith(" bytes, exceeding maxTickBytes 1048576 (TickCodec.maxTickBytes)")
        .satisfies(e -> {
          TickTooLargeException t = (TickTooLargeException) e;
          assertThat(t.encodedBytesAtLeast()).isGreaterThan(1 << 20).isLessThan((1 << 20) + 64 * 1024);
          assertThat(t.sequence()).isEqualTo(9);
        });

    // 1 000 000 ASCII characters: more characters than 400 000 euros, yet it fits.
    String ascii = "a".repeat(1_000_000);
    byte[] enc = codec.encode(GameTick.builder("g", 10, T0).put("s", ascii).build());
    assertThat(enc.length).isLessThanOrEqualTo(1 << 20);
    assertThat(new String(enc, StandardCharsets.UTF_8)).contains(ascii);
  }

  @Test
  void exactlyAtTheLimitIsAcceptedAndOneByteMoreIsRejected() {
    TickCodec small = TickCodec.withMaxTickBytes(200);
    GameTick probe = GameTick.builder("g", 1, T0).put("s", "").build();
    int base = small.encode(probe).length;
    GameTick fits = GameTick.builder("g", 1, T0).put("s", "x".repeat(200 - base)).build();
    assertThat(small.encode(fits)).hasSize(200);
    GameTick over = GameTick.builder("g", 1, T0).put("s", "x".repeat(201 - base)).build();
    assertThatThrownBy(() -> small.encode(over)).isInstanceOf(TickTooLargeException.class);
  }

  @Test
  void tooDeepNestingIsATypedRejection() {
    TickValue v = TickValue.of(1);
    for (int i = 0; i < TickCodec.MAX_NESTING_DEPTH + 5; i++) {
      v = new TickValue.ListValue(List.of(v));
    }
    GameTick tick = GameTick.builder("g", 1, T0).put("v", v).build();
    assertThatThrownBy(() -> codec.encode(tick))
        .isInstanceOf(MalformedTickException.class)
        .hasMessage("fields nest deeper than 500 (TickCodec.MAX_NESTING_DEPTH)");
  }

  @Test
  void malformedInputIsRejectedWithWhereAndWhat() {
    assertThatThrownBy(() -> codec.decode("[1]".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(MalformedTickException.class)
        .hasMessageStartingWith("expected tick object as START_OBJECT but found START_ARRAY (at byte ");
    assertThatThrownBy(() -> codec.decode("{\"g\":\"x\",\"s\":1}".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(MalformedTickException.class)
        .hasMessageStartingWith("tick lacks one of g, s, ts, f");
    assertThatThrownBy(() -> codec.decode("{\"g\":\"x\",\"s\":1,\"ts\":1,\"f\":{}} 7".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(MalformedTickException.class)
        .hasMessageStartingWith("trailing data after tick object");
    assertThatThrownBy(() -> codec.decode("{\"g\":\"x\",\"s\":1,\"ts\":1,\"f\":{\"a\":tru".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(MalformedTickException.class)
        .hasMessageStartingWith("invalid tick JSON: ");
    assertThatThrownBy(() -> codec.decode("{\"g\":7}".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(MalformedTickException.class)
        .hasMessageStartingWith("expected \"g\" (game id) as VALUE_STRING but found VALUE_NUMBER_INT");
  }

  @Test
  void randomNestedTicksRoundTrip() {
    Random rnd = new Random(20261122);
    for (int i = 0; i < 500; i++) {
      GameTick.Builder b = GameTick.builder("game-" + rnd.nextInt(5), rnd.nextInt(1_000_000),
          Instant.ofEpochSecond(rnd.nextInt(2_000_000_000), rnd.nextInt(1_000_000_000)));
      int n = rnd.nextInt(6);
      for (int f = 0; f < n; f++) {
        b.put("f" + f, randomValue(rnd, 0));
      }
      GameTick t = b.build();
      assertThat(codec.decode(codec.encode(t))).isEqualTo(t);
    }
  }

  @Test
  void reusedGeneratorsStayCorrectAfterFailuresAndAcrossThreads() throws Exception {
    TickCodec small = TickCodec.withMaxTickBytes(300);
    GameTick ok = GameTick.builder("g", 1, T0).put("a", new BigDecimal("1.10")).build();
    byte[] expected = small.encode(ok);
    assertThat(new String(expected, StandardCharsets.UTF_8))
        .isEqualTo("{\"g\":\"g\",\"s\":1,\"ts\":1795334400,\"tn\":123456789,\"f\":{\"a\":1.10}}");
    GameTick big = GameTick.builder("g", 2, T0).put("s", "x".repeat(400)).build();
    assertThatThrownBy(() -> small.encode(big)).isInstanceOf(TickTooLargeException.class);
    TickValue deep = TickValue.of(1);
    for (int i = 0; i < 600; i++) {
      deep = new TickValue.ListValue(List.of(deep));
    }
    GameTick tooDeep = GameTick.builder("g", 3, T0).put("d", deep).build();
    assertThatThrownBy(() -> codec.encode(tooDeep)).isInstanceOf(MalformedTickException.class);
    assertThat(small.encode(ok)).isEqualTo(expected);
    assertThat(codec.decode(codec.encode(ok))).isEqualTo(ok);

    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
    List<java.util.concurrent.Future<?>> futures = new ArrayList<>();
    for (int w = 0; w < 4; w++) {
      int worker = w;
      futures.add(pool.submit(() -> {
        for (int i = 0; i < 5000; i++) {
          GameTick t = GameTick.builder("w" + worker, i, T0).put("v", BigDecimal.valueOf(i, 3)).build();
          assertThat(codec.decode(codec.encode(t))).isEqualTo(t);
        }
        return null;
      }));
    }
    for (java.util.concurrent.Future<?> f : futures) {
      f.get(60, java.util.concurrent.TimeUnit.SECONDS);
    }
    pool.shutdown();
  }

  @Property(tries = 300)
  void scalarsRoundTripExactly(@ForAll BigDecimal d, @ForAll String s, @ForAll long l) {
    GameTick t = GameTick.builder("p", 1, T0).put("d", d).put("s", s).put("l", l).build();
    assertThat(codec.decode(codec.encode(t))).isEqualTo(t);
  }

  private static TickValue randomValue(Random rnd, int depth) {
    int kind = rnd.nextInt(depth > 4 ? 5 : 7);
    switch (kind) {
      case 0:
        return TickValue.text(Integer.toString(rnd.nextInt(), 36) + "é");
      case 1:
        return TickValue.of(rnd.nextLong());
      case 2:
        return TickValue.of(new BigDecimal(rnd.nextLong()).movePointLeft(rnd.nextInt(40) - 10));
      case 3:
        return TickValue.of(rnd.nextBoolean());
      case 4:
        return TickValue.Null.INSTANCE;
      case 5: {
        List<TickValue> l = new ArrayList<>();
        for (int i = rnd.nextInt(4); i > 0; i--) {
          l.add(randomValue(rnd, depth + 1));
        }
        return new TickValue.ListValue(l);
      }
      default: {
        Map<String, TickValue> m = new LinkedHashMap<>();
        for (int i = rnd.nextInt(4); i > 0; i--) {
          m.put("k" + i, randomValue(rnd, depth + 1));
        }
        return new TickValue.Struct(m);
      }
    }
  }
}
