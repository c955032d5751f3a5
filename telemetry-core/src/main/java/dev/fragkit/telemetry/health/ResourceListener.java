package dev.fragkit.telemetry.health;

/**
 * Reacts to resource samples, e.g. to shed load or stop a recorder. Called on the sampling thread,
 * never under the monitor's lock; must be fast. Exceptions propagate to the sampling thread.
 */
public interface ResourceListener {
  ResourceListener NONE = new ResourceListener() {};

  /** Every sample. */
  default void onSample(ResourceReport report) {}

  /** The overall status differs from the previous sample's (the first sample compares with OK). */
  default void onStatusChange(HealthStatus previous, ResourceReport report) {}
}
