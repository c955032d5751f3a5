package dev.fragkit.telemetry.proximity;

/**
 * A CARRIER_RETURNS row ({@code d;s;s;s;s;s;d;d;d;d;d}): a dropped objective returned. Immutable.
 *
 * @param returnDelayMs drop to return, in [0, 35000] (a pending drop expires after 35000 ms)
 * @param drop drop position (integers in the file)
 */
public record CarrierReturn(int returnTime, String returnerGuid, String returnerName,
    String returnerTeam, String flagTeam, String originalCarrierGuid, int dropTime,
    int returnDelayMs, Position drop) implements ProximityRow {}
