package dev.fragkit.telemetry.proximity;

/**
 * A TEAM_COHESION row ({@code d;s;d;.1f;.1f;.1f;.1f;d;s;.1f}), sampled per team with at least two
 * players alive. Distances are 2D world units. Immutable.
 *
 * @param aliveCount players alive (≥ 2)
 * @param dispersion mean distance to the centroid (≥ 0)
 * @param maxSpread largest pairwise distance (≥ 0)
 * @param stragglerCount players farther than 800 units from the centroid (0..aliveCount)
 * @param buddyGuid1 first GUID of the closest pair (written {@code g1+g2})
 * @param buddyGuid2 second GUID of the closest pair
 * @param buddyDistance distance of the closest pair (≥ 0)
 */
public record TeamCohesion(int time, String team, int aliveCount, double centroidX,
    double centroidY, double dispersion, double maxSpread, int stragglerCount, String buddyGuid1,
    String buddyGuid2, double buddyDistance) implements ProximityRow {}
