package dev.fragkit.economy.ledger;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * Operation ids of {@link InMemoryLedgerStore} as ISO-8859-1 bytes in append-only pages: a length
 * byte then the characters, addressed by a {@code long}. Storing a million ids costs a million
 * times their length plus one byte, in a few large arrays, instead of a {@code String} and a
 * {@code byte[]} each that every young collection would copy and trace.
 *
 * <p>Thread-safe. Writers reserve disjoint ranges with one compare-and-set and fill them without
 * a lock; an id must be published to readers by the caller (the store publishes its address with a
 * release store after {@link #add} returned). Pages are created on first use under this object's
 * monitor.
 */
final class IdArena {
  /** Longest id an arena holds (its length is one unsigned byte). */
  static final int MAX_LENGTH = 255;
  static final int DEFAULT_PAGE_BITS = 16;

  private final int pageBits;
  private final int pageSize;
  /** Addresses stay below this: the page index is an {@code int}. */
  private final long maxEnd;
  private volatile byte[][] pages = new byte[0][];
  /** The next free address. */
  private final AtomicLong end = new AtomicLong();

  IdArena() {
    this(DEFAULT_PAGE_BITS);
  }

  /** An arena with pages of {@code 2^pageBits} bytes (small values for tests; at least one whole id). */
  IdArena(int pageBits) {
    if (pageBits < 8 || pageBits > 24) {
      throw new IllegalArgumentException("pageBits not in 8..24: " + pageBits);
    }
    this.pageBits = pageBits;
    this.pageSize = 1 << pageBits;
    this.maxEnd = (long) (Integer.MAX_VALUE - 8) << pageBits;
  }

  /** True when an arena can hold {@code id}: at most {@link #MAX_LENGTH} characters, all up to U+00FF. */
  static boolean fits(String id) {
    int n = id.length();
    if (n > MAX_LENGTH) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      if (id.charAt(i) > 0xFF) {
        return false;
      }
    }
    return true;
  }

  /** Stores {@code id} and returns its address (a non-negative number below 2^55). */
  long add(String id) {
    if (!fits(id)) {
      throw new IllegalArgumentException("id does not fit an arena (length " + id.length() + ")");
    }
    int n = id.length();
    long address = reserve(n + 1);
    byte[] page = pageForWrite((int) (address >>> pageBits));
    int at = (int) address & (pageSize - 1);
    page[at] = (byte) n;
    for (int i = 0; i < n; i++) {
      page[at + 1 + i] = (byte) id.charAt(i);
    }
    return address;
  }

  /** Reserves {@code need} bytes that do not cross a page boundary. */
  private long reserve(int need) {
    while (true) {
      long e = end.get();
      if (e >= maxEnd) {
        throw new IllegalStateException("id arena full: " + e + " bytes");
      }
      long start = (e & (pageSize - 1)) + need > pageSize ? ((e >>> pageBits) + 1) << pageBits : e;
      if (end.compareAndSet(e, start + need)) {
        return start;
      }
    }
  }

  /** True when the id at {@code address} is {@code id}. */
  boolean matches(long address, String id) {
    byte[] page = page((int) (address >>> pageBits));
    int at = (int) address & (pageSize - 1);
    int n = page[at] & 0xFF;
    if (n != id.length()) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      if (id.charAt(i) != (char) (page[at + 1 + i] & 0xFF)) {
        return false;
      }
    }
    return true;
  }

  /** The id at {@code address}. */
  String get(long address) {
    byte[] page = page((int) (address >>> pageBits));
    int at = (int) address & (pageSize - 1);
    return new String(page, at + 1, page[at] & 0xFF, StandardCharsets.ISO_8859_1);
  }

  /** Bytes reserved so far, including the unused tails of full pages (tests, footprint). */
  long reserved() {
    return end.get();
  }

  private byte[] page(int index) {
    byte[][] d = pages;
    byte @Nullable [] p = index < d.length ? d[index] : null;
    if (p != null) {
      return p;
    }
    synchronized (this) { // the writer's page store may not be visible without the monitor
      d = pages;
      if (index >= d.length || d[index] == null) {
        throw new IllegalArgumentException("no id stored in page " + index);
      }
      return d[index];
    }
  }

  private byte[] pageForWrite(int index) {
    byte[][] d = pages;
    if (index < d.length && d[index] != null) {
      return d[index];
    }
    synchronized (this) {
      d = pages;
      if (index >= d.length) {
        d = Arrays.copyOf(d, Math.max(index + 1, Math.max(4, d.length * 2)));
        pages = d;
      }
      if (d[index] == null) {
        d[index] = new byte[pageSize];
      }
      return d[index];
    }
  }
}
