package dev.fragkit.economy.ledger;

/** Runs the store contract on {@link InMemoryLedgerStore}: full simulation size. */
class InMemoryLedgerStoreTest extends LedgerStoreContractTest {
  @Override
  protected LedgerStore newStore() {
    return InMemoryLedgerStore.create();
  }
}
