package dev.fragkit.telemetry.proximity;

/** A TRADE_KILLS row as the tracker detected it (K killed V after V killed K's teammate). */
public record TradeKill(int originalKillTime, int tradedKillTime, int deltaMs,
    String originalVictimGuid, String originalVictimName, String originalKillerGuid,
    String originalKillerName, String traderGuid, String traderName) implements ProximityRow {}
