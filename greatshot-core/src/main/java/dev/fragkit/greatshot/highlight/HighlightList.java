package dev.fragkit.greatshot.highlight;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.RandomAccess;

/**
 * The engine's result list, and its collector's storage: highlights in fixed chunks of
 * {@value #CHUNK} references instead of one array. One large reference array would be a humongous
 * object to G1 (a region of its own, at least half a region in size: from 128K references with the
 * smallest regions), which JDK 17 does not reclaim in a young collection; while it lives, every
 * highlight it references is kept and copied, and it keeps old-gen growth going. Chunks are ordinary
 * young objects. A million-kill timeline spent several times its detection time in such pauses.
 *
 * <p>Unmodifiable through the {@link java.util.List} interface (the engine fills it before handing
 * it out); a filled list is safe to read from any thread once safely published.
 */
final class HighlightList extends AbstractList<Highlight> implements RandomAccess {
  static final int SHIFT = 14;
  static final int CHUNK = 1 << SHIFT;
  private static final int MASK = CHUNK - 1;

  private Highlight[][] chunks = new Highlight[1][];
  private int size;

  HighlightList() {
    chunks[0] = new Highlight[64]; // the first chunk grows to CHUNK, later ones are allocated whole
  }

  /** A list holding {@code items} in order. */
  static HighlightList of(Highlight[] items) {
    HighlightList out = new HighlightList();
    for (Highlight h : items) {
      out.append(h);
    }
    return out;
  }

  @Override
  public Highlight get(int index) {
    if (index < 0 || index >= size) {
      throw new IndexOutOfBoundsException("index " + index + ", size " + size);
    }
    return chunks[index >>> SHIFT][index & MASK];
  }

  @Override
  public int size() {
    return size;
  }

  /** Appends {@code h}; returns its index. */
  int append(Highlight h) {
    int c = size >>> SHIFT;
    int i = size & MASK;
    if (c == chunks.length) {
      chunks = Arrays.copyOf(chunks, c * 2);
    }
    Highlight[] chunk = chunks[c];
    if (chunk == null) {
      chunk = chunks[c] = new Highlight[CHUNK];
    } else if (i == chunk.length) {
      chunk = chunks[c] = Arrays.copyOf(chunk, Math.min(CHUNK, i * 2));
    }
    chunk[i] = h;
    return size++;
  }

  /** Replaces the highlight at {@code index} (< size). */
  void put(int index, Highlight h) {
    chunks[index >>> SHIFT][index & MASK] = h;
  }

  /** The highlight at {@code index} (< size), unchecked. */
  Highlight at(int index) {
    return chunks[index >>> SHIFT][index & MASK];
  }
}
