package dev.fragkit.economy.ledger;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * The journal of {@link InMemoryLedgerStore}: legs stored by slot ({@code sequence - 1}) in chunks
 * of parallel arrays (an origin reference, two account references, a {@code long} amount and two
 * {@code long}s the origin may use for itself, its {@linkplain #stamp stamp} and {@linkplain #tag
 * tag}: 36 bytes per leg with compressed references, no object per leg). Looking a sequence up or
 * starting a scan after one is index arithmetic.
 *
 * <p>Slots are written by several threads at once (each transaction owns the slots of the sequences
 * it was given) and read without locks. A leg is published by writing its origin last with release
 * semantics; a reader that sees a non-null origin (acquire) sees the whole leg. Unwritten slots
 * (sequences of rolled-back transactions, or of transactions still committing) read as absent.
 * Each slot must be written at most once while readers may look at it.
 *
 * <p>Chunks are created on first write; the chunk directory grows under this object's monitor.
 *
 * @param <O> what legs share with their operation (id, kind, time)
 * @param <A> account reference type
 */
final class LegJournal<O, A> {
  static final int DEFAULT_CHUNK_BITS = 10;
  private static final VarHandle ELEMENT = MethodHandles.arrayElementVarHandle(Object[].class);

  /** Receives one published leg. */
  interface Visitor<O, A> {
    /** Returns false to stop the scan. */
    boolean leg(int slot, O origin, A debit, A credit, long amount);
  }

  private static final class Chunk {
    final Object[] origins;
    final Object[] debits;
    final Object[] credits;
    final long[] amounts;
    final long[] stamps;
    final long[] tags;

    Chunk(int size) {
      origins = new Object[size];
      debits = new Object[size];
      credits = new Object[size];
      amounts = new long[size];
      stamps = new long[size];
      tags = new long[size];
    }
  }

  private final int chunkBits;
  private final int chunkMask;
  /** Chunk {@code i} holds slots {@code i << chunkBits ..}; null until first written. */
  private volatile @Nullable Chunk[] directory = new Chunk[0];
  /** One past the highest slot written so far. */
  private final AtomicLong end = new AtomicLong();

  LegJournal() {
    this(DEFAULT_CHUNK_BITS);
  }

  /** A journal with chunks of {@code 2^chunkBits} slots (small values for tests). */
  LegJournal(int chunkBits) {
    if (chunkBits < 1 || chunkBits > 20) {
      throw new IllegalArgumentException("chunkBits not in 1..20: " + chunkBits);
    }
    this.chunkBits = chunkBits;
    this.chunkMask = (1 << chunkBits) - 1;
  }

  /** Stores and publishes the leg in {@code slot} (0 ≤ slot) with stamp and tag 0. */
  void put(int slot, O origin, A debit, A credit, long amount) {
    put(slot, origin, debit, credit, amount, 0, 0);
  }

  /** Stores and publishes the leg in {@code slot} (0 ≤ slot) with its origin's stamp and tag. */
  void put(int slot, O origin, A debit, A credit, long amount, long stamp, long tag) {
    if (slot < 0) {
      throw new IllegalArgumentException("slot < 0: " + slot);
    }
    Chunk c = chunkForWrite(slot >>> chunkBits);
    int i = slot & chunkMask;
    c.debits[i] = debit;
    c.credits[i] = credit;
    c.amounts[i] = amount;
    c.stamps[i] = stamp;
    c.tags[i] = tag;
    ELEMENT.setRelease(c.origins, i, origin);
    long next = slot + 1L;
    long current;
    while ((current = end.get()) < next && !end.compareAndSet(current, next)) {
      Thread.onSpinWait();
    }
  }

  /** One past the highest slot written so far (an exclusive bound for scans). */
  long end() {
    return end.get();
  }

  /**
   * The stamp stored with the leg in {@code slot}; call only after seeing the leg published (a
   * {@link #read} or {@link #scan} that visited it, or a handle published after it).
   */
  long stamp(int slot) {
    return publishedChunk(slot).stamps[slot & chunkMask];
  }

  /** The tag stored with the leg in {@code slot}; as {@link #stamp}. */
  long tag(int slot) {
    return publishedChunk(slot).tags[slot & chunkMask];
  }

  private Chunk publishedChunk(int slot) {
    Chunk c = slot < 0 ? null : chunk(slot >>> chunkBits);
    if (c == null) {
      throw new IllegalArgumentException("no leg in slot " + slot);
    }
    return c;
  }

  /** True when {@code slot} holds a published leg. */
  boolean has(long slot) {
    return read(slot, (s, o, d, c, a) -> true);
  }

  /** Calls {@code visitor} with the leg in {@code slot}; returns false (and does not call) if absent. */
  boolean read(long slot, Visitor<O, A> visitor) {
    if (slot < 0 || slot > Integer.MAX_VALUE) {
      return false;
    }
    Chunk c = chunk((int) (slot >>> chunkBits));
    if (c == null) {
      return false;
    }
    int i = (int) slot & chunkMask;
    return visit(c, (int) slot, i, visitor) != Visit.ABSENT;
  }

  private enum Visit { ABSENT, CONTINUE, STOP }

  @SuppressWarnings("unchecked")
  private Visit visit(Chunk c, int slot, int i, Visitor<O, A> visitor) {
    Object origin = ELEMENT.getAcquire(c.origins, i);
    if (origin == null) {
      return Visit.ABSENT;
    }
    return visitor.leg(slot, (O) origin, (A) c.debits[i], (A) c.credits[i], c.amounts[i]) ? Visit.CONTINUE
        : Visit.STOP;
  }

  /**
   * Visits the published legs with {@code slot >= fromSlot}, in slot order, until the visitor
   * returns false or the slots written so far are exhausted. Absent slots are skipped.
   */
  void scan(long fromSlot, Visitor<O, A> visitor) {
    long stop = Math.min(end.get(), (long) Integer.MAX_VALUE + 1);
    long slot = Math.max(0, fromSlot);
    while (slot < stop) {
      int chunkIndex = (int) (slot >>> chunkBits);
      long chunkEnd = Math.min(stop, ((long) chunkIndex + 1) << chunkBits);
      Chunk c = chunk(chunkIndex);
      if (c != null) {
        for (long s = slot; s < chunkEnd; s++) {
          if (visit(c, (int) s, (int) s & chunkMask, visitor) == Visit.STOP) {
            return;
          }
        }
      }
      slot = chunkEnd;
    }
  }

  private @Nullable Chunk chunk(int index) {
    Chunk[] d = directory;
    if (index >= d.length) {
      return null;
    }
    Chunk c = d[index];
    if (c != null) {
      return c;
    }
    synchronized (this) {
      d = directory;
      return index < d.length ? d[index] : null;
    }
  }

  private Chunk chunkForWrite(int index) {
    Chunk[] d = directory;
    if (index < d.length) {
      Chunk c = d[index];
      if (c != null) {
        return c;
      }
    }
    synchronized (this) {
      d = directory;
      if (index >= d.length) {
        d = Arrays.copyOf(d, Math.max(index + 1, Math.max(4, d.length * 2)));
        directory = d;
      }
      Chunk c = d[index];
      if (c == null) {
        c = new Chunk(1 << chunkBits);
        d[index] = c;
      }
      return c;
    }
  }

  /** Chunks allocated so far (tests). */
  synchronized int chunks() {
    int n = 0;
    for (Chunk c : directory) {
      if (c != null) {
        n++;
      }
    }
    return n;
  }
}
