package dev.fragkit.greatshot.store;

/** A page of a leaderboard: {@code limit} in 1..{@value #MAX_LIMIT}, {@code offset} ≥ 0. Immutable. */
public record Page(int limit, int offset) {
  public static final int MAX_LIMIT = 100;

  public Page {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit not in 1.." + MAX_LIMIT + ": " + limit);
    }
    if (offset < 0) {
      throw new IllegalArgumentException("offset < 0: " + offset);
    }
  }
}
