package dev.fragkit.telemetry.proximity;

/**
 * One point of an engagement's {@code positions} list: {@code time,x,y,z,event} with event {@code
 * start | hit | sample | death | escape}.
 */
public record PathPoint(int time, Position position, String event) {}
