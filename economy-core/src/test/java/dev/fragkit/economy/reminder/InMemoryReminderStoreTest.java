package dev.fragkit.economy.reminder;

/** The reminder store contract in memory (one instance shared by the racing threads). */
class InMemoryReminderStoreTest extends ReminderStoreContractTest {
  @Override
  protected ReminderStore newStore() {
    return new InMemoryReminderStore();
  }
}
