package dev.fragkit.telemetry.proximity;

/**
 * A typed row of one of the 29 documented sections (greatshot-reference.md §3.4). Rows of sections
 * this version does not know are kept as {@link RawRow}s instead. Every implementation is an
 * immutable record.
 */
public sealed interface ProximityRow permits Engagement, PlayerTrack, KillHeatCell,
    MovementHeatCell, ObjectiveFocus, ReactionMetric, SpawnTiming, TeamCohesion,
    CrossfireOpportunity, FocusFire, TeamPush, TradeKill, Revive, WeaponAccuracy, KillOutcome,
    HitRegion, CombatPosition, ShotFired, AimLock, SpawnSelect, SkillSnapshot, CommEvent,
    CarrierEvent, CarrierKill, CarrierReturn, VehicleProgress, EscortCredit, ConstructionEvent,
    ObjectiveRun {}
