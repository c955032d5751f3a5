package dev.fragkit.telemetry.proximity;

/**
 * A SKILL_SNAPSHOT row ({@code s;s;s;d×7}): the seven skill levels of a player at round end, each
 * ≥ 0. Immutable.
 */
public record SkillSnapshot(String guid, String name, String team, int battleSense,
    int engineering, int firstAid, int signals, int lightWeapons, int heavyWeapons, int covertOps)
    implements ProximityRow {}
