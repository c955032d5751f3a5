package dev.fragkit.telemetry.proximity;

/**
 * One sampled point of a player track: {@code time,x,y,z,health,speed,weapon,stance,sprint,event}.
 *
 * @param stance 0 standing, 1 crouching, 2 prone
 * @param sprint whether the player was sprinting
 */
public record TrackPoint(int time, Position position, int health, double speed, int weapon,
    int stance, boolean sprint, String event) {}
