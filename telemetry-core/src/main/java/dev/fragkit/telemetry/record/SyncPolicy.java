package dev.fragkit.telemetry.record;

/**
 * What the recorder does after writing a flush (compare Aeron Archive's file sync levels 0/1/2).
 */
public enum SyncPolicy {
  /** Leave durability to the OS: survives a process crash, not necessarily a power loss. */
  NONE,
  /** fdatasync-like {@code force(false)} after every flush. */
  DATA,
  /** {@code force(true)} after every flush: data and file metadata. */
  DATA_AND_METADATA
}
