package dev.fragkit.greatshot.store;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A job row. {@code claims} counts how many times a worker claimed it (more than one means a worker
 * died or lost its lease); {@code attempts} counts analyzer/cutter runs including retries;
 * {@code progress} is 0..1. Immutable.
 */
public record JobRecord(
    String id,
    JobKind kind,
    String subjectId,
    int priority,
    JobState state,
    int claims,
    int attempts,
    double progress,
    @Nullable String owner,
    @Nullable Instant leaseUntil,
    boolean cancelRequested,
    @Nullable String error,
    Instant createdAt) {}
