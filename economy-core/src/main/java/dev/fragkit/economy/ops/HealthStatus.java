package dev.fragkit.economy.ops;

/** Result level of a health check, in increasing severity; a report takes the worst. Immutable. */
public enum HealthStatus { OK, WARN, CRITICAL }
