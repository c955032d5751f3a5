package dev.fragkit.economy.ledger;

/** What a ledger operation (and each transfer it made) was. Immutable. */
public enum OperationKind {
  OPEN, CREDIT, DEBIT, TRANSFER, DAILY, ROB, PURCHASE, HOLD, HOLD_INCREASE, POST, VOID
}
