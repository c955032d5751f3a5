package dev.fragkit.telemetry.proximity;

/** A MOVEMENT_HEATMAP row: traversal samples, combat hits and escapes per 512-unit cell. */
public record MovementHeatCell(int gridX, int gridY, int traversal, int combat, int escape) implements ProximityRow {}
