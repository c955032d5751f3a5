package dev.fragkit.telemetry.proximity;

/** A KILL_HEATMAP row: kills per 512-unit cell by killer team. */
public record KillHeatCell(int gridX, int gridY, int axisKills, int alliesKills) implements ProximityRow {}
