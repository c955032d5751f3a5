package dev.fragkit.telemetry.proximity;

/**
 * A CONSTRUCTION_EVENTS row ({@code d;s;s;s;s;s;d;d;d}). Immutable.
 *
 * @param trackName the objective's track name
 * @param position the player's position (integers in the file)
 */
public record ConstructionEvent(int eventTime, ConstructionEventType type, String playerGuid,
    String playerName, String playerTeam, String trackName, Position position)
    implements ProximityRow {}
