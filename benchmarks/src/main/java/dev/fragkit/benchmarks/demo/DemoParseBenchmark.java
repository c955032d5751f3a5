package dev.fragkit.benchmarks.demo;

import dev.fragkit.greatshot.demo.ConfigStringChange;
import dev.fragkit.greatshot.demo.DemoListener;
import dev.fragkit.greatshot.demo.DemoReader;
import dev.fragkit.greatshot.demo.DemoSummary;
import dev.fragkit.greatshot.demo.Gamestate;
import dev.fragkit.greatshot.demo.Obituary;
import dev.fragkit.greatshot.demo.PlayerInfo;
import dev.fragkit.greatshot.demo.ServerCommand;
import dev.fragkit.greatshot.demo.Snapshot;
import dev.fragkit.greatshot.demo.internal.BitReader;
import dev.fragkit.greatshot.demo.write.MessageWriter;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Full demo parse throughput over the real sample demo held in memory. MB/s = bytes per op / time
 * per op (the file is {@code demoBytes} bytes; JMH reports µs/op). Run with {@code -prof gc} for
 * allocation per op (divide by the file size for bytes allocated per input byte).
 *
 * <p>{@code all}: every event delivered, including each snapshot walked entity by entity.
 * {@code obituariesOnly}: a listener that only wants obituaries (snapshots are not materialised).
 *
 * <p>Because the benchmark machine is shared, the parse benchmarks also report the parsing
 * thread's CPU time through auxiliary counters: {@code cpuMicros} and {@code reads} (totals per
 * iteration), so CPU µs per read = cpuMicros / reads, less sensitive to other processes than wall
 * time (still inflated by cache and SMT contention).
 *
 * <p>{@code huffmanSymbolsOnly}: baseline, decoding as many Huffman symbols as the demo has bytes
 * (the demo's bytes encoded with {@code MessageWriter}), i.e. the floor set by the entropy decoder.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DemoParseBenchmark {
  /** A path to a demo; default: the shared sample relative to the repository root. */
  @Param({"../shared/demos/et/scores_test.dm_84"})
  public String demo;

  private ByteBuffer bytes;
  private String name;
  private DemoReader reader;

  @Setup
  public void load() throws IOException {
    Path p = Path.of(demo);
    if (!Files.exists(p)) {
      p = Path.of("..").resolve(demo);
    }
    bytes = ByteBuffer.wrap(Files.readAllBytes(p)).asReadOnlyBuffer();
    name = p.getFileName().toString();
    reader = DemoReader.defaults();
    MessageWriter w = new MessageWriter();
    ByteBuffer copy = bytes.duplicate();
    symbolCount = copy.remaining();
    while (copy.hasRemaining()) {
      w.writeByte(copy.get());
    }
    byte[] out = w.toByteArray();
    encodedLength = out.length;
    encoded = java.util.Arrays.copyOf(out, out.length + BitReader.PADDING);
    bitReader = new BitReader();
  }

  private byte[] encoded;
  private int encodedLength;
  private int symbolCount;
  private BitReader bitReader;

  /** CPU time of the benchmark thread, summed per iteration. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.EVENTS)
  public static class CpuTime {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    public long cpuMicros;
    public long reads;
    private long started;

    void start() {
      started = THREADS.getCurrentThreadCpuTime();
    }

    void stop() {
      cpuMicros += (THREADS.getCurrentThreadCpuTime() - started) / 1000;
      reads++;
    }
  }

  @Benchmark
  public DemoSummary all(Blackhole bh, CpuTime cpu) {
    cpu.start();
    DemoSummary summary = readAll(bh);
    cpu.stop();
    return summary;
  }

  private DemoSummary readAll(Blackhole bh) {
    return reader.read(bytes, name, new DemoListener() {
      @Override
      public boolean wantsSnapshots() {
        return true;
      }

      @Override
      public void onSnapshot(Snapshot s) {
        bh.consume(s.serverTime());
        for (int i = 0, n = s.entityCount(); i < n; i++) {
          bh.consume(s.entityField(i, 0));
        }
      }

      @Override
      public void onGamestate(Gamestate e) {
        bh.consume(e);
      }

      @Override
      public void onConfigString(ConfigStringChange e) {
        bh.consume(e);
      }

      @Override
      public void onServerCommand(ServerCommand e) {
        bh.consume(e);
      }

      @Override
      public void onObituary(Obituary e) {
        bh.consume(e);
      }

      @Override
      public void onPlayerInfo(PlayerInfo e) {
        bh.consume(e);
      }
    });
  }

  @Benchmark
  public long huffmanSymbolsOnly() {
    BitReader reader = bitReader;
    reader.reset(encoded, encodedLength);
    long sum = 0;
    for (int i = symbolCount; i > 0; i--) {
      sum += reader.readByte();
    }
    return sum;
  }

  @Benchmark
  public DemoSummary obituariesOnly(Blackhole bh, CpuTime cpu) {
    cpu.start();
    DemoSummary summary = reader.read(bytes, name, new DemoListener() {
      @Override
      public void onObituary(Obituary e) {
        bh.consume(e);
      }
    });
    cpu.stop();
    return summary;
  }
}
