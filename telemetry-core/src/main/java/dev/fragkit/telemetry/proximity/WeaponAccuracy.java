package dev.fragkit.telemetry.proximity;

/**
 * A WEAPON_ACCURACY row. Rows with negative shots or hits are rejected; {@code hits} is clamped to
 * {@code shots} (splash damage can count more hits than shots), as the reference parser does.
 */
public record WeaponAccuracy(String guid, String name, String team, int weaponId, int shots,
    int hits, int kills, int headshots) implements ProximityRow {}
