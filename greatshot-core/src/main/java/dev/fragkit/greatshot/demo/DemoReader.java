package dev.fragkit.greatshot.demo;

import dev.fragkit.greatshot.demo.internal.DemoParser;
import dev.fragkit.greatshot.demo.internal.RecordInput;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;

/**
 * Reads ET:Legacy demos ({@code .dm_84} protocol 84, {@code .tv_84} ETTV protocol 284) in one
 * streaming pass and delivers their events to a {@link DemoListener}.
 *
 * <pre>{@code
 * DemoSummary summary = DemoReader.builder().timeout(Duration.ofSeconds(30)).build()
 *     .read(Path.of("match.dm_84"), listener);
 * }</pre>
 *
 * <p>Failures are {@link DemoException}s: {@link MalformedDemoException} (offset, record and the
 * broken rule), {@link DemoLimitExceededException} (the {@link ParserLimits} setting),
 * {@link DemoCancelledException}/{@link DemoTimeoutException} (checked at record boundaries) and
 * {@link DemoIoException}. A file that ends inside a record is not a failure: every complete
 * record is delivered and the read ends with {@link DemoEnd.Reason#TRUNCATED}.
 *
 * <p>Immutable and thread-safe: one reader may run any number of reads concurrently; each read
 * is confined to the calling thread.
 */
public final class DemoReader {
  private final ParserLimits limits;
  private final Clock clock;
  private final @Nullable Instant deadline;
  private final @Nullable Duration timeout;
  private final @Nullable BooleanSupplier cancelled;
  private final int protocol;

  private DemoReader(Builder b) {
    this.limits = b.limits;
    this.clock = b.clock;
    this.deadline = b.deadline;
    this.timeout = b.timeout;
    this.cancelled = b.cancelled;
    this.protocol = b.protocol;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A reader with default limits, no deadline and protocol detection by file name. */
  public static DemoReader defaults() {
    return builder().build();
  }

  /** The protocol implied by a file name: 284 for {@code *.tv_84}, else 84 (format doc §2). */
  public static int protocolForName(String name) {
    return name.toLowerCase(Locale.ROOT).endsWith(".tv_84") ? 284 : 84;
  }

  /** Reads a demo file. */
  public DemoSummary read(Path demo, DemoListener listener) {
    Objects.requireNonNull(demo, "demo");
    Objects.requireNonNull(listener, "listener");
    String name = demo.getFileName() == null ? demo.toString() : demo.getFileName().toString();
    long size;
    InputStream in;
    try {
      size = Files.size(demo);
      in = Files.newInputStream(demo);
    } catch (IOException e) {
      throw new DemoIoException(demo.toString(), 0, e);
    }
    try (InputStream stream = in) {
      return run(RecordInput.of(stream, size), name, listener);
    } catch (IOException e) {
      throw new DemoIoException(demo.toString(), -1, e);
    }
  }

  /**
   * Reads a demo from a stream; the stream is not closed. {@code sourceName} is used for messages
   * and protocol detection ({@code .tv_84} → 284).
   */
  public DemoSummary read(InputStream demo, String sourceName, DemoListener listener) {
    Objects.requireNonNull(demo, "demo");
    Objects.requireNonNull(sourceName, "sourceName");
    Objects.requireNonNull(listener, "listener");
    return run(RecordInput.of(demo, -1), sourceName, listener);
  }

  /** Reads a demo from the buffer's remaining bytes; the buffer's position is not changed. */
  public DemoSummary read(ByteBuffer demo, String sourceName, DemoListener listener) {
    Objects.requireNonNull(demo, "demo");
    Objects.requireNonNull(sourceName, "sourceName");
    Objects.requireNonNull(listener, "listener");
    return run(RecordInput.of(demo.duplicate()), sourceName, listener);
  }

  private DemoSummary run(RecordInput input, String source, DemoListener listener) {
    int proto = protocol != 0 ? protocol : protocolForName(source);
    Instant effectiveDeadline = deadline;
    if (timeout != null) {
      Instant fromTimeout = clock.instant().plus(timeout);
      effectiveDeadline = effectiveDeadline == null || fromTimeout.isBefore(effectiveDeadline)
          ? fromTimeout : effectiveDeadline;
    }
    Instant until = effectiveDeadline;
    BooleanSupplier cancel = cancelled;
    DemoParser.BoundaryCheck check = (offset, records) -> {
      if (Thread.currentThread().isInterrupted()) {
        throw new DemoCancelledException("thread interrupted after " + records + " records (byte " + offset + ")",
            offset, records);
      }
      if (cancel != null && cancel.getAsBoolean()) {
        throw new DemoCancelledException("cancelled after " + records + " records (byte " + offset + ")",
            offset, records);
      }
      if (until != null) {
        Instant now = clock.instant();
        if (now.isAfter(until)) {
          throw new DemoTimeoutException(until, now, offset, records);
        }
      }
    };
    return new DemoParser(limits, proto, source, listener, check).run(input);
  }

  @Override
  public String toString() {
    return "DemoReader{limits=" + limits + ", deadline=" + deadline + ", timeout=" + timeout + ", protocol="
        + (protocol == 0 ? "by file name" : protocol) + "}";
  }

  /** Builder for {@link DemoReader}. Not thread-safe. */
  public static final class Builder {
    private ParserLimits limits = ParserLimits.defaults();
    private Clock clock = Clock.systemUTC();
    private @Nullable Instant deadline;
    private @Nullable Duration timeout;
    private @Nullable BooleanSupplier cancelled;
    private int protocol;

    private Builder() {}

    public Builder limits(ParserLimits limits) {
      this.limits = Objects.requireNonNull(limits, "limits");
      return this;
    }

    /** Clock for deadlines and timeouts (default: system UTC). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** Stop with {@link DemoTimeoutException} once the clock passes this instant. */
    public Builder deadline(Instant deadline) {
      this.deadline = Objects.requireNonNull(deadline, "deadline");
      return this;
    }

    /** Stop with {@link DemoTimeoutException} when a read takes longer than this (per read). */
    public Builder timeout(Duration timeout) {
      Objects.requireNonNull(timeout, "timeout");
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("timeout <= 0: " + timeout);
      }
      this.timeout = timeout;
      return this;
    }

    /** Stop with {@link DemoCancelledException} when this returns true (polled per record). */
    public Builder cancellation(BooleanSupplier cancelled) {
      this.cancelled = Objects.requireNonNull(cancelled, "cancelled");
      return this;
    }

    /** Force protocol 84 or 284 instead of detecting it from the file name. */
    public Builder protocol(int protocol) {
      if (protocol != 84 && protocol != 284) {
        throw new IllegalArgumentException("protocol must be 84 or 284: " + protocol);
      }
      this.protocol = protocol;
      return this;
    }

    public DemoReader build() {
      return new DemoReader(this);
    }
  }
}
