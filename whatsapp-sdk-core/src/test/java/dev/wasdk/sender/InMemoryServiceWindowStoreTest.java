package dev.wasdk.sender;

import org.junit.jupiter.api.Assumptions;

/** Runs the {@link ServiceWindowStore} contract against the in-memory store. */
class InMemoryServiceWindowStoreTest extends ServiceWindowStoreContract {
  private final ServiceWindowStore store = ServiceWindowStore.inMemory();

  @Override
  protected ServiceWindowStore store() {
    return store;
  }

  @Override
  protected ServiceWindowStore reopen() {
    // The state lives in the store object and dies with it: no second instance can see it.
    Assumptions.abort("the in-memory store keeps its state in the object; nothing outlives it");
    return null;
  }
}
