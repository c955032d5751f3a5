package dev.fragkit.economy.ledger;

/** Life cycle of a hold: pending, then resolved exactly once by post or void. Immutable. */
public enum HoldState { PENDING, POSTED, VOIDED }
