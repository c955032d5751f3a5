package dev.fragkit.greatshot.store;

import dev.fragkit.greatshot.testing.MutableClock;

class InMemoryGreatshotStoreTest extends GreatshotStoreContract {
  @Override
  protected GreatshotStore newStore(MutableClock clock) {
    return new InMemoryGreatshotStore(clock);
  }
}
