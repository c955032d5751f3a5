package dev.fragkit.telemetry.proximity;

import org.jspecify.annotations.Nullable;

/**
 * An OBJECTIVE_FOCUS row ({@code s;s;s;s;.1f;d;d}): per player, the objective most often nearest to
 * their samples. Immutable.
 *
 * @param objective the objective name; null when the tracker wrote an empty name (no objective was
 *     ever nearest)
 * @param avgDistance mean 3D distance to the nearest objective, world units (≥ 0)
 * @param timeWithinRadiusMs 200 ms per sample within 500 units of it (≥ 0)
 * @param samples number of samples (≥ 0)
 */
public record ObjectiveFocus(String guid, String name, String team, @Nullable String objective,
    double avgDistance, int timeWithinRadiusMs, int samples) implements ProximityRow {}
