package dev.fragkit.greatshot.udt;

/**
 * Limits for reading UDT_json input, so a hostile or broken file fails with a named setting
 * instead of exhausting memory. Immutable and thread-safe.
 */
public final class UdtLimits {
  private static final UdtLimits DEFAULTS = builder().build();

  private final int maxEvents;
  private final int maxStringLength;
  private final int maxNestingDepth;

  private UdtLimits(Builder b) {
    this.maxEvents = b.maxEvents;
    this.maxStringLength = b.maxStringLength;
    this.maxNestingDepth = b.maxNestingDepth;
  }

  /** 250,000 events (the reference scanner's default), strings up to 1 MiB, nesting depth 32. */
  public static UdtLimits defaults() {
    return DEFAULTS;
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder().maxEvents(maxEvents).maxStringLength(maxStringLength).maxNestingDepth(maxNestingDepth);
  }

  /** Maximum number of obituaries + raw commands + raw configstrings. */
  public int maxEvents() {
    return maxEvents;
  }

  /** Maximum length of one JSON string, in characters. */
  public int maxStringLength() {
    return maxStringLength;
  }

  /** Maximum JSON nesting depth. */
  public int maxNestingDepth() {
    return maxNestingDepth;
  }

  @Override
  public String toString() {
    return "UdtLimits{maxEvents=" + maxEvents + ", maxStringLength=" + maxStringLength + ", maxNestingDepth="
        + maxNestingDepth + "}";
  }

  /** Builder; not thread-safe. */
  public static final class Builder {
    private int maxEvents = 250_000;
    private int maxStringLength = 1 << 20;
    private int maxNestingDepth = 32;

    private Builder() {}

    public Builder maxEvents(int value) {
      if (value < 1) {
        throw new IllegalArgumentException("maxEvents < 1: " + value);
      }
      this.maxEvents = value;
      return this;
    }

    public Builder maxStringLength(int value) {
      if (value < 1) {
        throw new IllegalArgumentException("maxStringLength < 1: " + value);
      }
      this.maxStringLength = value;
      return this;
    }

    public Builder maxNestingDepth(int value) {
      if (value < 4) {
        throw new IllegalArgumentException("maxNestingDepth < 4: " + value);
      }
      this.maxNestingDepth = value;
      return this;
    }

    public UdtLimits build() {
      return new UdtLimits(this);
    }
  }
}
