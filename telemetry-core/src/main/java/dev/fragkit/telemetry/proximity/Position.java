package dev.fragkit.telemetry.proximity;

/** A point in Quake world units. */
public record Position(double x, double y, double z) {
  public static final Position ORIGIN = new Position(0, 0, 0);

  /** Horizontal (2D) distance. */
  public double distance2d(Position o) {
    return Math.hypot(x - o.x, y - o.y);
  }

  /** 3D distance. */
  public double distance3d(Position o) {
    double dx = x - o.x;
    double dy = y - o.y;
    double dz = z - o.z;
    return Math.sqrt(dx * dx + dy * dy + dz * dz);
  }
}
