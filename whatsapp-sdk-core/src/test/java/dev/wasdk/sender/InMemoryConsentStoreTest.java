package dev.wasdk.sender;

import org.junit.jupiter.api.Assumptions;

/** Runs the {@link ConsentStore} contract against the in-memory store. */
class InMemoryConsentStoreTest extends ConsentStoreContract {
  private final ConsentStore store = ConsentStore.inMemory();
  private final ServiceWindowStore windows = ServiceWindowStore.inMemory();

  @Override
  protected ServiceWindowStore windows() {
    return windows;
  }

  @Override
  protected ConsentStore store() {
    return store;
  }

  @Override
  protected ConsentStore reopen() {
    // The state lives in the store object and dies with it: no second instance can see it.
    Assumptions.abort("the in-memory store keeps its state in the object; nothing outlives it");
    return null;
  }
}
