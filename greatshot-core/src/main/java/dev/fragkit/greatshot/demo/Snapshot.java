package dev.fragkit.greatshot.demo;

/**
 * A decoded snapshot, for advanced listeners ({@link DemoListener#wantsSnapshots()}). Only valid
 * during the callback: copy what you need.
 */
public interface Snapshot {
  /** The snapshot's server time in ms. */
  int serverTime();

  /** The message number (record sequence) it was sent with. */
  int messageNum();
}
