package dev.fragkit.telemetry.record;

import dev.fragkit.telemetry.tick.GameTick;
import dev.fragkit.telemetry.tick.MalformedTickException;
import dev.fragkit.telemetry.tick.TickCodec;
import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Streams the ticks of a recording directory in order, recovering what a crash left behind: a torn
 * tail keeps every intact frame before it and reports the dropped bytes; a corrupt frame in the
 * middle of a segment is skipped and reported, never fatal. A frame with a valid checksum whose
 * payload is not a tick is skipped and reported as well.
 *
 * <p>Not thread-safe. {@link #close()} closes the segment file being read.
 */
public final class RecordingReader implements Iterator<GameTick>, AutoCloseable {
  private final RecordingFileSystem fs;
  private final TickCodec codec;
  private final int maxFrameBytes;
  private final List<Path> segments;
  private final List<SegmentReport> reports = new ArrayList<>();
  private final List<CorruptRegion> undecodable = new ArrayList<>();
  private int nextSegment;
  private @Nullable SeekableByteChannel channel;
  private @Nullable SegmentScanner scanner;
  private @Nullable GameTick lookahead;
  private long frameOffset = -1;
  private @Nullable Path frameSegment;
  private int frameSegmentOrdinal = -1;
  private long startOffset = -1;
  private boolean closed;

  private RecordingReader(RecordingFileSystem fs, TickCodec codec, List<Path> segments) {
    this.fs = fs;
    this.codec = codec;
    this.maxFrameBytes = codec.maxTickBytes();
    this.segments = segments;
  }

  /**
   * Opens a recording directory positioned at the frame at {@code from} (a position previously
   * returned by {@link #lastPosition()} for the same, unchanged recording), so that the first tick
   * returned is the one stored there. Nothing before {@code from} is read; {@link #report()} covers
   * only what was read from there on.
   *
   * @throws IllegalArgumentException if {@code from} names a segment the directory does not have
   * @throws RecordingIoException if the directory cannot be listed or the segment opened
   */
  public static RecordingReader open(Path dir, RecordingFileSystem fs, TickCodec codec,
      FramePosition from) {
    Objects.requireNonNull(from, "from");
    RecordingReader r = open(dir, fs, codec);
    if (from.segment() >= r.segments.size()) {
      throw new IllegalArgumentException("segment " + from.segment() + " not in " + dir + " ("
          + r.segments.size() + " segments)");
    }
    r.nextSegment = from.segment();
    r.startOffset = from.offset();
    return r;
  }

  /** Opens {@code dir} on the local file system with the default codec. */
  public static RecordingReader open(Path dir) {
    return open(dir, RecordingFileSystem.local(), TickCodec.defaults());
  }

  /**
   * Opens a recording directory.
   *
   * @throws RecordingIoException if the directory cannot be listed
   */
  public static RecordingReader open(Path dir, RecordingFileSystem fs, TickCodec codec) {
    Objects.requireNonNull(dir, "dir");
    Objects.requireNonNull(fs, "fs");
    Objects.requireNonNull(codec, "codec");
    return new RecordingReader(fs, codec, segmentsOf(fs, dir));
  }

  /** Reads a whole recording into memory: every recovered tick plus the report. */
  public static Recovered readAll(Path dir, RecordingFileSystem fs, TickCodec codec) {
    try (RecordingReader r = open(dir, fs, codec)) {
      List<GameTick> ticks = new ArrayList<>();
      while (r.hasNext()) {
        ticks.add(r.next());
      }
      return new Recovered(ticks, r.report());
    }
  }

  /** Every recovered tick of a recording and what recovery found. Immutable. */
  public record Recovered(List<GameTick> ticks, RecoveryReport report) {
    public Recovered {
      ticks = List.copyOf(ticks);
    }
  }

  static List<Path> segmentsOf(RecordingFileSystem fs, Path dir) {
    List<Path> files;
    try {
      files = fs.list(dir);
    } catch (IOException e) {
      throw new RecordingIoException("list", dir, e);
    }
    List<Path> segs = new ArrayList<>();
    for (Path p : files) {
      if (SegmentFormat.indexOf(p).isPresent()) {
        segs.add(p);
      }
    }
    segs.sort(Comparator.comparing(p -> SegmentFormat.indexOf(p).orElseThrow()));
    return segs;
  }

  @Override
  public boolean hasNext() {
    if (closed) {
      throw new IllegalStateException("closed");
    }
    while (lookahead == null) {
      if (scanner == null) {
        if (nextSegment >= segments.size()) {
          return false;
        }
        openSegment(segments.get(nextSegment++));
      }
      SegmentScanner s = Objects.requireNonNull(scanner);
      Path seg = segments.get(nextSegment - 1);
      SegmentScanner.Frame f;
      try {
        f = s.next();
      } catch (IOException e) {
        throw new RecordingIoException("read", seg, e);
      }
      if (f == null) {
        reports.add(s.report());
        closeChannel();
        continue;
      }
      try {
        lookahead = codec.decode(f.payload());
        frameOffset = f.offset();
        frameSegment = seg;
        frameSegmentOrdinal = nextSegment - 1;
      } catch (MalformedTickException e) {
        undecodable.add(new CorruptRegion(seg, f.offset(),
            f.payload().length + SegmentFormat.FRAME_OVERHEAD, "undecodable tick: " + e.getMessage()));
      }
    }
    return true;
  }

  @Override
  public GameTick next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    GameTick t = Objects.requireNonNull(lookahead);
    lookahead = null;
    return t;
  }

  /** The segment holding the tick last returned by {@link #next()}. */
  public @Nullable Path lastSegment() {
    return frameSegment;
  }

  /** Byte offset of the frame of the tick last returned by {@link #next()}. */
  public long lastFrameOffset() {
    return frameOffset;
  }

  /**
   * Where the frame of the tick last returned by {@link #next()} starts (reopen there with {@link
   * #open(Path, RecordingFileSystem, TickCodec, FramePosition)}); null before the first tick.
   * Valid only until the next call to {@link #hasNext()}, which reads ahead.
   */
  public @Nullable FramePosition lastPosition() {
    return frameSegmentOrdinal < 0 ? null : new FramePosition(frameSegmentOrdinal, frameOffset);
  }

  /**
   * What recovery found so far; complete once {@link #hasNext()} has returned false.
   */
  public RecoveryReport report() {
    return new RecoveryReport(reports, undecodable);
  }

  private void openSegment(Path seg) {
    try {
      channel = fs.openRead(seg);
      scanner = new SegmentScanner(seg, channel, maxFrameBytes);
      if (startOffset >= 0) {
        scanner.skipTo(startOffset);
        startOffset = -1;
      }
    } catch (IOException e) {
      closeChannel();
      throw new RecordingIoException("open", seg, e);
    }
  }

  private void closeChannel() {
    SeekableByteChannel c = channel;
    channel = null;
    scanner = null;
    if (c != null) {
      try {
        c.close();
      } catch (IOException e) {
        throw new RecordingIoException("close", segments.get(nextSegment - 1), e);
      }
    }
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      closeChannel();
    }
  }
}
