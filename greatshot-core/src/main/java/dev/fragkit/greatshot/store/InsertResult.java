package dev.fragkit.greatshot.store;

/**
 * What {@link DemoStore#insertDemo} did: {@code created} is false when a demo with the same SHA-256
 * already existed, and then {@code demo} is that existing demo. Immutable.
 */
public record InsertResult(DemoRecord demo, boolean created) {}
