package dev.fragkit.telemetry.replay;

import dev.fragkit.telemetry.tick.GameTick;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A fixed-capacity ring of the most recent ticks: pushing into a full ring evicts the oldest. The
 * array is allocated once, so memory is bounded by {@code capacity} references however long it runs
 * (the reference's "bounded" live buffer was not).
 *
 * <p>Thread-safe: all methods synchronise on the ring; none calls out to user code.
 */
public final class TickRingBuffer {
  private final GameTick[] slots;
  private int head; // index of the oldest element
  private int size;
  private long pushed;

  public TickRingBuffer(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity < 1: " + capacity);
    }
    this.slots = new GameTick[capacity];
  }

  /** Appends {@code tick}, evicting the oldest when full. */
  public synchronized void push(GameTick tick) {
    Objects.requireNonNull(tick, "tick");
    int cap = slots.length;
    if (size < cap) {
      int idx = head + size;
      slots[idx >= cap ? idx - cap : idx] = tick;
      size++;
    } else {
      slots[head] = tick;
      head = head + 1 == cap ? 0 : head + 1;
    }
    pushed++;
  }

  public int capacity() {
    return slots.length;
  }

  public synchronized int size() {
    return size;
  }

  /** Ticks pushed in total. */
  public synchronized long pushed() {
    return pushed;
  }

  /** Ticks evicted in total. */
  public synchronized long evicted() {
    return pushed - size;
  }

  /** The newest {@code n} ticks (or fewer), oldest first. */
  public synchronized List<GameTick> latest(int n) {
    if (n < 0) {
      throw new IllegalArgumentException("n < 0: " + n);
    }
    int k = Math.min(n, size);
    List<GameTick> out = new ArrayList<>(k);
    for (int i = size - k; i < size; i++) {
      out.add(slots[(head + i) % slots.length]);
    }
    return out;
  }

  /** Buffered ticks with {@code from <= sequence <= to}, oldest first. */
  public synchronized List<GameTick> range(long from, long to) {
    List<GameTick> out = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      GameTick t = slots[(head + i) % slots.length];
      if (t.sequence() >= from && t.sequence() <= to) {
        out.add(t);
      }
    }
    return out;
  }

  /** Removes every tick (capacity is kept). */
  public synchronized void clear() {
    java.util.Arrays.fill(slots, null);
    head = 0;
    size = 0;
  }
}
