package dev.fragkit.greatshot.demo;

/**
 * Bounds on what one demo may make the reader do. Every breach throws a
 * {@link DemoLimitExceededException} naming the setting. Immutable and thread-safe.
 *
 * @param maxMessageBytes largest record body accepted (engine MAX_MSGLEN 32768, format doc §2)
 * @param maxStringLength longest string accepted (configstrings and commands; engine 8191, §5)
 * @param maxGamestateChars total configstring characters in one gamestate (engine 16000, §6)
 * @param maxEntitiesPerSnapshot entities in one snapshot (engine MAX_GENTITIES − 1 = 1023)
 * @param maxEventsPerSnapshot event entities (eType ≥ ET_EVENTS) in one snapshot
 * @param maxCommandsPerMessage server commands in one record body
 */
public record ParserLimits(int maxMessageBytes, int maxStringLength, int maxGamestateChars,
    int maxEntitiesPerSnapshot, int maxEventsPerSnapshot, int maxCommandsPerMessage) {

  private static final ParserLimits DEFAULTS = new Builder().build();

  public ParserLimits {
    positive("maxMessageBytes", maxMessageBytes);
    if (maxMessageBytes > 1 << 24) {
      throw new IllegalArgumentException("maxMessageBytes > 16777216: " + maxMessageBytes);
    }
    positive("maxStringLength", maxStringLength);
    positive("maxGamestateChars", maxGamestateChars);
    positive("maxEntitiesPerSnapshot", maxEntitiesPerSnapshot);
    positive("maxEventsPerSnapshot", maxEventsPerSnapshot);
    positive("maxCommandsPerMessage", maxCommandsPerMessage);
  }

  private static void positive(String name, int value) {
    if (value < 1) {
      throw new IllegalArgumentException(name + " < 1: " + value);
    }
  }

  /** The engine's own limits. */
  public static ParserLimits defaults() {
    return DEFAULTS;
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder().maxMessageBytes(maxMessageBytes).maxStringLength(maxStringLength)
        .maxGamestateChars(maxGamestateChars).maxEntitiesPerSnapshot(maxEntitiesPerSnapshot)
        .maxEventsPerSnapshot(maxEventsPerSnapshot).maxCommandsPerMessage(maxCommandsPerMessage);
  }

  /** Builder with the engine's limits as defaults. Not thread-safe. */
  public static final class Builder {
    private int maxMessageBytes = 32768;
    private int maxStringLength = 8191;
    private int maxGamestateChars = 16000;
    private int maxEntitiesPerSnapshot = 1023;
    private int maxEventsPerSnapshot = 256;
    private int maxCommandsPerMessage = 1024;

    private Builder() {}

    public Builder maxMessageBytes(int v) {
      positive("maxMessageBytes", v);
      maxMessageBytes = v;
      return this;
    }

    public Builder maxStringLength(int v) {
      positive("maxStringLength", v);
      maxStringLength = v;
      return this;
    }

    public Builder maxGamestateChars(int v) {
      positive("maxGamestateChars", v);
      maxGamestateChars = v;
      return this;
    }

    public Builder maxEntitiesPerSnapshot(int v) {
      positive("maxEntitiesPerSnapshot", v);
      maxEntitiesPerSnapshot = v;
      return this;
    }

    public Builder maxEventsPerSnapshot(int v) {
      positive("maxEventsPerSnapshot", v);
      maxEventsPerSnapshot = v;
      return this;
    }

    public Builder maxCommandsPerMessage(int v) {
      positive("maxCommandsPerMessage", v);
      maxCommandsPerMessage = v;
      return this;
    }

    public ParserLimits build() {
      return new ParserLimits(maxMessageBytes, maxStringLength, maxGamestateChars, maxEntitiesPerSnapshot,
          maxEventsPerSnapshot, maxCommandsPerMessage);
    }
  }
}
