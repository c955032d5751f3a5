package dev.fragkit.telemetry.proximity;

import org.jspecify.annotations.Nullable;

/** A REACTION_METRICS row; reaction times are null when not observed (empty fields). */
public record ReactionMetric(int engagementId, String targetGuid, String targetName,
    String targetTeam, String targetClass, String outcome, int numAttackers,
    @Nullable Integer returnFireMs, @Nullable Integer dodgeReactionMs,
    @Nullable Integer supportReactionMs, int startTime, int endTime, int duration) implements ProximityRow {}
