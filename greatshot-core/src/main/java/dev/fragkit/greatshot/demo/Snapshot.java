package dev.fragkit.greatshot.demo;

/**
 * A decoded snapshot, for advanced listeners ({@link DemoListener#wantsSnapshots()}). Only valid
 * during the callback: copy what you need. Not thread-safe.
 *
 * <p>Field numbers are those of the format doc's field tables (§9.1 entityState, §9.2
 * playerState). Values are the raw 32-bit wire values: integers as ints, float fields as their
 * IEEE-754 bits (use the {@code …Float} accessors). The default methods describe an empty snapshot
 * so test fakes only need {@link #serverTime()} and {@link #messageNum()}.
 */
public interface Snapshot {
  /** The snapshot's server time in ms. */
  int serverTime();

  /** The message number (record sequence) it was sent with. */
  int messageNum();

  /** {@code snapFlags} (format doc §7). */
  default int snapFlags() {
    return 0;
  }

  /** The playerState's client number (the recorder, or the player it follows). */
  default int clientNum() {
    return playerStateField(36);
  }

  /** playerState field 0..76 (§9.2), raw. */
  default int playerStateField(int field) {
    return 0;
  }

  /** playerState field 0..76 as a float. */
  default float playerStateFloat(int field) {
    return Float.intBitsToFloat(playerStateField(field));
  }

  /** {@code stats[i]}, i in 0..15 (§12.8). */
  default int stat(int index) {
    return 0;
  }

  /** {@code persistant[i]}, i in 0..15 (§12.9). */
  default int persistant(int index) {
    return 0;
  }

  /** Entities in this snapshot, in ascending entity number. */
  default int entityCount() {
    return 0;
  }

  /** The entity number (0..1022) of the i-th entity. */
  default int entityNumber(int i) {
    throw new IndexOutOfBoundsException(i);
  }

  /** entityState field 0..70 (§9.1) of the i-th entity, raw. */
  default int entityField(int i, int field) {
    throw new IndexOutOfBoundsException(i);
  }

  /** entityState field of the i-th entity as a float. */
  default float entityFloat(int i, int field) {
    return Float.intBitsToFloat(entityField(i, field));
  }

  /** ETTV (284): whether this snapshot carries a playerState for {@code client}. */
  default boolean hasClientPlayerState(int client) {
    return false;
  }

  /** ETTV (284): playerState field 0..76 of {@code client}; 0 when absent. */
  default int clientPlayerStateField(int client, int field) {
    return 0;
  }
}
