package dev.fragkit.economy.ops;

class InMemoryLeaseStoreTest extends LeaseStoreContractTest {
  @Override
  protected LeaseStore newStore() {
    return new InMemoryLeaseStore();
  }
}
