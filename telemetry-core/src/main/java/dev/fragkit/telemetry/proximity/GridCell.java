package dev.fragkit.telemetry.proximity;

/** A heatmap cell: {@code floor(x / size), floor(y / size)}. */
public record GridCell(int x, int y) {
  static GridCell of(Position p, int size) {
    return new GridCell((int) Math.floor(p.x() / size), (int) Math.floor(p.y() / size));
  }
}
